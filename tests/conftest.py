import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
# Builds in tests skip the LibreOffice layout pass; tests/render/test_docx_office.py runs it.
os.environ["NBREPORT_OFFICE"] = "off"
# Parsed fonts are cached per user; tests (and the builds they start) use a folder of their own.
os.environ["NBREPORT_CACHE_DIR"] = tempfile.mkdtemp(prefix="nbreport-test-cache-")
atexit.register(shutil.rmtree, os.environ["NBREPORT_CACHE_DIR"], True)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
