"""Reference figures for PapersDensityTest, from the authors' own loop, vectorised over seeds.

Kazdan, Schaeffer et al. 2025 (github.com/RylanSchaeffer/KoyejoLab-Collapse-or-Thrive,
src/fit_kdes/fit_kdes.py with sweeps/fit_kdes_bandwidth/blobs_*_estimated_bandwidth.yaml): a
Gaussian KDE (sklearn KernelDensity, bandwidth='scott', which is n^(-1/(d+4)) with n the rows it is
fitted on, not scaled by the data) fitted on n = 100 blobs in d = 2 and refitted on its own
samples under replace, accumulate and accumulate-subsample. The authors draw the test set from
make_blobs with new random centres (a bug: train and test come from different distributions);
here train and test come from the same truth, three unit-variance blobs whose centres are drawn
per seed uniformly in make_blobs' center_box [-10, 10]^2 (as the authors' training blobs are, and
as `copies.truth` draws them per copy in kazdan-kde.yaml), each item's blob drawn by weight
(make_blobs splits n evenly; Ouroboros' human data draws each item's component, and so does this
script). Figure: the held-out NLL minus the truth's at iteration g.

Usage: python3 papers_density_reference.py [seeds] [--fixed]  (numpy only; prints mean and
standard error; --fixed: the earlier fixed centres (-6, -4), (2, 7), (7, -5) for every seed)
"""

import sys

import numpy as np

CENTRES = np.array([[-6.0, -4.0], [2.0, 7.0], [7.0, -5.0]])
LOG_2PI = np.log(2 * np.pi)


FIXED = "--fixed" in sys.argv


def centres(rng, seeds):
    """[seeds, 3, 2]: each seed's blob centres."""
    if FIXED:
        return np.broadcast_to(CENTRES, (seeds, 3, 2))
    return rng.uniform(-10.0, 10.0, size=(seeds, 3, 2))


def blobs(rng, c, n):
    """[seeds, n, 2] draws of the equal-weight unit-variance mixture at centres c [seeds, 3, 2]."""
    k = rng.integers(0, c.shape[1], size=(c.shape[0], n))
    return np.take_along_axis(c, k[..., None], axis=1) + rng.standard_normal((c.shape[0], n, 2))


def truth_log_density(x, c):
    d2 = ((x[:, :, None, :] - c[:, None]) ** 2).sum(-1)
    return np.logaddexp.reduce(-0.5 * d2 - LOG_2PI, axis=-1) - np.log(c.shape[1])


def kde_log_density(test, points, h):
    """log of the Gaussian KDE on points [s, m, 2] with bandwidth h [s] at test [s, t, 2]."""
    out = np.empty(test.shape[:2])
    hh = h[:, None, None] ** 2
    for a in range(0, test.shape[1], 50):
        t = test[:, a : a + 50]
        d2 = (t * t).sum(-1)[:, :, None] + (points * points).sum(-1)[:, None, :]
        d2 -= 2 * np.einsum("sti,smi->stm", t, points)
        logk = -0.5 * d2 / hh - LOG_2PI - np.log(hh)
        m = logk.max(2, keepdims=True)
        out[:, a : a + 50] = (m[..., 0] + np.log(np.exp(logk - m).sum(2)))
    return out - np.log(points.shape[1])


def kde(setting, n, iterations, seeds, rng, test_size=500, scored=(1, 10, 20)):
    """Excess held-out NLL at the scored iterations (NaN elsewhere), [seed, iteration]."""
    c = centres(rng, seeds)
    pool = blobs(rng, c, n)
    test = blobs(rng, c, test_size)
    truth = truth_log_density(test, c)
    out = np.full((seeds, iterations), np.nan)
    for it in range(iterations):
        if setting == "accumulate-subsample":
            idx = np.argsort(rng.random(pool.shape[:2]), axis=1)[:, :n]
            train = np.take_along_axis(pool, idx[:, :, None], axis=1)
        else:
            train = pool
        h = np.full(seeds, train.shape[1] ** (-1 / 6))
        if it + 1 in scored:
            out[:, it] = (truth - kde_log_density(test, train, h)).mean(axis=1)
        pick = rng.integers(0, train.shape[1], size=(seeds, n))
        new = np.take_along_axis(train, pick[:, :, None], axis=1)
        new = new + h[:, None, None] * rng.standard_normal((seeds, n, 2))
        pool = new if setting == "replace" else np.concatenate((pool, new), axis=1)
    return out


def summary(name, runs, at):
    for g in at:
        x = runs[:, g - 1]
        if g == 1:
            print(f"  iteration 1 sd {x.std(ddof=1):.5f}")
        print(f"{name} g={g}: mean {x.mean():.5f} se {x.std(ddof=1) / np.sqrt(len(x)):.5f}"
              f" median {np.median(x):.4f}")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    seeds = int(args[0]) if args else 1000
    rng = np.random.default_rng(20250101)
    for setting in ("replace", "accumulate", "accumulate-subsample"):
        runs = np.concatenate([kde(setting, 100, 20, 100, rng) for _ in range(seeds // 100)])
        summary(f"kde blobs n=100 sklearn-scott {setting}{' fixed' if FIXED else ''}: excess NLL", runs, [1, 10, 20])
