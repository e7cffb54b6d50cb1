"""Writes the notebooks of this folder (without outputs). Edit here, then run:
    python3 Notebooks/make_notebooks.py
"""
import nbformat as nbf
from pathlib import Path

HERE = Path(__file__).parent
SETUP = '''import json, os, subprocess
import pandas as pd
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

# The bereik binary: $BEREIK, else the debug or release build of this repository.
BEREIK = os.environ.get("BEREIK") or next(p for p in ["../.build/release/bereik", "../.build/debug/bereik"] if os.path.exists(p))
EXAMPLE = ["--attendance", "../Datasets/example/deelnemers_nieuw_west_2019.csv",
           "--population", "../Datasets/cbs/kwb2019_84583NED_amsterdam.csv",
           "--ses", "../Datasets/cbs/seswoa2019_85163NED_amsterdam.csv",
           "--area", "WK036376,WK036377,WK036378,WK036386,WK036388"]

def bereik(command, *args):
    """Runs `bereik COMMAND ... --format json` and returns the parsed JSON."""
    out = subprocess.run([BEREIK, command, *EXAMPLE, *args, "--format", "json"], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)'''


def notebook(cells):
    nb = nbf.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbf.v4.new_markdown_cell(c[1]) if c[0] == "md" else nbf.v4.new_code_cell(c[1]) for c in cells]
    return nb


compare = notebook([
    ("md", "# Who do we reach? `bereik compare` in pandas\n\nThis notebook runs `bereik compare --format json` "
           "(schema `bereik.compare/2`, see `docs/json-schema.md`) on the bundled example and takes the numbers further: "
           "a tidy table, an own chart, two periods side by side, and a join with other CBS data."),
    ("code", SETUP),
    ("md", "## One row per group\n`json_normalize` flattens the groups; every interval comes with its bounds."),
    ("code", '''result = bereik("compare")
groups = pd.json_normalize(result["dimensions"], record_path="groups", meta=["dimension"])
groups = groups[["dimension", "group", "participants", "residents", "participant_share", "resident_share",
                 "ratio.estimate", "ratio.lower", "ratio.upper", "reach.estimate", "p_adjusted", "flag", "extra_needed"]]
assert result["input"]["rows"] == result["input"]["rows_used"] + sum(result["input"]["excluded"].values())
groups.round(4)'''),
    ("md", "## An own chart: representation ratios with their 95% intervals"),
    ("code", '''fig, ax = plt.subplots(figsize=(7, 5))
labels = groups["dimension"] + ": " + groups["group"]
y = range(len(groups))
ax.errorbar(groups["ratio.estimate"], y, xerr=[groups["ratio.estimate"] - groups["ratio.lower"],
            groups["ratio.upper"] - groups["ratio.estimate"]], fmt="o", color="black", capsize=3)
ax.axvline(1, color="grey", linestyle="--")
ax.set_xscale("log"); ax.set_yticks(list(y)); ax.set_yticklabels(labels); ax.invert_yaxis()
ax.set_xlabel("participant share / resident share (log scale)")
fig.tight_layout()'''),
    ("md", "## Two periods compared\nThe same analysis for the first and the second half of 2019 (`--from`, `--to`)."),
    ("code", '''def reach(period_from, period_to, label):
    r = bereik("compare", "--by", "gender,age", "--from", period_from, "--to", period_to)
    g = pd.json_normalize(r["dimensions"], record_path="groups", meta=["dimension"])
    return g.assign(period=label)[["period", "dimension", "group", "participants", "reach.estimate", "reach.lower", "reach.upper"]]

periods = pd.concat([reach("2019-01-01", "2019-06-30", "H1"), reach("2019-07-01", "2019-12-31", "H2")])
wide = periods.pivot_table(index=["dimension", "group"], columns="period", values="reach.estimate")
wide["change per 1,000"] = (wide["H2"] - wide["H1"]) * 1000
wide.round(5)'''),
    ("md", "## Combining with other data\nReach per buurt (from `bereik heterogeneity`) next to the buurt's SES-WOA score "
           "from the CBS file."),
    ("code", '''units = pd.DataFrame(bereik("heterogeneity", "--by", "buurt")["units"])
units["reach_per_1000"] = units["reach"].apply(lambda r: r["estimate"] * 1000 if r else None)
ses = pd.read_csv("../Datasets/cbs/seswoa2019_85163NED_amsterdam.csv", na_values=["."])
ses = ses.rename(columns={"Regiocode (gemeente, wijk, buurt) (code)": "unit",
                          "SES-WOA/Totaalscore/Gemiddelde score (Getal)": "ses_woa"})[["unit", "ses_woa"]]
merged = units.merge(ses, on="unit", how="left").dropna(subset=["ses_woa", "reach_per_1000"])
fig, ax = plt.subplots(figsize=(6, 4))
ax.scatter(merged["ses_woa"], merged["reach_per_1000"], s=merged["residents"] / 50, alpha=.6, color="#0072B2")
ax.set_xlabel("SES-WOA score of the buurt"); ax.set_ylabel("participants per 1,000 residents")
fig.tight_layout()
merged[["unit", "participants", "residents", "reach_per_1000", "ses_woa"]].sort_values("ses_woa").head()'''),
])

