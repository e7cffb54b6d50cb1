"""Reference values for MultipleResponseIndependence (Bilder & Loughin 2004), computed with numpy
and scipy from person-level data: X2_S as the sum of scipy's chi2_contingency (no continuity
correction) over each activity's 2 x C table, and its permutation p-value by shuffling the
persons' category labels (numpy's own generator, 20,000 shuffles).

Reproduce (from the repository root):
    python3 Tests/BereikStatsTests/Fixtures/make_multiple_response_references.py > Tests/BereikStatsTests/Fixtures/multiple_response_references.json
"""
import json, sys
from collections import Counter
import numpy as np
from scipy import stats

B = 20_000


def persons(seed, n, categories, activities, tilt):
    """n persons with a category each and a non-empty set of activities; `tilt` makes activity 0
    more likely for category 0 (0 = independence)."""
    rng = np.random.default_rng(seed)
    cats = rng.integers(0, categories, n)
    sets = []
    for c in cats:
        s = [a for a in range(activities) if rng.random() < (0.35 + (tilt if (a == 0 and c == 0) else 0))]
        sets.append(tuple(s) if s else (int(rng.integers(0, activities)),))
    return cats, sets


def x2s(cats, sets, categories, activities):
    total = 0.0
    for a in range(activities):
        inside = np.array([a in s for s in sets])
        if inside.all() or not inside.any():
            continue
        table = np.array([[np.sum((cats == c) & inside) for c in range(categories)],
                          [np.sum((cats == c) & ~inside) for c in range(categories)]])
        table = table[:, table.sum(0) > 0]
        total += stats.chi2_contingency(table, correction=False)[0]
    return float(total)


CASES = [(1, 300, 3, 4, 0.0), (2, 300, 2, 5, 0.25), (3, 40, 3, 3, 0.2), (4, 25, 4, 3, 0.0), (5, 800, 5, 6, 0.08)]

out = []
for seed, n, k, a, tilt in CASES:
    cats, sets = persons(seed, n, k, a, tilt)
    obs = x2s(cats, sets, k, a)
    rng = np.random.default_rng(100 + seed)
    hits = sum(x2s(rng.permutation(cats), sets, k, a) >= obs * (1 - 1e-12) for _ in range(B))
    patterns = Counter()
    for c, s in zip(cats, sets):
        patterns[(s, int(c))] += 1
    grouped = {}
    for (s, c), m in patterns.items():
        grouped.setdefault(s, [0] * k)[c] += m
    out.append({"activities": a, "patterns": [{"activities": list(s), "counts": v} for s, v in sorted(grouped.items())],
                "statistic": obs, "p_value": (hits + 1) / (B + 1), "permutations": B})
json.dump({"generator": "make_multiple_response_references.py (numpy %s, scipy %s)" % (np.__version__, __import__("scipy").__version__),
           "cases": out}, sys.stdout, indent=1)
