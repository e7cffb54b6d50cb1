"""Reference values for DetectableRatio, computed with statsmodels and scipy only.

For each case the share q is found by root-finding on statsmodels' power function of the one-sample
arcsine test (NormalIndPower with ratio=0, two-sided, both tails included), so neither the closed
form nor any Bereik code is involved. Reproduce (from the repository root):
    pip install scipy==1.17.1 statsmodels==0.15.0 numpy
    python3 Tests/BereikStatsTests/Fixtures/make_detectable_references.py > Tests/BereikStatsTests/Fixtures/detectable_references.json
"""
import json, math
from scipy.optimize import brentq
from statsmodels.stats.power import NormalIndPower
from statsmodels.stats.proportion import proportion_effectsize

CASES = [  # participants, resident share, alpha (per group), power
    (100, 0.5, 0.05, 0.8), (40, 0.497, 0.025, 0.8), (853, 0.2, 0.05 / 3, 0.8), (25, 0.3, 0.05, 0.9),
    (12, 0.15, 0.01, 0.8), (5000, 0.05, 0.05 / 5, 0.8), (230, 0.46, 0.05 / 2, 0.8), (3, 0.5, 0.05, 0.8),
]
power = NormalIndPower()
out = []
for n, share, alpha, target in CASES:
    def gap(q):
        return power.power(effect_size=proportion_effectsize(q, share), nobs1=n, alpha=alpha, ratio=0,
                           alternative="two-sided") - target
    under = brentq(gap, 1e-12, share - 1e-12, xtol=1e-14) if gap(1e-12) > 0 else None
    over = brentq(gap, share + 1e-12, 1 - 1e-12, xtol=1e-14) if gap(1 - 1e-12) > 0 else None
    out.append({"participants": n, "share": share, "alpha": alpha, "power": target,
                "under": None if under is None else under / share, "over": None if over is None else over / share})
print(json.dumps(out, indent=1))
