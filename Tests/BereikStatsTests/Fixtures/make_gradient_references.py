"""Reference values for EmpiricalBayesReach, Overdispersion, Segregation, SII (point) and the
concentration index, computed independently with numpy / scipy / statsmodels.

Reproduce (from the repository root):
    python3 Tests/BereikStatsTests/Fixtures/make_gradient_references.py > Tests/BereikStatsTests/Fixtures/gradient_references.json
"""
import json, math, sys
import numpy as np
from scipy import stats
from scipy.stats.contingency import association
import statsmodels.api as sm

UNITS = [
    ([12, 30, 5, 44, 19], [800, 1500, 600, 1800, 1100]),
    ([0, 3, 9, 14, 2, 40, 1], [250, 300, 400, 420, 90, 1000, 40]),
    ([40, 41, 39, 42], [1000, 1000, 1000, 1000]),
    ([25, 2, 60, 7, 0, 33, 18, 90, 4, 11, 50, 3], [2400, 350, 3100, 900, 150, 2000, 1700, 3600, 120, 800, 2500, 60]),
]


def eb(x, n):
    x, n = np.array(x, float), np.array(n, float)
    p = x.sum() / n.sum()
    s2 = np.sum(n * (x / n - p) ** 2) / n.sum()
    sigma2 = max(0.0, s2 - p * (1 - p) / n.mean())
    if sigma2 == 0:
        return {"overall": p, "sigma2": 0.0, "shrunk": [p] * len(x)}
    m = max(0.0, p * (1 - p) / sigma2 - 1)
    return {"overall": p, "sigma2": sigma2, "prior": m, "shrunk": list((x + p * m) / (n + m))}


def overdispersion(x, n):
    x, n = np.array(x, float), np.array(n, float)
    t = x.sum() / n.sum()
    s = np.sqrt(t * (1 - t) / n)
    z = (x / n - t) / s
    lo, hi = np.quantile(z, [0.1, 0.9])  # numpy's default = R type 7
    zw = np.clip(z, lo, hi)
    k = len(z)
    phi = np.mean(zw ** 2)
    w = 1 / s ** 2
    excess = k * phi - (k - 1)
    tau2 = excess / (w.sum() - (w ** 2).sum() / w.sum()) if excess > 0 else 0.0
    return {"target": t, "phi": phi, "tau2": tau2}


TABLES = [
    [[30, 10, 5], [8, 25, 2], [12, 12, 40]],
    [[50, 50], [10, 90], [45, 55], [0, 20]],
    [[5, 0, 1, 0, 3], [4, 2, 0, 1, 7], [20, 11, 9, 3, 4]],
    [[10, 10, 10], [20, 20, 20], [5, 5, 5]],
]


def segregation(t):
    t = np.array(t, float)
    t = t[t.sum(1) > 0][:, t.sum(0) > 0]
    chi2, p, dof, _ = stats.chi2_contingency(t, correction=False)
    v = association(t.astype(int), method="cramer", correction=False)
    T = t.sum(); ta = t.sum(1); pi = t.sum(0) / T; share = t / ta[:, None]
    I = np.sum(pi * (1 - pi))
    D = np.sum(ta[:, None] * np.abs(share - pi)) / (2 * T * I)
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(share > 0, share * np.log(share / pi), 0.0)
    local = ta / T * terms.sum(1)
    M = local.sum(); E = -np.sum(pi * np.log(pi))
    return {"chi2": chi2, "p": p, "df": int(dof), "cramers_v": v, "dissimilarity": D, "mutual_information": M,
            "theil_h": M / E, "contributions": list(local)}


GROUPS = [
    ([120, 150, 160, 190, 230], [20000, 21000, 19000, 20500, 19500]),
    ([300, 220, 180, 150, 90], [15000, 16000, 17000, 15500, 14000]),
    ([20, 25, 18, 30, 22, 35, 28, 40, 33, 45], [3000] * 10),
]


def sii_point(x, n):
    x, n = np.array(x, float), np.array(n, float)
    a = n / n.sum(); b = np.cumsum(a) - a / 2; y = x / n
    fit = sm.WLS(y, sm.add_constant(b), weights=a).fit()
    c0, c1 = fit.params
    return {"sii": c1, "rii": (c0 + c1) / c0, "ranks": list(b)}


