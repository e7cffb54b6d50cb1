"""Independent reference values for BereikStats, computed with scipy and statsmodels.

Reproduce (from the repository root):
    pip install scipy==1.17.1 statsmodels==0.15.0 numpy
    python3 Tests/BereikStatsTests/Fixtures/make_references.py > Tests/BereikStatsTests/Fixtures/stats_references.json

Nothing here calls Bereik: every number comes from scipy/statsmodels or a direct enumeration.
"""
import itertools, json, math
import numpy as np
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportion_confint

# (participants n_g, residents N_g) per category; varied sizes, small and zero counts.
CASES = [
    ([120, 80], [5100, 4900]),
    ([30, 70], [5000, 5000]),
    ([0, 12], [400, 410]),
    ([12, 0, 3], [900, 1200, 300]),
    ([5, 5, 5, 5, 5], [1000, 800, 600, 400, 200]),
    ([1, 0, 0, 2, 9], [300, 250, 500, 450, 700]),
    ([250, 410, 120], [40000, 30000, 30000]),
    ([33, 61, 18, 7, 2], [2714, 2202, 4586, 4763, 3677]),
    ([3, 4], [10, 12]),
    ([1, 1, 1], [100, 100, 100]),
    ([0, 1], [50, 50]),
    ([1000, 1], [500000, 500000]),
    ([17, 23, 31, 41], [1295, 1410, 1600, 1230]),
    ([8, 2, 0], [25, 30, 45]),
    ([60, 25, 15], [12941748, 1677093, 3324101]),
    ([4, 9, 2, 0, 1], [505, 610, 720, 305, 290]),
    ([200, 200], [1000, 3000]),
    ([7, 3, 5, 1], [60, 70, 80, 90]),
    ([2, 3], [1000, 1]),
    ([45, 5, 10], [800, 100, 100]),
    ([11, 27], [2405, 1895]),
    ([900, 950, 40, 10, 100], [20000, 21000, 3000, 900, 9000]),
]


def wilson(x, n, conf):
    lo, hi = proportion_confint(x, n, alpha=1 - conf, method="wilson")
    return [float(lo), float(hi)]


def clopper(x, n, conf):
    lo, hi = proportion_confint(x, n, alpha=1 - conf, method="beta")
    return [float(lo), float(hi)]


def central_p(x, n, p):
    """min(1, 2 min(P(X <= x), P(X >= x))) from scipy's one-sided exact tests."""
    less = stats.binomtest(x, n, p, alternative="less").pvalue
    greater = stats.binomtest(x, n, p, alternative="greater").pvalue
    return float(min(1.0, 2 * min(less, greater)))


def exact_multinomial_p(obs, probs):
    """Exact p-value of Pearson's X^2 by enumerating every outcome (small n only)."""
    n = sum(obs); k = len(obs)
    exp = [n * p for p in probs]
    x2obs = sum((o - e) ** 2 / e for o, e in zip(obs, exp))
    total = 0.0
    for comp in itertools.product(range(n + 1), repeat=k - 1):
        last = n - sum(comp)
        if last < 0:
            continue
        x = list(comp) + [last]
        x2 = sum((o - e) ** 2 / e for o, e in zip(x, exp))
        if x2 >= x2obs * (1 - 64 * np.finfo(float).eps):
            total += stats.multinomial.pmf(x, n, probs)
    return total


