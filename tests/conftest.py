import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
# Builds in tests skip the LibreOffice layout pass; tests/render/test_docx_office.py runs it.
os.environ["NBREPORT_OFFICE"] = "off"
# Derived bytes (charts) are cached per test session, never in the user's own cache folder.
os.environ["NBREPORT_CACHE_DIR"] = tempfile.mkdtemp(prefix="nbreport-test-cache-")

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