def sii_simulated(x, n, reps=200_000, seed=1):
    """The simulation of PHE's phe_sii for proportions, written with numpy (its own RNG)."""
    x, n = np.array(x, float), np.array(n, float)
    a = n / n.sum(); b = np.cumsum(a) - a / 2; y = x / n
    z = stats.norm.ppf(0.975)
    lo = np.array([proportion_wilson(xi, ni)[0] for xi, ni in zip(x, n)])
    hi = np.array([proportion_wilson(xi, ni)[1] for xi, ni in zip(x, n)])
    logit = lambda p: np.log(p / (1 - p))
    se = (logit(hi) - logit(lo)) / (2 * z)
    rng = np.random.default_rng(seed)
    sims = 1 / (1 + np.exp(-(logit(y) + rng.standard_normal((reps, len(y))) * se)))
    X = np.column_stack([np.ones_like(b), b]); W = np.diag(a)
    coef = np.linalg.solve(X.T @ W @ X, X.T @ W @ sims.T)
    sii = coef[1]; rii = (coef[0] + coef[1]) / coef[0]
    return {"sii_ci": list(np.quantile(sii, [0.025, 0.975])), "rii_ci": list(np.quantile(rii, [0.025, 0.975]))}


# SES groups of which one or more has no participants (issue 11, item 3): PHE's logit simulation
# cannot run; the fit is defined, and the intervals come from Jeffreys Beta(x + 1/2, n - x + 1/2) draws.
ZERO_GROUPS = [
    ([0, 4, 9, 15, 22], [2000, 2100, 1900, 2050, 1950]),
    ([0, 0, 3, 5, 30], [1500, 1600, 1700, 1550, 1400]),
    ([12, 0, 8], [900, 1200, 1000]),
    ([40, 28, 19, 6, 0], [1800, 2000, 2100, 1900, 1700]),
]


def sii_jeffreys(x, n, reps=400_000, seed=3):
    """Jeffreys-posterior simulation of the WLS SII, written with numpy (its own RNG)."""
    x, n = np.array(x, float), np.array(n, float)
    a = n / n.sum(); b = np.cumsum(a) - a / 2
    rng = np.random.default_rng(seed)
    sims = rng.beta(x + 0.5, n - x + 0.5, size=(reps, len(x)))
    X = np.column_stack([np.ones_like(b), b]); W = np.diag(a)
    coef = np.linalg.solve(X.T @ W @ X, X.T @ W @ sims.T)
    out = {"sii_ci": list(np.quantile(coef[1], [0.025, 0.975])), "intercept_always_positive": bool(np.all(coef[0] > 0))}
    if out["intercept_always_positive"]:
        out["rii_ci"] = list(np.quantile((coef[0] + coef[1]) / coef[0], [0.025, 0.975]))
    return out


def proportion_wilson(x, n):
    from statsmodels.stats.proportion import proportion_confint
    return proportion_confint(x, n, method="wilson")


def concentration(x, n):
    """Point estimate by the covariance formula C = 2 cov_w(μ_t, R_t)/μ (Kakwani et al. 1997),
    a different route from the sum formula; SE by their grouped-data variance."""
    x, n = np.array(x, float), np.array(n, float)
    f = n / n.sum(); m = x / n; mu = np.sum(f * m); R = np.cumsum(f) - f / 2
    C = 2 * np.sum(f * (m - mu) * (R - np.sum(f * R))) / mu
    q = np.cumsum(m * f) / mu; qprev = np.concatenate([[0], q[:-1]])
    a = m / mu * (2 * R - 1 - C) + 2 - qprev - q
    var = (np.sum(f * a ** 2) - (1 + C) ** 2) / n.sum() + np.sum(f * m * (1 - m) * (2 * R - 1 - C) ** 2) / (n.sum() * mu ** 2)
    return {"c": C, "se": math.sqrt(max(var, 0))}


out = {"units": [{"x": x, "n": n, "eb": eb(x, n), "overdispersion": overdispersion(x, n)} for x, n in UNITS],
       "tables": [{"table": t, "segregation": segregation(t)} for t in TABLES],
       "groups": [{"x": x, "n": n, **sii_point(x, n), **sii_simulated(x, n), "concentration": concentration(x, n)} for x, n in GROUPS],
       "zero_groups": [{"x": x, "n": n, **sii_point(x, n), **sii_jeffreys(x, n)} for x, n in ZERO_GROUPS]}
json.dump(out, sys.stdout, indent=1, default=float)
