"""Hand sums for CrossingTests: men and women per wijk of the example area, summed from the CBS
KWB 2019 buurt rows (Mannen_6, Vrouwen_7) of the bundled Amsterdam file with Python's csv module,
independently of Bereik's reader and aggregation.

Reproduce (from the repository root): python3 Tests/BereikPipelineTests/Fixtures/make_crossed_residents.py
"""
import csv

wijken = ["WK036376", "WK036377", "WK036378", "WK036386", "WK036388"]
sums = {w: [0, 0] for w in wijken}
with open("Datasets/cbs/kwb2019_84583NED_amsterdam.csv", newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        code = row["Codering_3"].strip()
        if code.startswith("BU") and "WK" + code[2:8] in sums:
            for i, column in enumerate(["Mannen_6", "Vrouwen_7"]):
                value = row[column].strip()
                sums["WK" + code[2:8]][i] += int(value) if value not in (".", "") else 0
for w in wijken:
    print(w, sums[w][0], sums[w][1])
