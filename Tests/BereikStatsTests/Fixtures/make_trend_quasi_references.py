"""Reference values for the quasi-binomial trend test (TrendTest.dispersion, quasiPValue): Pearson's
X2 of equal proportions from scipy's chi2_contingency (no correction), the Cochran-Armitage
statistic written out with numpy, phi = (X2 - chi2_trend)/(k - 2) and the F(1, k - 2) tail of
chi2_trend / max(1, phi) from scipy.

Reproduce (from the repository root):
    python3 Tests/BereikStatsTests/Fixtures/make_trend_quasi_references.py > Tests/BereikStatsTests/Fixtures/trend_quasi_references.json
"""
import json, sys
import numpy as np
from scipy import stats

CASES = [
    ([15, 10, 12, 6], [1000, 1000, 1000, 1000]), ([83, 90, 129, 70], [86, 93, 136, 82]),
    ([5, 9, 14, 22, 30, 41], [5000] * 6), ([0, 2, 1, 4], [300, 310, 290, 305]),
    ([40, 38, 44, 39, 41], [2000, 1900, 2100, 2000, 1950]),
    ([120, 40, 150, 60, 170, 80], [9000] * 6),
]
out = []
for x, n in CASES:
    x, n = np.array(x, float), np.array(n, float)
    total = stats.chi2_contingency(np.column_stack([x, n - x]), correction=False)[0]
    s = np.arange(1, len(x) + 1, dtype=float); p = x.sum() / n.sum(); w = n / (p * (1 - p)); y = x / n
    sb = np.sum(w * s) / w.sum(); yb = np.sum(w * y) / w.sum()
    trend = np.sum(w * (s - sb) * (y - yb)) ** 2 / np.sum(w * (s - sb) ** 2)
    k = len(x); phi = max(0.0, total - trend) / (k - 2)
    out.append({"x": x.astype(int).tolist(), "n": n.astype(int).tolist(), "chi2_total": float(total), "chi2_trend": float(trend),
                "dispersion": float(phi), "p_quasi": float(stats.f.sf(trend / max(1.0, phi), 1, k - 2))})
json.dump(out, sys.stdout, indent=1)
