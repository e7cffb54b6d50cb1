"""Reference values for DesignEffect and the clustered comparison: per category the design effect
(Kish; ratio-estimator linearisation over clusters drawn with replacement), written with numpy,
and the Clopper-Pearson interval and central exact p at the effective size n/deff from scipy's
beta distribution (Korn & Graubard 1998). Rao-Scott first-order X2 from scipy.

Reproduce (from the repository root):
    python3 Tests/BereikStatsTests/Fixtures/make_design_effect_references.py > Tests/BereikStatsTests/Fixtures/design_effect_references.json
"""
import json, sys
import numpy as np
from scipy import stats


def deff(clusters):
    c = np.array([r for r in clusters if sum(r) > 0], float)
    m = c.sum(1); M = m.sum(); B = len(c)
    out = []
    for g in range(c.shape[1]):
        p = c[:, g].sum() / M
        if p <= 0 or p >= 1 or B < 2:
            out.append(1.0); continue
        var = B / (B - 1) * np.sum((c[:, g] - p * m) ** 2) / M ** 2
        out.append(float(max(1.0, var / (p * (1 - p) / M))))
    return out


def case(seed, clusters_n, k, residents):
    rng = np.random.default_rng(seed)
    clusters = []
    for _ in range(clusters_n):
        size = int(rng.integers(3, 60))
        probs = rng.dirichlet(np.ones(k) * 2)        # each buurt its own mix: clustering
        clusters.append(rng.multinomial(size, probs).tolist())
    d = deff(clusters)
    x = np.array(clusters).sum(0); n = x.sum(); pi = np.array(residents) / sum(residents)
    groups = []
    for g in range(k):
        ns = n / d[g]; xs = x[g] / d[g]
        lo = 0.0 if xs <= 0 else stats.beta.ppf(0.025, xs, ns - xs + 1)
        hi = 1.0 if xs >= ns else stats.beta.ppf(0.975, xs + 1, ns - xs)
        lower_tail = 1.0 if xs >= ns else stats.beta.cdf(1 - pi[g], ns - xs, xs + 1)
        upper_tail = 1.0 if xs <= 0 else stats.beta.cdf(pi[g], xs, ns - xs + 1)
        groups.append({"deff": d[g], "ratio": [x[g] / n / pi[g], lo / pi[g], hi / pi[g]],
                       "p": float(min(1.0, 2 * min(lower_tail, upper_tail)))})
    chi2 = float(np.sum((x - n * pi) ** 2 / (n * pi)))
    mean = float(np.mean(d))
    return {"clusters": clusters, "residents": residents, "groups": groups,
            "rao_scott": {"chi2": chi2 / mean, "p": float(stats.chi2.sf(chi2 / mean, k - 1)), "mean_deff": mean}}


json.dump({"cases": [case(1, 20, 2, [5000, 5000]), case(2, 35, 3, [3000, 1500, 5500]), case(3, 8, 4, [900, 1200, 2000, 400])]},
          sys.stdout, indent=1)
