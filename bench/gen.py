#!/usr/bin/env python3
"""Writes the benchmark scenarios (and the sweep) as YAML on stdout. Standard library only.

Every scenario comes in two styles:
  --style hand         every agent and site listed by hand, one flow-style line each (works with
                       today's loader; the 1 MiB scenario-file cap refuses about 10,000 agents);
  --style populations  the same agents as `populations:` (the syntax in docs/scenarios.md,
                       "Populations").

Scenarios:
  chains-gaussian  N independent recursive Gaussian chains (P1, P2): model i publishes M items a
                   tick to its own site, crawls only that site, web retention 1, replace, MLE
                   variance, starts as the truth N(0, 1), refits every tick (G ticks = G fits).
  chains-regression  N independent fixed-design regression chains (P1): T rows, d = 10, each
                   model fitted first on the real labels (initial: fit-truth), then F - 1 ticks of
                   relabel-and-refit on its own site: F fits in all.
  scale            N models + H human sources on one site (P4, thread scaling): Gaussian d = 1,
                   100 items per agent per tick, retrain every 10 ticks from tick 9, scrape 100,
                   web retention 10 ticks.
  sweep-tiny       a sweep of at least R tiny runs (P5); --base names the base scenario file,
                   written beside it with `tiny-base`.
  tiny-base        the tiny scenario the sweep varies (1 human, 2 models, 10 ticks).

Examples:
  bench/gen.py chains-gaussian --chains 1000 > /tmp/g.yaml
  bench/gen.py scale --models 10000 --humans 100 --style populations > /tmp/s.yaml
"""
import argparse
import sys

REG_WEIGHTS = "[1.0, -1.0, 0.5, -0.5, 0.8, -0.8, 0.3, -0.3, 0.6, -0.6]"


def header(name, description, seed, ticks, domain, retention):
    return (f"name: {name}\n"
            f"description: \"{description}\"\n"
            f"seed: {seed}\n"
            f"ticks: {ticks}\n"
            f"domain: {domain}\n"
            f"web: {{retention: {retention}}}\n")


def chains(out, a, domain, initial, ticks, name, description):
    """N models, each on its own site and crawling only it: N independent recursive chains."""
    keys = (f"regime: replace, initial: {initial}, scrape: {a.samples}, "
            f"publish-rate: {a.samples}")
    out.write(header(name, description, a.seed, ticks, domain, 1))
    if a.style == "hand":
        out.write("sites:\n")
        for i in range(a.chains):
            out.write(f"  - {{id: b{i}}}\n")
        out.write("models:\n")
        for i in range(a.chains):
            out.write(f"  - {{id: c{i}, {keys}, site: b{i}, crawl: {{sites: [b{i}]}}}}\n")
    else:
        out.write("populations:\n"
                  f"  - {{id: blogs, kind: site, count: {a.chains}, id-pattern: \"b{{i}}\"}}\n"
                  f"  - id: chains\n    kind: model\n    count: {a.chains}\n"
                  "    id-pattern: \"c{i}\"\n"
                  f"    template: {{{keys}, site: \"b{{i}}\", crawl: {{sites: [\"b{{i}}\"]}}}}\n")


def scale(out, a):
    out.write(header("scale", f"P4 scale: {a.models} models + {a.humans} human sources.",
                     a.seed, a.ticks, "{type: gaussian, dimensions: 1, mean: [0.0], "
                     "variance: [1.0]}", 10))
    keys = ("regime: replace, initial: truth, scrape: 100, publish-rate: 100, "
            "retrain-every: 10, first-retrain: 9")
    if a.style == "hand":
        if a.humans:
            out.write("humans:\n")
            for i in range(a.humans):
                out.write(f"  - {{id: h{i}, publish-rate: 100}}\n")
        out.write("models:\n")
        for i in range(a.models):
            out.write(f"  - {{id: m{i}, {keys}}}\n")
    else:
        out.write("populations:\n")
        if a.humans:
            out.write(f"  - {{id: people, kind: human, count: {a.humans}, id-pattern: \"h{{i}}\", "
                      "template: {publish-rate: 100}}\n")
        out.write(f"  - {{id: labs, kind: model, count: {a.models}, id-pattern: \"m{{i}}\", "
                  f"template: {{{keys}}}}}\n")


def tiny_base(out, a):
    out.write(header("tiny", "P5: a tiny run for the sweep benchmark.", a.seed, 10,
                     "{type: gaussian, dimensions: 1, mean: [0.0], variance: [1.0]}", 1))
    out.write("humans:\n  - {id: people, publish-rate: 10}\n"
              "models:\n"
              "  - {id: lab-a, regime: replace, initial: truth, scrape: 20, publish-rate: 20}\n"
              "  - {id: lab-b, regime: accumulate, initial: truth, scrape: 20, publish-rate: 20}\n")


def sweep_tiny(out, a):
    cells = 4
    reps = -(-a.runs // cells)
    out.write(f"base: {a.base}\nname: tiny-sweep\nreplicates: {reps}\n"
              "grid:\n  models[*].fresh-human-fraction: [0.0, 0.1, 0.2, 0.3]\n")


def main():
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("what", choices=["chains-gaussian", "chains-regression", "scale",
                                    "sweep-tiny", "tiny-base"])
    p.add_argument("--style", choices=["hand", "populations"], default="hand")
    p.add_argument("--chains", type=int, default=1000)
    p.add_argument("--samples", type=int, default=100, help="M (Gaussian) or T (regression)")
    p.add_argument("--generations", type=int, default=100, help="Gaussian: fits per chain")
    p.add_argument("--fits", type=int, default=20, help="regression: fits per chain")
    p.add_argument("--models", type=int, default=1000)
    p.add_argument("--humans", type=int, default=10)
    p.add_argument("--ticks", type=int, default=100)
    p.add_argument("--runs", type=int, default=200)
    p.add_argument("--base", default="tiny.yaml")
    p.add_argument("--seed", type=int, default=42)
    a = p.parse_args()
    out = sys.stdout
    if a.what == "chains-gaussian":
        chains(out, a, "{type: gaussian, dimensions: 1, mean: [0.0], variance: [1.0]}", "truth",
               a.generations, "chains-gaussian",
               f"P1: {a.chains} recursive Gaussian chains, M = {a.samples}.")
    elif a.what == "chains-regression":
        chains(out, a, f"{{type: linear-regression, dimensions: 10, rows: {a.samples}, "
                       f"noise-sd: 1.0, weights: {REG_WEIGHTS}}}", "fit-truth", a.fits - 1,
               "chains-regression", f"P1: {a.chains} fixed-design regression chains.")
    elif a.what == "scale":
        scale(out, a)
    elif a.what == "tiny-base":
        tiny_base(out, a)
    else:
        sweep_tiny(out, a)


if __name__ == "__main__":
    main()
