"""Reference values for DetectableRatio: the exact binomial power of the central two-sided test,
computed with scipy only.

For each case the rejection bounds come from scipy's binomial cdf/sf (c_L the largest x with
2 P(X <= x; pi) < alpha, c_U the smallest x with 2 P(X >= x; pi) < alpha) and the share q with
power P(X <= c_L; q) (resp. P(X >= c_U; q)) equal to the target by brentq. Reproduce (from the
repository root):
    pip install scipy==1.17.1 numpy
    python3 Tests/BereikStatsTests/Fixtures/make_detectable_references.py > Tests/BereikStatsTests/Fixtures/detectable_references.json
"""
import json
from scipy import stats
from scipy.optimize import brentq

CASES = [  # participants, resident share, alpha (per group), power
    (100, 0.5, 0.05, 0.8), (40, 0.497, 0.025, 0.8), (853, 0.2, 0.05 / 3, 0.8), (25, 0.3, 0.05, 0.9),
    (12, 0.15, 0.01, 0.8), (5000, 0.05, 0.05 / 5, 0.8), (230, 0.46, 0.05 / 2, 0.8), (3, 0.5, 0.05, 0.8),
    (60, 0.1, 0.05, 0.8), (1500, 0.183, 0.01, 0.8),
]
out = []
for n, share, alpha, target in CASES:
    lows = [x for x in range(n + 1) if 2 * stats.binom.cdf(x, n, share) < alpha]
    highs = [x for x in range(n + 1) if 2 * stats.binom.sf(x - 1, n, share) < alpha]
    under = over = None
    if lows:
        c = max(lows)
        under = brentq(lambda q: stats.binom.cdf(c, n, q) - target, 1e-15, share, xtol=1e-15) / share
    if highs:
        c = min(highs)
        over = brentq(lambda q: stats.binom.sf(c - 1, n, q) - target, share, 1 - 1e-15, xtol=1e-15) / share
    out.append({"participants": n, "share": share, "alpha": alpha, "power": target, "under": under, "over": over})
print(json.dumps(out, indent=1))