heterogeneity = notebook([
    ("md", "# Where reach differs: heterogeneity and the SES gradient\n\n`bereik heterogeneity` (schema "
           "`bereik.heterogeneity/1`) and `bereik gradient` (`bereik.gradient/1`) on the example, with an own funnel plot."),
    ("code", SETUP),
    ("code", '''het = bereik("heterogeneity", "--by", "buurt")
units = pd.json_normalize(het["units"])
print("Q = {q:.2f}, df = {df}, I² = {i2:.1f}%, tau² = {tau2:.4f}".format(**het["homogeneity"]))
units[["unit", "participants", "residents", "reach.estimate", "shrunk", "funnel.lower998", "funnel.upper998", "flag"]].head(10)'''),
    ("md", "## An own funnel plot\nThe limits come with every unit; the target is the area's reach."),
    ("code", '''fig, ax = plt.subplots(figsize=(7, 4.5))
u = units.dropna(subset=["reach.estimate"]).sort_values("residents")
ax.plot(u["residents"], u["funnel.lower998"] * 1000, color="grey"); ax.plot(u["residents"], u["funnel.upper998"] * 1000, color="grey")
ax.plot(u["residents"], u["funnel.lower95"] * 1000, "--", color="grey"); ax.plot(u["residents"], u["funnel.upper95"] * 1000, "--", color="grey")
ax.axhline(het["target"] * 1000, color="black", linewidth=1)
colours = u["flag"].map({"low": "#D55E00", "high": "#0072B2", "none": "white"})
ax.scatter(u["residents"], u["reach.estimate"] * 1000, c=colours, edgecolors="black", zorder=3)
ax.set_xlabel("residents"); ax.set_ylabel("participants per 1,000")
fig.tight_layout()'''),
    ("md", "## Activities: who meets whom?"),
    ("code", '''act = bereik("heterogeneity", "--by", "activity")
pd.DataFrame([{"dimension": d["dimension"], **d["segregation"], **{"cramers_v": d["independence"]["cramers_v"]}}
              for d in act["dimensions"]]).round(3)'''),
    ("md", "## The SES gradient"),
    ("code", '''grad = bereik("gradient", "--repetitions", "5000")
g = pd.json_normalize(grad["groups"])
fig, ax = plt.subplots(figsize=(6, 3.5))
ax.bar(g["group"], g["reach.estimate"] * 1000, color="#0072B2",
       yerr=[(g["reach.estimate"] - g["reach.lower"]) * 1000, (g["reach.upper"] - g["reach.estimate"]) * 1000], capsize=4)
ax.set_ylabel("participants per 1,000"); fig.tight_layout()
print("SII {estimate:.4f} ({lower:.4f} to {upper:.4f})".format(**grad["sii"]))
print("concentration index {estimate:.3f} (SE {se:.3f}): {reading}".format(**grad["concentration_index"]))'''),
])

nbf.write(compare, HERE / "01_compare.ipynb")
nbf.write(heterogeneity, HERE / "02_heterogeneity_gradient.ipynb")
