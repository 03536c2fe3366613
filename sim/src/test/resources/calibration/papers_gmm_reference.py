"""Reference figures for PapersDensityTest's Gaussian mixture, from the authors' loop, numpy only.

Shumailov et al. 2024 (github.com/iliaishacked/curse_recurse, Normals_GMM_experiments.ipynb): N
draws of one standard-normal blob in d = 2; X_0_gmm = GaussianMixture(n_components=2, tol=1e-5,
covariance_type='full', max_iter=2000).fit(X0); then, generation after generation, a new
GaussianMixture of the same settings is fitted on X and X = gmm.sample(N); the figure is
l2s[g - 1] = L2_of_gmms(X_0_gmm, gmm_g) = int (p_1 - p_g)^2 dx in closed form. The notebook's first
loop fit is a second fit on X0 itself (a fresh k-means start), so its l2s[0] is near 0, not 0;
Ouroboros' generation g is the notebook's l2s[g - 1] with generation 1 the fit on X0 (exactly 0).

scikit-learn is not needed: its GaussianMixture is re-implemented here, vectorised over seeds,
with its defaults (init_params='kmeans': one k-means run, k-means++ seeding with 2 + int(log k)
greedy trials and Lloyd iterations to convergence, one-hot responsibilities as the first M-step;
reg_covar = 1e-6 on the diagonal; EM until the mean log-likelihood changes by less than tol).
With --init ouroboros the start is Ouroboros' instead (docs/domains.md): k-means++ means, every
component with the data's MLE covariance, equal weights, 3 starts, the highest likelihood kept,
no reg_covar, at most 1,000 iterations; the two starts give the same figure within the Monte
Carlo error (see the output quoted in PapersDensityTest).

Usage: python3 papers_gmm_reference.py [seeds] [N] [--init sklearn|ouroboros]
Prints, for fits 2 .. 12, the mean of log L2(first fit, fit g) over the seeds with its standard
error (the figure's log axis; L2 itself is heavy-tailed: a component that shrinks onto a few points
has a tall narrow peak), the median, and the mean of L2.
"""

import sys

import numpy as np

K = 2
D = 2
LOG_2PI = np.log(2 * np.pi)
EPS = np.finfo(float).eps


def log_gauss(x, means, covs):
    """log N(x; mean_k, cov_k), x [s, n, d], means [s, k, d], covs [s, k, d, d] -> [s, n, k]."""
    chol = np.linalg.cholesky(covs)
    diff = x[:, :, None, :] - means[:, None, :, :]  # s n k d
    # solve L y = diff for each (s, k)
    lk = np.broadcast_to(chol[:, None], diff.shape[:3] + (D, D))
    y = np.linalg.solve(lk, diff[..., None])[..., 0]
    logdet = 2 * np.log(np.diagonal(chol, axis1=-2, axis2=-1)).sum(-1)  # s k
    return -0.5 * (y * y).sum(-1) - 0.5 * logdet[:, None, :] - 0.5 * D * LOG_2PI


def m_step(x, resp, reg):
    nk = resp.sum(1) + 10 * EPS  # s k
    means = np.einsum("snk,snd->skd", resp, x) / nk[..., None]
    diff = x[:, :, None, :] - means[:, None]  # s n k d
    covs = np.einsum("snk,snkd,snke->skde", resp, diff, diff) / nk[..., None, None]
    covs = covs + reg * np.eye(D)
    return nk / x.shape[1], means, covs


def e_step(x, w, means, covs):
    lp = log_gauss(x, means, covs) + np.log(w)[:, None, :]
    norm = np.logaddexp.reduce(lp, axis=2)
    return norm.mean(1), np.exp(lp - norm[..., None])


def em(x, w, means, covs, tol, max_iter, reg):
    """EM from the given parameters, per seed until its mean log-likelihood moves by < tol."""
    s = x.shape[0]
    done = np.zeros(s, bool)
    lower = np.full(s, -np.inf)
    for _ in range(max_iter):
        # a component collapsed on too few points has a singular covariance: that start fails
        ev = np.linalg.eigvalsh(np.nan_to_num(covs, nan=0.0))
        bad = ~done & (
            ~np.isfinite(covs).all((1, 2, 3)) | (ev[..., 0] <= 1e-11 * ev[..., -1]).any(-1)
        )
        if bad.any():
            lower[bad], done[bad] = -np.inf, True
            covs[bad] = np.eye(D)
        live = ~done
        if not live.any():
            break
        ll, resp = e_step(x[live], w[live], means[live], covs[live])
        nw, nm, nc = m_step(x[live], resp, reg)
        w[live], means[live], covs[live] = nw, nm, nc
        change = np.abs(ll - lower[live])
        lower[live] = ll
        idx = np.flatnonzero(live)
        done[idx[change < tol]] = True
        if done.all():
            break
    failed = lower == -np.inf
    ll, _ = e_step(x, w, means, covs)
    return w, means, covs, np.where(failed, -np.inf, ll)


def kmeans_pp(x, rng, trials):
    """k-means++ seeding for K = 2 with `trials` greedy candidates (scikit-learn's)."""
    s, n, _ = x.shape
    first = x[np.arange(s), rng.integers(0, n, s)]
    d2 = ((x - first[:, None]) ** 2).sum(-1)  # s n
    best, best_pot = None, np.full(s, np.inf)
    cum = np.cumsum(d2, axis=1)
    for _ in range(trials):
        r = rng.random(s) * cum[:, -1]
        pick = np.minimum((cum < r[:, None]).sum(1), n - 1)
        cand = x[np.arange(s), pick]
        pot = np.minimum(d2, ((x - cand[:, None]) ** 2).sum(-1)).sum(1)
        better = pot < best_pot
        best = cand if best is None else np.where(better[:, None], cand, best)
        best_pot = np.where(better, pot, best_pot)
    return np.stack([first, best], axis=1)  # s k d


