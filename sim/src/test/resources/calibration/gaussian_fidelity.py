"""Calibrates the tolerances of GaussianFidelityTest.

Simulates the exact Gaussian chains of SCIENCE.md (d=1, sigma=1, M items per generation,
g generations, R replicates per test run) with numpy, many times over, and reports how often
each assertion of the test would fail when the engine is correct: the false-failure rate
stated in the test's comments. Run: python3 gaussian_fidelity.py
"""
import numpy as np

M, G, R, TRIALS = 100, 100, 1000, 10000
rng = np.random.default_rng(7)

def chi(k, size):
    return rng.chisquare(k, size=size)

# MLE replace: X = prod chi2_{M-1}/M ; E X = ((M-1)/M)^G
e_mle = ((M - 1) / M) ** G
var_mle = ((M * M - 1) / M**2) ** G - e_mle**2
se_mle = np.sqrt(var_mle / R)
# unbiased replace: E X = 1, median of log X = G * E log(chi2_{M-1}/(M-1))
var_unb = ((M + 1) / (M - 1)) ** G - 1
se_unb = np.sqrt(var_unb / R)
fails = {"mle_mean": 0, "unb_mean": 0, "unb_median": 0}
Z_MEAN, MEDIAN_MAX = 4.0, 0.6
for _ in range(TRIALS // 100):
    # 100 trials at once: shape (100, R, G)
    x_mle = np.prod(chi(M - 1, (100, R, G)) / M, axis=2)
    x_unb = np.prod(chi(M - 1, (100, R, G)) / (M - 1), axis=2)
    fails["mle_mean"] += np.sum(np.abs(x_mle.mean(axis=1) - e_mle) > Z_MEAN * se_mle)
    fails["unb_mean"] += np.sum(np.abs(x_unb.mean(axis=1) - 1) > Z_MEAN * se_unb)
    fails["unb_median"] += np.sum(np.median(x_unb, axis=1) > MEDIAN_MAX)
print(f"M={M} G={G} R={R} trials={TRIALS}")
print(f"MLE: E={e_mle:.4f} se={se_mle:.4f} band=+-{Z_MEAN*se_mle:.4f} "
      f"false-failure={fails['mle_mean']/TRIALS:.2e}")
print(f"unbiased: se={se_unb:.4f} band=+-{Z_MEAN*se_unb:.4f} "
      f"false-failure(mean)={fails['unb_mean']/TRIALS:.2e} "
      f"false-failure(median>{MEDIAN_MAX})={fails['unb_median']/TRIALS:.2e}")

# Mean error. Replace with the unbiased variance: E e_G^2 = G sigma^2 / M.
# Accumulate (MLE): generation g trains on M items from each of generations 0..g-1, so
# e_g = e_{g-1} + eps_{g-1}/g and E e_G^2 = sum_j E[s_{j-1}^2]/(M j^2) < (pi^2/6)/M.
def chain_errors(n, accumulate):
    mu = np.zeros(n); var = np.ones(n)
    pool_sum = np.zeros(n); pool_sq = np.zeros(n); pool_n = 0
    for g in range(G):
        x = mu[:, None] + np.sqrt(var)[:, None] * rng.standard_normal((n, M))
        if accumulate:
            pool_sum += x.sum(1); pool_sq += (x * x).sum(1); pool_n += M
            mu = pool_sum / pool_n; var = pool_sq / pool_n - mu * mu
        else:
            mu = x.mean(1); var = x.var(1, ddof=1)
    return mu**2

bound = np.pi**2 / 6 / M
rep, acc = [], []
for _ in range(100):
    rep.append(chain_errors(R, False).mean())
    acc.append(chain_errors(R, True).mean())
rep, acc = np.array(rep), np.array(acc)
print(f"replace unbiased: E e^2 = G/M = {G/M:.3f}; mean over trials {rep.mean():.4f}, "
      f"sd of an R-mean {rep.std():.4f}")
print(f"accumulate: bound pi^2/6/M = {bound:.5f}; mean over trials {acc.mean():.5f}, "
      f"sd of an R-mean {acc.std():.5f}")
