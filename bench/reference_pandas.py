"""The same analysis as `bereik compare --format json` on a benchmark file, written with pandas,
as the speed reference of BENCHMARKS.md. Reads the attendance (one row per visit), resolves each
person's buurt, gender, age band and origin (most frequent value, then latest visit), compares
participants with the residents of their gemeenten per dimension (Wilson intervals, exact binomial
tests with Holm adjustment, Pearson X²) and writes JSON.

    python3 bench/reference_pandas.py ATTENDANCE.csv POPULATION.csv OUT.json
"""
import json, sys
import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportion_confint

att_path, pop_path, out_path = sys.argv[1:4]
df = pd.read_csv(att_path, sep=";", dtype={"deelnemer": "string", "buurtcode": "category", "geslacht": "category",
                                           "herkomst": "category", "activiteit": "category"},
                 keep_default_na=False)
df["row"] = np.arange(1, len(df) + 1, dtype=np.int64)
df = df[df["deelnemer"].str.strip() != ""]
day = pd.to_datetime(df["datum"], format="%d-%m-%Y", errors="coerce")
df = df[day.notna()]
day = day[day.notna()]
df["stamp"] = (day.values.astype("datetime64[D]").astype(np.int64) << 32) + df["row"].values
birth = pd.to_numeric(df["geboortejaar"], errors="coerce")
age = day.dt.year - birth - ((day.dt.month < 7)).astype(int)
df["age"] = pd.cut(age, [-1, 14, 24, 44, 64, 200], labels=["0-14", "15-24", "25-44", "45-64", "65+"])
df["gender"] = df["geslacht"].astype(str).str.strip().str.lower().map({"m": "man", "man": "man", "v": "vrouw", "vrouw": "vrouw"})
europe = {"Nederland": "nederland", "Polen": "europa", "Duitsland": "europa", "België": "europa", "Bulgarije": "europa", "Oekraïne": "europa"}
df["origin"] = df["herkomst"].astype(str).map(lambda c: europe.get(c, "buiten_europa"))

pop = pd.read_csv(pop_path, na_values=["."])
buurten = set(pop.loc[pop["code"].str.startswith("BU"), "code"])
df = df[df["buurtcode"].isin(buurten)]


def resolve(col):
    d = df[["deelnemer", col, "stamp"]].dropna(subset=[col])
    g = d.groupby(["deelnemer", col], observed=True).agg(n=("stamp", "size"), last=("stamp", "max")).reset_index()
    g = g.sort_values(["deelnemer", "n", "last"], ascending=[True, False, False]).drop_duplicates("deelnemer")
    return g.set_index("deelnemer")[col]


persons = pd.DataFrame({c: resolve(c) for c in ["buurtcode", "gender", "age", "origin"]})
persons["gemeente"] = "GM" + persons["buurtcode"].astype(str).str[2:6]
gm = pop[pop["code"].isin(set(persons["gemeente"]))]
columns = {"gender": (["man", "vrouw"], ["mannen", "vrouwen"]),
           "age": (["0-14", "15-24", "25-44", "45-64", "65+"], ["leeftijd_0_14", "leeftijd_15_24", "leeftijd_25_44", "leeftijd_45_64", "leeftijd_65_plus"]),
           "origin": (["nederland", "europa", "buiten_europa"], ["herkomst_nederland", "herkomst_europa_excl_nl", "herkomst_buiten_europa"])}
out = {"rows": int(len(df)), "persons": int(len(persons)), "dimensions": []}
for dim, (keys, cols) in columns.items():
    n_g = persons[dim].value_counts().reindex(keys, fill_value=0).values
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