def kmeans_labels(x, rng):
    """One k-means run (scikit-learn's KMeans(n_clusters=2, n_init=1)): Lloyd to convergence."""
    centres = kmeans_pp(x, rng, 2 + int(np.log(K)))
    tol = 1e-4 * x.var(axis=1).mean(-1)  # scikit-learn scales tol by the mean feature variance
    for _ in range(300):
        lab = ((x[:, :, None] - centres[:, None]) ** 2).sum(-1).argmin(-1)
        onehot = np.eye(K)[lab]
        cnt = onehot.sum(1)
        new = np.einsum("snk,snd->skd", onehot, x) / np.maximum(cnt, 1)[..., None]
        new = np.where(cnt[..., None] > 0, new, centres)
        shift = ((new - centres) ** 2).sum((1, 2))
        centres = new
        if (shift <= tol).all():
            break
    return ((x[:, :, None] - centres[:, None]) ** 2).sum(-1).argmin(-1)


def fit_sklearn(x, rng):
    resp = np.eye(K)[kmeans_labels(x, rng)]
    w, m, c = m_step(x, resp, 1e-6)
    return em(x, w, m, c, 1e-5, 2000, 1e-6)[:3]


def fit_ouroboros(x, rng):
    s, n, _ = x.shape
    mu = x.mean(1)
    dx = x - mu[:, None]
    cov = np.einsum("snd,sne->sde", dx, dx) / n
    best = None
    for _ in range(3):
        first = x[np.arange(s), rng.integers(0, n, s)]
        d2 = ((x - first[:, None]) ** 2).sum(-1)
        cum = np.cumsum(d2, axis=1)
        pick = np.minimum((cum < (rng.random(s) * cum[:, -1])[:, None]).sum(1), n - 1)
        means = np.stack([first, x[np.arange(s), pick]], axis=1)
        covs = np.repeat(cov[:, None], K, axis=1).copy()
        w = np.full((s, K), 1.0 / K)
        w, means, covs, ll = em(x, w, means, covs, 1e-5, 1000, 0.0)
        if best is None:
            best = [w, means, covs, ll]
        else:
            b = ll > best[3]
            for i, v in enumerate((w, means, covs, ll)):
                best[i] = np.where(b.reshape((-1,) + (1,) * (v.ndim - 1)), v, best[i])
    return best[:3]


def sample(w, means, covs, n, rng):
    s = w.shape[0]
    comp = (rng.random((s, n)) > w[:, :1]).astype(int)  # K = 2
    chol = np.linalg.cholesky(covs)
    z = rng.standard_normal((s, n, D))
    m = np.take_along_axis(means, comp[..., None], axis=1)
    lk = np.take_along_axis(chol, comp[..., None, None], axis=1)
    return m + np.einsum("snde,sne->snd", lk, z)


def cross(a, m, s, b, n, t):
    """sum_ij a_i b_j N(m_i - n_j; 0, S_i + T_j), per seed."""
    out = np.zeros(a.shape[0])
    for i in range(K):
        for j in range(K):
            c = s[:, i] + t[:, j]
            diff = m[:, i] - n[:, j]
            q = np.einsum("sd,sd->s", diff, np.linalg.solve(c, diff[..., None])[..., 0])
            out += a[:, i] * b[:, j] * np.exp(-0.5 * q) / (2 * np.pi * np.sqrt(np.linalg.det(c)))
    return out


def l2(p, q):
    return np.maximum(0, cross(*p, *p) + cross(*q, *q) - 2 * cross(*p, *q))


def run(seeds, n, fits, init, rng):
    fit = fit_sklearn if init == "sklearn" else fit_ouroboros
    x = rng.standard_normal((seeds, n, D))
    first = fit(x, rng)
    out = np.zeros((seeds, fits))
    model = first
    for g in range(1, fits):
        x = sample(*model, n, rng)
        model = fit(x, rng)
        out[:, g] = l2(first, model)
    return out


if __name__ == "__main__":
    args, init, rest = [], "sklearn", iter(sys.argv[1:])
    for a in rest:
        if a == "--init":
            init = next(rest, "sklearn")  # its value is no positional argument
        elif not a.startswith("--"):
            args.append(a)
    if init not in ("sklearn", "ouroboros"):
        sys.exit(f"--init: found {init}, expected sklearn or ouroboros")
    seeds = int(args[0]) if args else 4000
    n = int(args[1]) if len(args) > 1 else 100
    rng = np.random.default_rng(20240724)
    runs = np.concatenate([run(500, n, 12, init, rng) for _ in range(max(1, seeds // 500))])
    print(f"gmm 2 components, N = {n}, init {init}, {len(runs)} seeds: L2(first fit, fit g)")
    for g in range(2, 13):
        x = runs[:, g - 1]
        lx = np.log(x)
        se = lx.std(ddof=1) / np.sqrt(len(x))
        print(
            f"fit {g}: mean log L2 {lx.mean():.4f} se {se:.4f} sd {lx.std(ddof=1):.4f};"
            f" median {np.median(x):.5f}; mean {x.mean():.5f}"
        )
