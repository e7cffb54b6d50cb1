"""Independent check of the exact conditional trend test by brute enumeration with scipy's
multivariate hypergeometric: every table with the observed margins, two-sided p = P(|T - E T| >= |t - E T|).

Run: python3 Tests/BereikStatsTests/Fixtures/check_exact_trend_scipy.py
It re-derives the R coin values in exact_trend_r.csv (agreement 1e-12) and gives the reference for
a table too large for coin's shift algorithm (RoleTests: a core team of nine, men 427/47/1 of
1352/139/9 -> 0.9322619155327251).
"""
import csv
import itertools
import os

from scipy.stats import multivariate_hypergeom


def exact_trend_p(x, n):
    X, N = sum(x), sum(n)
    s = range(1, len(n) + 1)
    mu = X * sum(a * b for a, b in zip(s, n)) / N
    t = sum(a * b for a, b in zip(s, x))
    p = 0.0
    for rest in itertools.product(*[range(min(nl, X) + 1) for nl in n[1:]]):
        x0 = X - sum(rest)
        if 0 <= x0 <= n[0]:
            table = [x0, *rest]
            tt = sum(a * b for a, b in zip(s, table))
            if abs(tt - mu) >= abs(t - mu) - 1e-7 * max(1, abs(t - mu)):
                p += multivariate_hypergeom.pmf(table, n, X)
    return p


here = os.path.dirname(os.path.abspath(__file__))
for row in csv.DictReader(open(os.path.join(here, "exact_trend_r.csv"))):
    x = [int(v) for v in row["x"].split()]
    n = [int(v) for v in row["n"].split()]
    p = exact_trend_p(x, n)
    print(row["case"], repr(p), row["p_exact"], abs(p - float(row["p_exact"])) / float(row["p_exact"]))
print("core team of nine", repr(exact_trend_p([427, 47, 1], [1352, 139, 9])))