def case(parts, res):
    n = sum(parts); N = sum(res)
    tested = [i for i, r in enumerate(res) if r > 0]
    nt = sum(parts[i] for i in tested)
    pi = [r / N for r in res]
    out = {"participants": parts, "residents": res}
    obs = np.array([parts[i] for i in tested]); exp = np.array([nt * pi[i] for i in tested])
    chi2, p = stats.chisquare(obs, exp)
    g2, pg = stats.power_divergence(obs, exp, lambda_="log-likelihood")
    out["fit"] = {"chi2": float(chi2), "p": float(p), "g2": float(g2), "p_g2": float(pg),
                  "df": len(tested) - 1, "min_expected": float(exp.min())}
    if exp.min() < 5 and nt <= 25 and len(tested) <= 5:
        tested_share = sum(pi[i] for i in tested)
        out["fit"]["exact_p"] = exact_multinomial_p(list(obs), [pi[i] / tested_share for i in tested])
    # The central exact p (twice the smaller one-sided tail), the test Clopper-Pearson inverts.
    raw = [central_p(parts[i], nt, pi[i]) for i in tested]
    holm = multipletests(raw, method="holm")[1]
    bh = multipletests(raw, method="fdr_bh")[1]
    groups = []
    for g in range(len(parts)):
        item = {"reach_wilson95": wilson(parts[g], res[g], 0.95) if 0 < res[g] and parts[g] <= res[g] else None,
                "reach_cp95": clopper(parts[g], res[g], 0.95) if 0 < res[g] and parts[g] <= res[g] else None,
                "reach_wilson90": wilson(parts[g], res[g], 0.90) if 0 < res[g] and parts[g] <= res[g] else None,
                "reach_cp998": clopper(parts[g], res[g], 0.998) if 0 < res[g] and parts[g] <= res[g] else None}
        if g in tested:
            j = tested.index(g)
            item.update({"p": raw[j], "holm": float(holm[j]), "bh": float(bh[j])})
            lo, hi = clopper(parts[g], nt, 0.95)
            item["ratio"] = [parts[g] / nt / pi[g], lo / pi[g], hi / pi[g]]
            # flag at alpha 0.05 with Holm, and missing people for under-represented groups
            under = holm[j] < 0.05 and parts[g] < nt * pi[g]
            item["flag"] = "under" if under else ("over" if holm[j] < 0.05 else "none")
            item["missing"] = math.ceil(nt * pi[g] - parts[g] - 1e-9) if under else None
            # extra people of the group so that its share reaches pi: the smallest whole x with
            # (n_g + x) / (n + x) >= pi, found by counting up (not by the closed form Bereik uses)
            if under:
                x = 0
                while (parts[g] + x) / (nt + x) < pi[g] - 1e-12:
                    x += 1
                item["extra_needed"] = x
            else:
                item["extra_needed"] = None
        groups.append(item)
    out["groups"] = groups
    # Categories without residents are in no statistic: shares over the tested participants.
    p_share = [parts[i] / nt for i in tested]
    out["dissimilarity"] = 0.5 * float(np.abs(np.array(p_share) - np.array([pi[i] for i in tested])).sum())
    out["cohens_w"] = math.sqrt(chi2 / nt)
    # R-indicator written out from Schouten, Cobben & Bethlehem (2009): unit-level propensities.
    rho = np.repeat([parts[i] / res[i] for i in tested], [res[i] for i in tested])
    s = float(np.std(rho, ddof=1))
    out["r_indicator"] = 1 - 2 * s
    mean = nt / sum(res[i] for i in tested)
    # Schouten, Cobben & Bethlehem (2009): coefficient of variation and maximal absolute bias.
    out["cv"] = s / mean if mean > 0 else None
    out["max_bias"] = (1 - out["r_indicator"]) / (2 * mean) if mean > 0 else None
    out["partial_r"] = [math.sqrt(res[i] / N) * (parts[i] / res[i] - mean) if res[i] > 0 else None for i in range(len(parts))]
    out["partial_r_variable"] = math.sqrt(sum(res[i] / N * (parts[i] / res[i] - mean) ** 2 for i in tested))
    return out


BINOM = [(0, 10, 0.3), (3, 10, 0.3), (7, 10, 0.3), (10, 10, 0.3), (1, 50, 0.01), (12, 40, 0.5),
         (500, 1000, 0.52), (4821, 10000, 0.5), (0, 1, 0.5), (2, 3, 0.9), (30, 100000, 0.0002),
         (250, 1000, 0.2), (5, 7, 0.714285714285714), (88, 200, 0.41)]

if __name__ == "__main__":
    cases = [case(p, r) for p, r in CASES]
    binom = [{"x": x, "n": n, "p": p, "pvalue": float(stats.binomtest(x, n, p).pvalue), "central": central_p(x, n, p)}
             for x, n, p in BINOM]
    json.dump({"generator": "make_references.py (scipy %s, statsmodels)" % __import__("scipy").__version__,
               "cases": cases, "binomial": binom}, __import__("sys").stdout, indent=1)
