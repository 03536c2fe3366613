"""Reference figures for gerstgrasser-regression-underdetermined.yaml, from Gerstgrasser et al.
2024's own loop (github.com/RylanSchaeffer/KoyejoLab-Collapse-or-Thrive,
src/fit_linear_regressions/fit_linear_regressions.py, without wandb), in the cell n = 10 < d = 32,
sigma^2 = 1, 100 iterations, seeds 0..S-1 as in the authors' sweeps: w* ~ N(0, I_d), a fixed
10 x 32 design, np.linalg.pinv fits, the test MSE on 1,000 noiseless test points. Beside the mean
test MSE it prints the mean over the same seeds of the fixed-design closed form
||(I - P) w*||^2 + h(n) s^2 tr((XX')^-1) (P the projection on the row space of X; h(n) = n under
replace, sum_{i<=n} 1/i^2 under accumulate) and its mean over designs (d - T) + h(n) s^2 T/(d - T - 1).

A bug in the authors' loop: under Accumulate the stacked design repeats X, so beyond its rank T its
singular values are roundoff, about 1e-15 of the largest, and np.linalg.pinv's default cutoff
(rcond = 1e-15 of the largest) keeps some of them: the fit then gains a null-space component of
order 1e13 and the test MSE jumps to about 1e25 (d = 32, n = 10: at some fit between 49 and 80 in
each of seeds 0..19, numpy 2.4.6). The fits here use rcond = 1e-10, which drops roundoff and
nothing else (the smallest true singular value of the stacked design is above 1 here); pass
"authors" as the second argument to keep the default and see the bug.

Usage: python3 papers_regression_underdetermined.py [seeds [authors]]   (numpy only; default 1000)
"""

import sys

import numpy as np

d, T, iters, seeds = 32, 10, 100, int(sys.argv[1]) if len(sys.argv) > 1 else 1000
RCOND = 1e-15 if len(sys.argv) > 2 and sys.argv[2] == "authors" else 1e-10
s2 = 1.0
s = np.sqrt(s2)
res = {"Replace": np.zeros((seeds, iters)), "Accumulate": np.zeros((seeds, iters))}
cond = {"Replace": np.zeros((seeds, iters)), "Accumulate": np.zeros((seeds, iters))}
for setting in res:
    for seed in range(seeds):
        np.random.seed(seed)
        w = np.random.randn(d)
        X0 = np.random.randn(T, d); X = X0.copy()
        Y = X @ w + s * np.random.randn(T)
        Xt = np.random.randn(1000, d); Yt = Xt @ w
        P = np.linalg.pinv(X0) @ X0
        U = np.sum(((np.eye(d) - P) @ w) ** 2)
        tr = np.trace(np.linalg.inv(X0 @ X0.T))
        for it in range(1, iters + 1):
            wh = np.linalg.pinv(X, rcond=RCOND) @ Y
            res[setting][seed, it - 1] = np.mean((Yt - Xt @ wh) ** 2)
            h = it if setting == "Replace" else sum(1.0 / i**2 for i in range(1, it + 1))
            cond[setting][seed, it - 1] = U + h * s2 * tr
            Yn = X0 @ wh + s * np.random.randn(T)
            if setting == "Replace":
                Y = Yn
            else:
                X = np.concatenate((X, X0)); Y = np.concatenate((Y, Yn))
for setting in res:
    for it in (1, 10, 20, 100):
        h = it if setting == "Replace" else sum(1.0 / i**2 for i in range(1, it + 1))
        m = res[setting][:, it - 1]
        print(f"{setting} fit {it}: authors mean {m.mean():.4f} +- {m.std(ddof=1)/np.sqrt(seeds):.4f};"
              f" given-design closed form mean {cond[setting][:, it-1].mean():.4f};"
              f" over designs (d-T) + h T/(d-T-1) = {(d - T) + h * s2 * T / (d - T - 1):.4f}")
