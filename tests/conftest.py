import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
# Builds in tests skip the LibreOffice layout pass; tests/render/test_docx_office.py runs it.
os.environ["NBREPORT_OFFICE"] = "off"

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
