#!/usr/bin/python3
"""P1 baseline: the recursive-fitting loops of the model-collapse papers, in numpy.

numpy: PyPI is not reachable on the build machine, so this runs under Debian's python3-numpy
(`apt-get install python3-numpy`, then /usr/bin/python3). Any numpy >= 1.17 works.

Two loops, each in two styles:
  gaussian   N chains, M samples a generation, G generations, replace, MLE variance: a chain
             starts at N(0, 1), draws M items from its current fit and refits mean and variance
             (divided by M) on them.
  regression N chains, fixed design X (T x d, rows N(0, I), drawn once), labels y = X w + N(0, 1);
             a chain first fits OLS on the real labels (w = w*), then relabels with its own fit
             and refits: F fits in all.
Styles:
  loop       one chain at a time, a generator per chain, as the papers' code does (Kazdan et al.'s
             fit_gaussians loops over seeds; Dohmatob et al. and Gerstgrasser et al. likewise);
  vector     all chains at once: one (N x M) draw and a row-wise mean and variance per generation;
             for regression one (N x T) draw and one (N x T) @ (T x d) product with pinv(X).

Prints one line per loop and style:  RESULT <loop> <style> <seconds> <us per chain-generation>
(a chain-generation is one draw-and-refit of one chain). Timing: time.perf_counter() around the
loop only (imports, the design and pinv(X) outside).
"""
import argparse
import sys
import time

import numpy as np

W_STAR = np.array([1.0, -1.0, 0.5, -0.5, 0.8, -0.8, 0.3, -0.3, 0.6, -0.6])


def gaussian_loop(chains, m, gens):
    sink = 0.0
    for seed in range(chains):
        rng = np.random.default_rng(seed)
        mu, var = 0.0, 1.0
        for _ in range(gens):
            x = rng.normal(mu, np.sqrt(var), m)
            mu = x.mean()
            var = x.var()  # MLE: divided by m
        sink += var
    return sink


def gaussian_vector(chains, m, gens):
    rng = np.random.default_rng(0)
    mu = np.zeros(chains)
    sd = np.ones(chains)
    for _ in range(gens):
        x = rng.standard_normal((chains, m)) * sd[:, None] + mu[:, None]
        mu = x.mean(axis=1)
        sd = np.sqrt(x.var(axis=1))
    return float(sd.sum())


def design(t, d):
    rng = np.random.default_rng(7)
    return rng.standard_normal((t, d))


def regression_loop(chains, x, fits):
    t = x.shape[0]
    sink = 0.0
    for seed in range(chains):
        rng = np.random.default_rng(seed)
        w = W_STAR
        for _ in range(fits):
            y = x @ w + rng.standard_normal(t)
            w = np.linalg.lstsq(x, y, rcond=None)[0]
        sink += float(w[0])
    return sink


def regression_vector(chains, x, fits):
    t, d = x.shape
    rng = np.random.default_rng(0)
    pinv_t = np.linalg.pinv(x).T  # T x d
    w = np.tile(W_STAR, (chains, 1))
    for _ in range(fits):
        y = w @ x.T + rng.standard_normal((chains, t))
        w = y @ pinv_t
    return float(w[:, 0].sum())


def timed(label, style, work, fn, *args):
    t0 = time.perf_counter()
    fn(*args)
    s = time.perf_counter() - t0
    print(f"RESULT {label} {style} {s:.4f} {s / work * 1e6:.3f}", flush=True)


def main():
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--gauss-chains", type=int, default=1000)
    p.add_argument("--gauss-m", type=int, default=100)
    p.add_argument("--gauss-gens", type=int, default=100)
    p.add_argument("--reg-chains", type=int, default=2000)
    p.add_argument("--reg-t", type=int, default=100)
    p.add_argument("--reg-d", type=int, default=10)
    p.add_argument("--reg-fits", type=int, default=20)
    p.add_argument("--only", choices=["gaussian", "regression"])
    a = p.parse_args()
    if a.reg_d != len(W_STAR):
        sys.exit(f"error: --reg-d must be {len(W_STAR)} (the weights are fixed): {a.reg_d}")
    print(f"# numpy {np.__version__}, python {sys.version.split()[0]}", flush=True)
    if a.only in (None, "gaussian"):
        work = a.gauss_chains * a.gauss_gens
        timed("gaussian", "loop", work, gaussian_loop, a.gauss_chains, a.gauss_m, a.gauss_gens)
        timed("gaussian", "vector", work, gaussian_vector, a.gauss_chains, a.gauss_m,
              a.gauss_gens)
    if a.only in (None, "regression"):
        x = design(a.reg_t, a.reg_d)
        work = a.reg_chains * a.reg_fits
        timed("regression", "loop", work, regression_loop, a.reg_chains, x, a.reg_fits)
        timed("regression", "vector", work, regression_vector, a.reg_chains, x, a.reg_fits)


if __name__ == "__main__":
    main()
