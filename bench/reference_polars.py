"""`bereik compare` with polars (lazy, multi-threaded): the same person rule and statistics as the
pandas reference (peer_common).

    python3 bench/reference_polars.py ATTENDANCE.csv POPULATION.csv OUT.json
"""
import sys
import polars as pl
from peer_common import EUROPE, GENDER, buurten, finish

att_path, pop_path, out_path = sys.argv[1:4]
known = buurten(pop_path)
raw = pl.scan_csv(att_path, separator=";", infer_schema=False).with_row_index("row", offset=1)
day = pl.col("datum").str.strptime(pl.Date, "%d-%m-%Y", strict=False)
base = (raw.with_columns(id=pl.col("deelnemer").str.strip_chars(), day=day,
                         birth=pl.col("geboortejaar").cast(pl.Int64, strict=False))
        .filter((pl.col("id") != "") & pl.col("day").is_not_null() & pl.col("buurtcode").is_in(known))
        .with_columns(age_years=pl.col("day").dt.year().cast(pl.Int64) - pl.col("birth") - (pl.col("day").dt.month() < 7).cast(pl.Int64))
        .select("id", "buurtcode",
                gender=pl.col("geslacht").str.strip_chars().str.to_lowercase().replace_strict(GENDER, default=None),
                age=pl.when(pl.col("age_years") < 0).then(None).when(pl.col("age_years") <= 14).then(pl.lit("0-14"))
                    .when(pl.col("age_years") <= 24).then(pl.lit("15-24")).when(pl.col("age_years") <= 44).then(pl.lit("25-44"))
                    .when(pl.col("age_years") <= 64).then(pl.lit("45-64")).when(pl.col("age_years") <= 200).then(pl.lit("65+")),
                origin=pl.col("herkomst").replace_strict(EUROPE, default="buiten_europa"),
                stamp=pl.col("day").cast(pl.Int64) * 4294967296 + pl.col("row").cast(pl.Int64))
        ).collect()


def resolve(col):
    g = (base.lazy().filter(pl.col(col).is_not_null()).group_by("id", col).agg(n=pl.len(), last=pl.col("stamp").max())
         .sort(["id", "n", "last"], descending=[False, True, True]).unique("id", keep="first"))
    return g.select("id", pl.col(col).alias("v")).collect()


counts = {dim: dict(resolve(dim).group_by("v").len().iter_rows()) for dim in ["gender", "age", "origin"]}
gemeenten = resolve("buurtcode").select(pl.lit("GM") + pl.col("v").str.slice(2, 4)).unique().to_series().to_list()
finish(counts, gemeenten, base.select(pl.col("id").n_unique()).item(), base.height, pop_path, out_path)
