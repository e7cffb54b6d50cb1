"""Reference values for ClusterBootstrap: the buurt (cluster) bootstrap of the concentration index
and of the SII, written with numpy (its own generator, 100,000 replicates), percentile limits.

Reproduce (from the repository root):
    python3 Tests/BereikStatsTests/Fixtures/make_bootstrap_references.py > Tests/BereikStatsTests/Fixtures/bootstrap_references.json
"""
import json, sys
import numpy as np

B = 100_000


def concentration(score, x, n):
    o = np.argsort(score, kind="stable"); x, n = x[o], n[o]
    f = n / n.sum(); m = x / n; mu = np.sum(f * m)
    if mu <= 0:
        return None
    R = np.cumsum(f) - f / 2
    return 2 * np.sum(f * (m - mu) * (R - np.sum(f * R))) / mu   # covariance formula


def sii(score, x, n, k):
    o = np.argsort(score, kind="stable"); x, n = x[o], n[o]
    mid = (np.cumsum(n) - n / 2) / n.sum()
    g = np.minimum(k - 1, np.floor(mid * k).astype(int))
    gx = np.bincount(g, weights=x, minlength=k); gn = np.bincount(g, weights=n, minlength=k)
    keep = gn > 0
    if keep.sum() < 2 or gx[keep].sum() == 0:
        return None
    gx, gn = gx[keep], gn[keep]
    a = gn / gn.sum(); b = np.cumsum(a) - a / 2; y = gx / gn
    X = np.column_stack([np.ones_like(b), b]); W = np.diag(a)
    return np.linalg.solve(X.T @ W @ X, X.T @ W @ y)[1]


def case(seed, units, k):
    rng = np.random.default_rng(seed)
    score = rng.normal(0, 0.5, units)
    n = rng.integers(300, 4000, units).astype(float)
    reach = np.clip(0.02 + 0.01 * score + rng.normal(0, 0.008, units), 0.001, 0.2)   # overdispersed
    x = rng.binomial(n.astype(int), reach).astype(float)
    boot = np.random.default_rng(1000 + seed)
    cs, ss = [], []
    for _ in range(B):
        i = boot.integers(0, units, units)
        c = concentration(score[i], x[i], n[i]); s = sii(score[i], x[i], n[i], k)
        if c is not None: cs.append(c)
        if s is not None: ss.append(s)
    return {"score": score.tolist(), "x": x.astype(int).tolist(), "n": n.astype(int).tolist(), "groups": k,
            "concentration": concentration(score, x, n), "sii": sii(score, x, n, k),
            "concentration_ci": np.quantile(cs, [0.025, 0.975]).tolist(), "sii_ci": np.quantile(ss, [0.025, 0.975]).tolist(),
            "concentration_se": float(np.std(cs, ddof=1))}


json.dump({"generator": "make_bootstrap_references.py (numpy %s)" % np.__version__,
           "cases": [case(1, 26, 5), case(2, 12, 3), case(3, 60, 5)]}, sys.stdout, indent=1)
