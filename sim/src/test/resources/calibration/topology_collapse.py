"""Calibrates TopologyCollapseTest: the five topologies of scenarios/topology/ in static-graph mode.

Simulates the engine's process row by row with numpy: fixed-design regression, d=10, T=100, s=1,
OLS, replace, N=100 fits per model with fit 1 on the T real rows (initial: fit-truth), retention
1. Each tick every model publishes its T rows relabelled x.w + N(0, s^2) and a human source its T
rows labelled by w*; then each model fits on round(h T) fresh truth rows (rows 0..k-1, as the
domain's sampleTruth does) plus, for each trains-on source, its largest-remainder share of the rest
drawn uniformly without replacement from that source's T published items (their labels, noise
included, shared by every reader). R=100 independent copies of each topology share one design.

The test's measured verdict is definition 3 (CollapseTracker) on the mean risk over the copies:
OLS slope of the last W=40 generations, one-sided p < 0.01, and fitted rise slope*(W-1) at least
5 times the mean first-fit risk. Part A runs the test's five cases K times and reports, per model,
the fitted rise (in first-fit risks) and the largest p-value, the verdict failures seen, and the
normal-tail estimate of the probability that the rise crosses 5 the wrong way. Part B runs the
closed ring alone M times and reports how often each of the test's z-statistics for linear growth
(per-copy OLS slope vs c, quadratic coefficient vs 0, risk_N/N vs c, each averaged over the four
models, +-4.5 standard errors over copies) exceeds 3, 3.5, 4 and 4.5, beside the normal rates.
Run: python3 topology_collapse.py [K] [M] (defaults 300 and 5000; about 15 minutes for each part on
one free core; K = 0 or M = 0 skips a part)
"""
import sys

import numpy as np
from scipy import stats

D, T, S, N, R, W, MIN_RISE, ALPHA = 10, 100, 1.0, 100, 100, 40, 5.0, 0.01
K = int(sys.argv[1]) if len(sys.argv) > 1 else 300
M = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
rng = np.random.default_rng(2026)

# model -> (human share, {source: weight}); 'people' is a human source publishing T rows.
CASES = {
    "ring": ({"a": (0, {"d": 1}), "b": (0, {"a": 1}), "c": (0, {"b": 1}), "d": (0, {"c": 1})},
             "collapses"),
    "ring-with-humans": ({"a": (0, {"d": 0.9, "people": 0.1}), "b": (0, {"a": 1}),
                          "c": (0, {"b": 1}), "d": (0, {"c": 1})}, "bounded"),
    "chain": ({"a": (0, {"people": 1}), "b": (0, {"a": 1}), "c": (0, {"b": 1})}, "bounded"),
    "closed-pair": ({"a": (0, {"b": 1}), "b": (0, {"a": 1}), "c": (0, {"a": 0.5, "b": 0.5})},
                    "collapses"),
    "fed-by-pair-and-humans": ({"a": (0, {"b": 1}), "b": (0, {"a": 1}), "c": (0.5, {"a": 1})},
                               "collapses"),
}


def split(n, weights):
    """Largest-remainder shares of n, ties to the lower index (the engine's Shares.split)."""
    w = np.array(weights, float)
    q = n * w / w.sum()
    f = np.floor(q).astype(int)
    order = sorted(range(len(w)), key=lambda i: (-(q[i] - f[i]), i))
    for i in order[: n - f.sum()]:
        f[i] += 1
    return f


def run(topo, x):
    """risk[model]: (R, N) array of ||w_n - w*||^2, n = 1..N."""
    a = np.linalg.inv(x.T @ x)
    p = a @ x.T
    wstar = rng.standard_normal(D) / np.sqrt(D)
    names = list(topo)
    w = {m: wstar + (S * rng.standard_normal((R, T))) @ p.T for m in names}
    risk = {m: np.zeros((R, N)) for m in names}
    for m in names:
        risk[m][:, 0] = ((w[m] - wstar) ** 2).sum(1)
    plans = {}
    for m, (h, sources) in topo.items():
        fresh = int(round(h * T))
        plans[m] = (fresh, list(sources), split(T - fresh, list(sources.values())))
    for n in range(1, N):
        published = dict(w)
        published["people"] = np.broadcast_to(wstar, (R, D))
        noise = {s: S * rng.standard_normal((R, T)) for s in published}
        new = {}
        for m in names:
            fresh, sources, shares = plans[m]
            if fresh == 0 and len(sources) == 1 and shares[0] == T:
                new[m] = published[sources[0]] + noise[sources[0]] @ p.T  # all T rows: exact
                continue
            zs, ys = [], []
            if fresh:
                zs.append(np.broadcast_to(x[:fresh], (R, fresh, D)))
                ys.append(x[:fresh] @ wstar + S * rng.standard_normal((R, fresh)))
            for s, k in zip(sources, shares):
                idx = np.argsort(rng.random((R, T)), axis=1)[:, :k]
                z = x[idx]
                zs.append(z)
                ys.append(np.einsum("rkd,rd->rk", z, published[s])
                          + np.take_along_axis(noise[s], idx, 1))
            z = np.concatenate(zs, 1)
            y = np.concatenate(ys, 1)
            new[m] = np.linalg.solve(np.einsum("rkd,rke->rde", z, z),
                                     np.einsum("rkd,rk->rd", z, y)[..., None])[..., 0]
        w = new
        for m in names:
            risk[m][:, n] = ((w[m] - wstar) ** 2).sum(1)
    return risk, S**2 * np.trace(a)


