"""Reference values for ShareChange (a group's share in period B against period A): the ratio of
two independent proportions with the log (Katz) interval from statsmodels
`confint_proportions_2indep(..., method="log", compare="ratio")`, and Pearson's X² of the 2 × K
table (period × category) from scipy `chi2_contingency(correction=False)`.

Reproduce (from the repository root):
    python3 Tests/BereikStatsTests/Fixtures/make_share_change_references.py > Tests/BereikStatsTests/Fixtures/share_change_references.json
"""
import json, sys
from scipy import stats
from statsmodels.stats.proportion import confint_proportions_2indep

CASES = [  # counts per category in period A, in period B
    ([475, 1025], [560, 990]),
    ([91, 144, 539, 430, 296], [120, 150, 500, 410, 260]),
    ([755, 240, 505], [700, 260, 610]),
    ([3, 17, 40], [9, 12, 35]),
    ([1, 99], [4, 96]),
]
out = []
for a, b in CASES:
    na, nb = sum(a), sum(b)
    ratios = []
    for xa, xb in zip(a, b):
        low, upp = confint_proportions_2indep(xb, nb, xa, na, method="log", compare="ratio", alpha=0.05)
        ratios.append({"estimate": (xb / nb) / (xa / na), "lower": float(low), "upper": float(upp)})
    chi2, p, df, _ = stats.chi2_contingency([a, b], correction=False)
    out.append({"a": a, "b": b, "ratios": ratios, "chi2": float(chi2), "df": int(df), "p_value": float(p)})
json.dump(out, sys.stdout, indent=1)
