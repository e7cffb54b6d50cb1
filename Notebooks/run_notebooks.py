"""Executes every notebook of this folder with nbclient (CI: scripts/notebooks.sh).
Prints one line per notebook and a closing 'N passed, N failed' line; exits 1 on any failure."""
import sys
from pathlib import Path
import nbformat
from nbclient import NotebookClient

here = Path(__file__).parent
passed = failed = 0
for path in sorted(here.glob("*.ipynb")):
    nb = nbformat.read(path, as_version=4)
    try:
        NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(here)}}).execute()
        passed += 1
        print(f"ok   {path.name}")
    except Exception as error:  # report and go on with the next notebook
        failed += 1
        print(f"FAIL {path.name}: {str(error)[-2000:]}")
print(f"notebooks: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