def d3(curve):
    """(fires, rise in first-fit risks, one-sided p) of definition 3 at the last generation."""
    g = np.arange(N - W + 1, N + 1)
    res = stats.linregress(g, curve[-W:])
    one = res.pvalue / 2 if res.slope > 0 else 1 - res.pvalue / 2
    rise = res.slope * (W - 1) / curve[0]
    return res.slope > 0 and one < ALPHA and rise >= MIN_RISE, rise, one


def part_a():
    print(f"Part A: {K} runs of the five cases, R={R}, N={N}, W={W}, min rise {MIN_RISE}")
    total = 0.0
    for name, (topo, expected) in CASES.items():
        rises = {m: [] for m in topo}
        ps = {m: [] for m in topo}
        wrong = 0
        for _ in range(K):
            risk, _ = run(topo, rng.standard_normal((T, D)))
            bad = False
            for m in topo:
                fires, rise, one = d3(risk[m].mean(0))
                rises[m].append(rise)
                ps[m].append(one)
                bad |= fires != (expected == "collapses")
            wrong += bad
        for m in topo:
            r = np.array(rises[m])
            z = (MIN_RISE - r.mean()) / r.std()
            tail = stats.norm.sf(z) if expected == "bounded" else stats.norm.cdf(z)
            total += tail
            print(f"  {name:24s} {m}  expected {expected:9s}  rise mean {r.mean():6.2f} "
                  f"sd {r.std():5.2f} range [{r.min():6.2f}, {r.max():6.2f}]  "
                  f"max p {max(ps[m]):.2g}  normal tail {tail:.1e}")
        print(f"  {name}: verdicts wrong in {wrong} of {K} runs")
    print(f"  sum of the normal tails over every model: {total:.1e}")


def polyfit(y):
    """Per row of y (R, N): OLS coefficients (b, q) of y = a + b n + q n^2."""
    n = np.arange(1, N + 1, dtype=float)
    design = np.stack([np.ones(N), n, n * n], 1)
    coef = np.linalg.lstsq(design, y.T, rcond=None)[0]
    return coef[1], coef[2]


def part_b():
    print(f"Part B: {M} runs of the closed ring's linear-growth statistics")
    topo = CASES["ring"][0]
    zs = []
    for _ in range(M):
        risk, c = run(topo, rng.standard_normal((T, D)))
        slope = np.zeros(R)
        curve = np.zeros(R)
        end = np.zeros(R)
        for m in topo:
            b, q = polyfit(risk[m])
            slope += b / 4
            curve += q / 4
            end += risk[m][:, -1] / N / 4
        se = lambda v: v.std(ddof=1) / np.sqrt(R)
        zs.append(((slope.mean() - c) / se(slope), curve.mean() / se(curve),
                   (end.mean() - c) / se(end), slope.mean() / se(slope)))
    zs = np.array(zs)
    for j, what in enumerate(["slope vs c", "curvature vs 0", "risk_N/N vs c"]):
        rates = [(np.abs(zs[:, j]) > t).mean() for t in (3, 3.5, 4, 4.5)]
        print(f"  {what:15s} mean z {zs[:, j].mean():+.3f} sd {zs[:, j].std():.3f}; "
              f"|z| > 3, 3.5, 4, 4.5: " + ", ".join(f"{r:.1e}" for r in rates))
    print("  normal:                        |z| > 3, 3.5, 4, 4.5: "
          + ", ".join(f"{2 * stats.norm.sf(t):.1e}" for t in (3, 3.5, 4, 4.5)))
    print(f"  slope / se: min {zs[:, 3].min():.1f} (the test needs > 4.5)")
    any_fail = (np.abs(zs[:, :3]) > 4.5).any(1) | (zs[:, 3] <= 4.5)
    print(f"  runs failing any linear-growth check: {any_fail.sum()} of {M}")


if __name__ == "__main__":
    if K:
        part_a()
    if M:
        part_b()
