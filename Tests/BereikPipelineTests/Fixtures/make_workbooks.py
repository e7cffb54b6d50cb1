"""Workbook fixtures for WorkbookTests, written by two writers that are not Bereik.

A Rotterdam attendance list as a project coordinator keeps it (Dutch headers, names as the person
column, birth dates dd-mm-jjjj, M/V, postcodes, wijk names, an empty row and a "Totaal" row), as:
  rotterdam.csv               the equivalent CSV (the reference the workbooks must match)
  rotterdam_openpyxl.xlsx     openpyxl 3.1: an empty first sheet, the list on "Aanwezig" with real
                              Excel dates (dd-mm-yyyy format), a third sheet "Overzicht"
  rotterdam_openpyxl_1904.xlsx the same in the 1904 date system
  rotterdam_notes_first.xlsx  the openpyxl book with a notes sheet "Toelichting" first
  rotterdam_libreoffice.xlsx  LibreOffice Calc's conversion of the CSV (dates typed as dates)
  rotterdam_libreoffice.ods   the same as OpenDocument (Bereik must refuse it with advice)

Reproduce (from the repository root; needs `pip install openpyxl==3.1.5` and `soffice`):
    python3 Tests/BereikPipelineTests/Fixtures/make_workbooks.py
"""
import csv, datetime, os, random, shutil, subprocess, tempfile
from openpyxl import Workbook
from openpyxl.utils.datetime import CALENDAR_MAC_1904

here = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(20261125)
first = ["Jan", "Piet", "Fatima", "Mohamed", "Ayşe", "Kees", "Anouk", "Daan", "Sanne", "Youssef", "Emre", "Lotte", "Noor", "Bram"]
last = ["de Vries", "Jansen", "El Amrani", "Yılmaz", "Bakker", "Visser", "Smit", "Öztürk", "de Jong", "Mulder"]
wijken = {"3071": "Feijenoord", "3072": "Feijenoord", "3073": "Feijenoord", "3074": "Feijenoord", "3081": "Charlois",
          "3082": "Charlois", "3083": "Charlois", "3011": "Stadsdriehoek", "3023": "Delfshaven", "1063": "Slotermeer"}
activities = ["Wandelgroep", "Kookcafé", "Taalmaatje", "Sport 55+"]
people = []
for i in range(40):
    pc4 = rng.choice(list(wijken))
    people.append((f"{rng.choice(first)} {rng.choice(last)}", datetime.date(rng.randint(1940, 2012), rng.randint(1, 12), rng.randint(1, 28)),
                   rng.choice("MV"), f"{pc4} {rng.choice('ABCDEFGH')}{rng.choice('ABKLMNRS')}", wijken[pc4]))
rows = []
for _ in range(120):
    name, born, sex, postcode, wijk = rng.choice(people)
    rows.append([name, born, sex, postcode, wijk, rng.choice(activities), datetime.date(2024, rng.randint(1, 12), rng.randint(1, 28))])
rows.sort(key=lambda r: r[6])
header = ["Naam deelnemer", "Geboortedatum", "Geslacht", "Postcode", "Wijk", "Activiteit", "Datum"]
fmt = lambda d: d.strftime("%d-%m-%Y")

with open(os.path.join(here, "rotterdam.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, delimiter=";")
    w.writerow(header)
    for r in rows:
        w.writerow([r[0], fmt(r[1]), r[2], r[3], r[4], r[5], fmt(r[6])])
    w.writerow([""] * 7)
    w.writerow(["Totaal", "", "", "", "", "", len(rows)])

def openpyxl_book(path, epoch=None):
    wb = Workbook()
    if epoch is not None:
        wb.epoch = epoch
    wb.active.title = "Leeg"
    ws = wb.create_sheet("Aanwezig")
    ws.append(header)
    for r in rows:
        ws.append(r)
        for col in (2, 7):
            ws.cell(row=ws.max_row, column=col).number_format = "dd-mm-yyyy"
    ws.append([])
    ws.append(["Totaal", None, None, None, None, None, len(rows)])
    summary = wb.create_sheet("Overzicht")
    summary.append(["Activiteit", "Bezoeken"])
    for a in activities:
        summary.append([a, sum(1 for r in rows if r[5] == a)])
    wb.save(path)

openpyxl_book(os.path.join(here, "rotterdam_openpyxl.xlsx"))
openpyxl_book(os.path.join(here, "rotterdam_openpyxl_1904.xlsx"), CALENDAR_MAC_1904)

def notes_first(path):
    """The list behind a sheet of notes, as coordinators keep it (no --sheet needed)."""
    from openpyxl import load_workbook
    wb = load_workbook(os.path.join(here, "rotterdam_openpyxl.xlsx"))
    notes = wb.create_sheet("Toelichting", 0)
    notes.append(["Aanwezigheidslijst Samen Sterk Zuid 2024"])
    notes.append(["Bijgehouden door de coördinator; één rij per bezoek."])
    del wb["Leeg"]
    wb.save(path)

notes_first(os.path.join(here, "rotterdam_notes_first.xlsx"))

# LibreOffice: import the CSV (; separated, UTF-8, column 2 and 7 as DMY dates), save as xlsx and ods.
with tempfile.TemporaryDirectory() as tmp:
    src = os.path.join(tmp, "rotterdam_libreoffice.csv")
    shutil.copy(os.path.join(here, "rotterdam.csv"), src)
    # Filter options: separator 59 (;), text delimiter 34 ("), charset 76 (UTF-8), first line 1,
    # column formats 1/2 … (2 = text, 4 = DMY date).
    options = "59,34,76,1,1/2/2/4/3/2/4/2/5/2/6/2/7/4"
    for target, filt in [("xlsx", "xlsx:Calc MS Excel 2007 XML"), ("ods", "ods:calc8")]:
        subprocess.run(["soffice", "--headless", f"--infilter=CSV:{options}", "--convert-to", filt, "--outdir", tmp, src],
                       check=True, capture_output=True)
        shutil.copy(os.path.join(tmp, f"rotterdam_libreoffice.{target}"), os.path.join(here, f"rotterdam_libreoffice.{target}"))
print("wrote", len(rows), "visits of", len(people), "people")
