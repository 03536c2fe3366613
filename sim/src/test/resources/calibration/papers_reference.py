"""Reference figures for PapersTest, from the authors' own loops (Kazdan, Schaeffer et al. 2025,
github.com/RylanSchaeffer/KoyejoLab-Collapse-or-Thrive: src/fit_gaussians/fit_gaussians.py and
src/fit_discrete_distributions/fit_discrete_distributions.py), without wandb and vectorised over
seeds (the same process: the MLE mean and covariance, np.cov(bias=True), of n items subsampled
without replacement from the accumulated pool; for the discrete case, the empirical frequencies of n
draws, i.e. multinomial counts / n). Only the figures with no closed form come from here: the mean
squared error of the fitted mean under accumulate-subsample (Gaussian, d = 10, n = 100) and the
entropy ratio under replace (discrete, K = 10 uniform, n = 100).

Usage: python3 papers_reference.py [seeds]   (numpy only; prints mean and standard error)
"""

import sys

import numpy as np


def gaussian_accumulate_subsample(d, n, iterations, seeds, rng):
    """Squared error of the fitted mean, [seed, iteration]."""
    pool = rng.standard_normal((seeds, n, d))
    out = np.empty((seeds, iterations))
    for it in range(iterations):
        keys = rng.random(pool.shape[:2])
        idx = np.argsort(keys, axis=1)[:, :n]
        sub = np.take_along_axis(pool, idx[:, :, None], axis=1)
        mu = sub.mean(axis=1)
        centred = sub - mu[:, None, :]
        cov = np.einsum("sni,snj->sij", centred, centred) / n
        out[:, it] = np.sum(mu**2, axis=1)
        chol = np.linalg.cholesky(cov)
        new = mu[:, None, :] + np.einsum("sij,snj->sni", chol, rng.standard_normal((seeds, n, d)))
        pool = np.concatenate((pool, new), axis=1)
    return out


def discrete_replace(k, n, iterations, seeds, rng):
    """Entropy of the fitted frequencies over log K, [seed, iteration]."""
    p = np.full((seeds, k), 1.0 / k)
    out = np.empty((seeds, iterations))
    for it in range(iterations):
        p = np.array([rng.multinomial(n, row) for row in p]) / n
        with np.errstate(divide="ignore", invalid="ignore"):
            h = -np.nansum(np.where(p > 0, p * np.log(p), 0.0), axis=1)
        out[:, it] = h / np.log(k)
    return out


def summary(name, runs, at):
    for g in at:
        x = runs[:, g - 1]
        print(f"{name} g={g}: mean {x.mean():.5f} se {x.std(ddof=1) / np.sqrt(len(x)):.5f}")


if __name__ == "__main__":
    seeds = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
    batch = 500  # seeds at a time: the Gaussian pool holds batch x 100 n x d doubles at the end
    rng = np.random.default_rng(20250101)
    summary(
        "gaussian d=10 n=100 accumulate-subsample: E||mu_g||^2",
        np.concatenate(
            [
                gaussian_accumulate_subsample(10, 100, 100, min(batch, seeds - s), rng)
                for s in range(0, seeds, batch)
            ]
        ),
        [20, 30, 50, 100],
    )
    summary(
        "discrete K=10 n=100 replace: entropy ratio",
        discrete_replace(10, 100, 200, seeds, rng),
        [20, 30, 50, 100, 200],
    )
