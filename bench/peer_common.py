"""What the DuckDB and polars peers share with the pandas reference: the harmonisation tables and
the statistics on the resolved counts (Wilson intervals, exact binomial tests with Holm, X²), so
that every peer does the same analysis as `bereik compare` and writes the same JSON shape."""
import json
import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportion_confint

EUROPE = {"Nederland": "nederland", "Polen": "europa", "Duitsland": "europa", "België": "europa", "Bulgarije": "europa", "Oekraïne": "europa"}
GENDER = {"m": "man", "man": "man", "v": "vrouw", "vrouw": "vrouw"}
COLUMNS = {"gender": (["man", "vrouw"], ["mannen", "vrouwen"]),
           "age": (["0-14", "15-24", "25-44", "45-64", "65+"], ["leeftijd_0_14", "leeftijd_15_24", "leeftijd_25_44", "leeftijd_45_64", "leeftijd_65_plus"]),
           "origin": (["nederland", "europa", "buiten_europa"], ["herkomst_nederland", "herkomst_europa_excl_nl", "herkomst_buiten_europa"])}


def finish(counts, gemeenten, persons, rows, pop_path, out_path):
    """counts: {dimension: {key: persons}}; gemeenten: the GM codes of the persons' buurten."""
    pop = pd.read_csv(pop_path, na_values=["."])
    gm = pop[pop["code"].isin(set(gemeenten))]
    out = {"rows": int(rows), "persons": int(persons), "dimensions": []}
    for dim, (keys, cols) in COLUMNS.items():
        n_g = np.array([counts[dim].get(k, 0) for k in keys])
        N_g = gm[cols].sum().values
        n, N = n_g.sum(), N_g.sum()
        pi = N_g / N
        raw = [stats.binomtest(int(x), int(n), p).pvalue for x, p in zip(n_g, pi)]
        holm = multipletests(raw, method="holm")[1]
        lo, hi = proportion_confint(n_g, N_g, method="wilson")
        chi2, p = stats.chisquare(n_g, n * pi)
        out["dimensions"].append({"dimension": dim, "chi2": float(chi2), "p_value": float(p), "groups": [
            {"group": k, "participants": int(x), "residents": int(r), "reach": [float(x / r), float(l), float(h)],
             "p_value": float(q), "p_adjusted": float(a)} for k, x, r, l, h, q, a in zip(keys, n_g, N_g, lo, hi, raw, holm)]})
    json.dump(out, open(out_path, "w"), indent=1)


def buurten(pop_path):
    pop = pd.read_csv(pop_path, na_values=["."], usecols=["code"])
    return sorted(c for c in pop["code"] if c.startswith("BU"))
