"""`bereik compare` as SQL in DuckDB (the engine an analyst would pick instead): read the visits,
resolve each person's buurt, gender, age band and origin by the same rule (most frequent value, then
the latest visit: day, then row), count persons per category, then the same statistics as the
pandas reference (peer_common.finish).

    python3 bench/reference_duckdb.py ATTENDANCE.csv POPULATION.csv OUT.json
"""
import sys
import duckdb
from peer_common import EUROPE, GENDER, finish

att_path, pop_path, out_path = sys.argv[1:4]
con = duckdb.connect()
con.execute("SET preserve_insertion_order = true")
con.execute(f"CREATE TEMP TABLE known AS SELECT code FROM read_csv('{pop_path}', header = true, all_varchar = true) WHERE code LIKE 'BU%'")
europe_case = " ".join(f"WHEN '{k}' THEN '{v}'" for k, v in EUROPE.items())
gender_case = " ".join(f"WHEN '{k}' THEN '{v}'" for k, v in GENDER.items())
con.execute(f"""
CREATE TEMP TABLE base AS
WITH raw AS (
  SELECT *, row_number() OVER () AS row FROM read_csv('{att_path}', delim = ';', header = true, all_varchar = true)
), parsed AS (
  SELECT trim(deelnemer) AS id, buurtcode, try_strptime(datum, '%d-%m-%Y')::DATE AS day, row, geslacht, herkomst,
         try_cast(geboortejaar AS INTEGER) AS birth
  FROM raw
)
SELECT id, buurtcode,
       CASE lower(trim(geslacht)) {gender_case} END AS gender,
       CASE WHEN year(day) - birth - (month(day) < 7)::INTEGER < 0 THEN NULL
            WHEN year(day) - birth - (month(day) < 7)::INTEGER <= 14 THEN '0-14'
            WHEN year(day) - birth - (month(day) < 7)::INTEGER <= 24 THEN '15-24'
            WHEN year(day) - birth - (month(day) < 7)::INTEGER <= 44 THEN '25-44'
            WHEN year(day) - birth - (month(day) < 7)::INTEGER <= 64 THEN '45-64'
            WHEN year(day) - birth - (month(day) < 7)::INTEGER <= 200 THEN '65+' END AS age,
       CASE herkomst {europe_case} ELSE 'buiten_europa' END AS origin,
       (epoch(day)::BIGINT // 86400) * 4294967296 + row AS stamp
FROM parsed
WHERE id <> '' AND day IS NOT NULL AND buurtcode IN (SELECT code FROM known)
""")
rows = con.execute("SELECT count(*) FROM base").fetchone()[0]


def resolve(col):
    return f"""SELECT id, {col} AS v FROM (
      SELECT id, {col}, row_number() OVER (PARTITION BY id ORDER BY count(*) DESC, max(stamp) DESC) AS r
      FROM base WHERE {col} IS NOT NULL GROUP BY id, {col}) WHERE r = 1"""


counts = {dim: dict(con.execute(f"SELECT v, count(*) FROM ({resolve(dim)}) GROUP BY v").fetchall()) for dim in ["gender", "age", "origin"]}
gemeenten = [r[0] for r in con.execute(f"SELECT DISTINCT 'GM' || substr(v, 3, 4) FROM ({resolve('buurtcode')})").fetchall()]
persons = con.execute("SELECT count(DISTINCT id) FROM base").fetchone()[0]
finish(counts, gemeenten, persons, rows, pop_path, out_path)
