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
from peer_common import COLUMNS, EUROPE, GENDER, finish

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
df["gender"] = df["geslacht"].astype(str).str.strip().str.lower().map(GENDER)
df["origin"] = df["herkomst"].astype(str).map(lambda c: EUROPE.get(c, "buiten_europa"))

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
counts = {dim: persons[dim].value_counts().to_dict() for dim in COLUMNS}
finish(counts, set(persons["gemeente"]), len(persons), len(df), pop_path, out_path)
