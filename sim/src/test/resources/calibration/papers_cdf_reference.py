"""Reference figures for PapersCdfTest, from He, Xu, Cheng 2025's own loop (github.com/MukaiCodes/
Model_Collapse_Codes, Scenario2/S2_GoldenRatio.py with Frameworks/D_Fresh_Data.py, CDF_Esti, and
Base_function.py, cramer_von_mises_statistic_FD), vectorised over seeds: each round t, n = 100
fresh real samples D_t ~ N(0, 1); the model is the CDF w F(D_t) + (1 - w) F(X_syn), the empirical
distribution of D_t and of the m = n/k = 100 synthetic samples X_syn with per-sample probability
w/n and (1 - w)/m; its error is the Cramér–von Mises distance, the integral of (F - Phi)^2 dPhi;
and the next X_syn is m draws with replacement from that distribution (the authors' rng.choice
with p = prob, here by first picking the real or the synthetic pool with probability w, then a
sample uniformly in it, which is the same distribution). The error is averaged over rounds
start..T-1: the authors' T = 200, start = 150, X_syn first a bootstrap of D_0; the test's T = 40,
start = 10, X_syn first m draws from the truth (the test's labs start at the truth, initial:
truth; by round 10 the start is forgotten).

The authors integrate by a Riemann sum over 50,000 points of [-5, 5]; this loop sums the integral
exactly over the steps of F, as Ouroboros does. 'check' compares the two on 200 of the loop's
models (the largest relative difference is printed).

Usage: python3 papers_cdf_reference.py [seeds [test|authors|check]]   (numpy and scipy; prints
mean and standard error; without the second argument both protocols)
"""

import sys

import numpy as np
from scipy.special import ndtr


def cvm_exact(atoms, probs):
    """Integral of (F - Phi)^2 dPhi, F the step CDF of atoms [s, N] with probabilities [s, N]."""
    order = np.argsort(atoms, axis=1, kind="stable")
    x = np.take_along_axis(atoms, order, axis=1)
    p = np.take_along_axis(probs, order, axis=1)
    s = atoms.shape[0]
    c = np.concatenate((np.zeros((s, 1)), np.cumsum(p, axis=1)), axis=1)
    c[:, -1] = 1.0
    u = np.concatenate((np.zeros((s, 1)), ndtr(x), np.ones((s, 1))), axis=1)
    return np.sum(((u[:, 1:] - c) ** 3 - (u[:, :-1] - c) ** 3) / 3, axis=1)


def cvm_authors(syn, real, w):
    """The authors' cramer_von_mises_statistic_FD(syn, real, w, 0, 1) for one model."""
    k = np.linspace(-5, 5, 50000)
    f1 = np.searchsorted(np.sort(syn), k, side="right") / len(syn)
    f2 = np.searchsorted(np.sort(real), k, side="right") / len(real)
    f = f1 * (1 - w) + f2 * w
    return np.dot(np.square(f - ndtr(k)), np.exp(-k * k / 2) / np.sqrt(2 * np.pi)) / 50000 * 10


def run(w, rounds, start, seeds, rng, from_truth, check=False):
    n, m = 100, 100
    if from_truth:
        syn = rng.standard_normal((seeds, m))
    else:
        d0 = rng.standard_normal((seeds, n))
        syn = np.take_along_axis(d0, rng.integers(0, n, (seeds, m)), axis=1)
    probs = np.concatenate((np.full(n, w / n), np.full(m, (1 - w) / m)))
    probs = np.tile(probs, (seeds, 1))
    loss = np.zeros(seeds)
    worst = 0.0
    for t in range(1, rounds):
        real = rng.standard_normal((seeds, n))
        err = cvm_exact(np.concatenate((real, syn), axis=1), probs)
        if t >= start:
            loss += err / (rounds - start)
        if check and t == rounds - 1:
            for i in range(min(seeds, 200)):
                a = cvm_authors(syn[i], real[i], w)
                worst = max(worst, abs(a - err[i]) / err[i])
        from_real = rng.random((seeds, m)) < w
        r = np.take_along_axis(real, rng.integers(0, n, (seeds, m)), axis=1)
        s = np.take_along_axis(syn, rng.integers(0, m, (seeds, m)), axis=1)
        syn = np.where(from_real, r, s)
    return loss, worst


def closed_form(w, n=100, m=100):
    """Steady state: (1/6) (w^2/n + (1 - w)^2/m) / (1 - (1 - w)^2 (1 - 1/m))."""
    return (w * w / n + (1 - w) ** 2 / m) / (1 - (1 - w) ** 2 * (1 - 1 / m)) / 6


def main():
    seeds = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
    which = sys.argv[2] if len(sys.argv) > 2 else "both"
    rng = np.random.default_rng(2025)
    if which == "check":
        for w in (0.5, 0.618, 0.8):
            _, worst = run(w, 40, 10, seeds, rng, True, check=True)
            print(f"w = {w}: exact vs the authors' Riemann sum, largest relative difference {worst:.2e}")
        return
    protocols = [(200, 150, False)] if which != "test" else []
    protocols += [(40, 10, True)] if which != "authors" else []
    for w in (0.5, 0.618, 0.8):
        for rounds, start, truth in protocols:
            loss, _ = run(w, rounds, start, seeds, rng, truth)
            print(
                f"w = {w}: T = {rounds}, rounds {start}..{rounds - 1}: "
                f"{loss.mean():.6f} +- {loss.std(ddof=1) / np.sqrt(seeds):.6f} ({seeds} seeds), "
                f"closed form {closed_form(w):.6f}"
            )


if __name__ == "__main__":
    main()
