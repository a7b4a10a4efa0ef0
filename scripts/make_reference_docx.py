"""Write templates/reference.docx: the default theme's Word styles, defined once instead of on every build.

Run after changing the default Theme or the DOCX styles (tests/render/test_docx_reference.py
fails until the shipped file matches):
    PYTHONPATH=. .venv/bin/python scripts/make_reference_docx.py [--out PATH]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from nbreport.render.atomic import atomic_path
from nbreport.render.docx_reference import make_reference
from nbreport.schema.theme import Theme

TARGET = Path(__file__).resolve().parent.parent / "templates" / "reference.docx"


def main() -> None:
    """Make the reference from the default Theme and write it atomically."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=TARGET, help="where to write it (default templates/reference.docx)")
    args = parser.parse_args()
    with atomic_path(args.out) as tmp:
        tmp.write_bytes(make_reference(Theme()))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
