"""Reference figures for PapersGlmTest, from He, Xu, Cheng 2025's own loop (github.com/MukaiCodes/
Model_Collapse_Codes, Scenario2/S2_GoldenRatio.py with Frameworks/D_Fresh_Data.py, Logistic and
Poisson), vectorised over seeds: p = 2, Beta = (1, 1), n = 100 fresh real items x ~ N(0, I) with
labels from Beta each round, m = n/k = 100 synthetic items with fresh x ~ N(0, I) and labels from
the previous round's fit (Poisson: eta clipped to [-20, 20] when drawing), and the fit on both with
per-item weights w/n (real) and (1 - w)/m (synthetic), without intercept or penalty. The authors
fit with scikit-learn (LogisticRegression(penalty=None), PoissonRegressor(alpha=0), lbfgs, which
stop near the maximum); here Newton's method runs to convergence, the exact maximum. The error is
||beta_t - Beta||^2 averaged over rounds start..T-1: the authors' T = 200, start = 150, and the
test's T = 40, start = 10 (starting, as the test's labs, at the truth; the authors start from the
fit on round 0's real data; by round 10 the start is forgotten).

Usage: python3 papers_glm_reference.py [seeds [test|authors]]   (numpy only; prints mean and
standard error; without the second argument both protocols)
"""

import sys

import numpy as np


def mean_of(family, eta):
    return 1 / (1 + np.exp(-eta)) if family == "logistic" else np.exp(eta)


def draw(family, x, b, rng):
    eta = np.einsum("snj,sj->sn", x, b)
    if family == "logistic":
        return (rng.random(eta.shape) < mean_of(family, eta)).astype(float)
    return rng.poisson(np.exp(np.clip(eta, -20, 20))).astype(float)


def objective(family, x, y, w, b):
    eta = np.einsum("snj,sj->sn", x, b)
    a = np.logaddexp(0, eta) if family == "logistic" else np.exp(eta)
    return np.sum(w * (y * eta - a), axis=1)


def fit(family, x, y, w):
    """Weighted maximum likelihood by damped Newton, per seed: x [s, n, p], y and w [s, n]."""
    s, _, p = x.shape
    b = np.zeros((s, p))
    obj = objective(family, x, y, w, b)
    for _ in range(50):
        eta = np.einsum("snj,sj->sn", x, b)
        mu = mean_of(family, eta)
        v = mu * (1 - mu) if family == "logistic" else mu
        g = np.einsum("sn,snj->sj", w * (y - mu), x)
        h = np.einsum("sn,sni,snj->sij", w * v, x, x)
        step = np.linalg.solve(h, g[:, :, None])[:, :, 0]
        scale = np.ones(s)
        for _ in range(30):
            nb = b + scale[:, None] * step
            new = objective(family, x, y, w, nb)
            bad = ~(new >= obj - 1e-12 * (1 + np.abs(obj)))
            if not bad.any():
                break
            scale = np.where(bad, scale / 2, scale)
        moved = np.abs(nb - b).max()
        b, obj = nb, new
        if moved < 1e-10:
            break
    return b


def run(family, w, rounds, start, seeds, rng, from_truth):
    p, n, m = 2, 100, 100
    beta = np.ones(p)
    if from_truth:
        b = np.tile(beta, (seeds, 1))
    else:
        x0 = rng.standard_normal((seeds, n, p))
        b = fit(family, x0, draw(family, x0, np.tile(beta, (seeds, 1)), rng), np.ones((seeds, n)))
    weights = np.concatenate((np.full(m, (1 - w) / m), np.full(n, w / n)))
    loss = np.zeros(seeds)
    for t in range(1, rounds):
        xs = rng.standard_normal((seeds, m, p))
        ys = draw(family, xs, b, rng)
        xr = rng.standard_normal((seeds, n, p))
        yr = draw(family, xr, np.tile(beta, (seeds, 1)), rng)
        x = np.concatenate((xs, xr), axis=1)
        y = np.concatenate((ys, yr), axis=1)
        b = fit(family, x, y, np.tile(weights, (seeds, 1)))
        if t >= start:
            loss += np.sum((b - beta) ** 2, axis=1) / (rounds - start)
    return loss


def main():
    seeds = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
    which = sys.argv[2] if len(sys.argv) > 2 else "both"
    protocols = [(200, 150, False)] if which != "test" else []
    protocols += [(40, 10, True)] if which != "authors" else []
    rng = np.random.default_rng(2025)
    for family in ("logistic", "poisson"):
        for w in (0.5, 0.618, 0.8):
            for rounds, start, truth in protocols:
                loss = run(family, w, rounds, start, seeds, rng, truth)
                print(
                    f"{family} w = {w}: T = {rounds}, rounds {start}..{rounds - 1}: "
                    f"{loss.mean():.5f} +- {loss.std(ddof=1) / np.sqrt(seeds):.5f} ({seeds} seeds)"
                )


if __name__ == "__main__":
    main()
