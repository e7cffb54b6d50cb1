"""Reference values for exact funnel limits (Spiegelhalter 2005, Stat Med 24:1185, appendix:
interpolated binomial quantiles) and overdispersion on the arcsine scale, computed with scipy
(binom.ppf, binom.cdf) and numpy. Also the probability that a unit on target is flagged outside
the 99.8% limits, for the exact and the normal limits (binom.cdf / binom.sf at the limits).

Reproduce (from the repository root):
    python3 Tests/BereikStatsTests/Fixtures/make_funnel_references.py > Tests/BereikStatsTests/Fixtures/funnel_references.json
"""
import json, math, sys
import numpy as np
from scipy import stats


def exact_limit(p, theta, n):
    r = stats.binom.ppf(p, n, theta)          # smallest r with P(R <= r) >= p
    at, below = stats.binom.cdf(r, n, theta), stats.binom.cdf(r - 1, n, theta)
    alpha = (at - p) / (at - below) if at > below else 0.0
    return float(min(1.0, max(0.0, (r - alpha) / n)))


def normal_limit(z, theta, n):
    return float(min(1.0, max(0.0, theta + z * math.sqrt(theta * (1 - theta) / n))))


def flag_rates(theta, n, lower, upper):
    # P(x/n < lower) + P(x/n > upper) for x ~ Binomial(n, theta)
    low = stats.binom.cdf(math.ceil(lower * n) - 1, n, theta) if lower > 0 else 0.0
    high = stats.binom.sf(math.floor(upper * n), n, theta)
    return float(low), float(high)


LIMITS = []
for theta in [0.005, 0.03, 0.1, 0.35]:
    for n in [15, 80, 300, 1200, 25000]:
        ex = {k: exact_limit(p, theta, n) for k, p in [("lower95", 0.025), ("upper95", 0.975), ("lower998", 0.001), ("upper998", 0.999)]}
        z998 = stats.norm.ppf(0.999)
        nl, nu = normal_limit(-z998, theta, n), normal_limit(z998, theta, n)
        LIMITS.append({"target": theta, "n": n, **ex,
                       "flag_rate_exact": flag_rates(theta, n, ex["lower998"], ex["upper998"]),
                       "flag_rate_normal": flag_rates(theta, n, nl, nu)})


def arcsine_overdispersion(x, n, winsorise=0.1):
    x, n = np.array(x, float), np.array(n, float)
    t = x.sum() / n.sum()
    s = 1 / (2 * np.sqrt(n))
    z = (np.arcsin(np.sqrt(x / n)) - np.arcsin(np.sqrt(t))) / s
    lo, hi = np.quantile(z, [winsorise, 1 - winsorise])
    zw = np.clip(z, lo, hi)
    k = len(z); phi = float(np.mean(zw ** 2)); w = 1 / s ** 2
    excess = k * phi - (k - 1)
    tau2 = float(excess / (w.sum() - (w ** 2).sum() / w.sum())) if excess > 0 else 0.0
    limits = []
    for ni in n:
        sd = math.sqrt(1 / (4 * ni) + tau2)
        lim = lambda z: math.sin(min(max(math.asin(math.sqrt(t)) + z * sd, 0), math.pi / 2)) ** 2
        limits.append([lim(-stats.norm.ppf(0.999)), lim(stats.norm.ppf(0.999))])
    return {"target": float(t), "phi": phi, "tau2": tau2, "limits998": limits}


UNITS = [
    ([12, 30, 5, 44, 19], [800, 1500, 600, 1800, 1100]),
    ([0, 3, 9, 14, 2, 40, 1], [250, 300, 400, 420, 90, 1000, 40]),
    ([25, 2, 60, 7, 0, 33, 18, 90, 4, 11, 50, 3], [2400, 350, 3100, 900, 150, 2000, 1700, 3600, 120, 800, 2500, 60]),
]

json.dump({"generator": "make_funnel_references.py (scipy %s, numpy %s)" % (__import__("scipy").__version__, np.__version__),
           "limits": LIMITS,
           "overdispersion": [{"x": x, "n": n, **arcsine_overdispersion(x, n)} for x, n in UNITS]},
          sys.stdout, indent=1)
