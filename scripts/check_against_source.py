"""Check a dataset against the text of its published source, row by row and line by line.

    python scripts/check_against_source.py SOURCE.txt data/2023

The source is the report's text as extracted from its PDF (tables as tab-separated lines).
Two checks, both printed with source line numbers:

- every table row of the source (a line with tabs, not a header) is found in one table row
  of the dataset: each of its cells is one of that row's cells, or one of its list items;
- every other source line of text is found in the dataset's text (cover and 目录 lines and
  page furniture excepted, and the lines the dataset's notes list as repaired).

Then it prints, per dataset table, the number of distinct source rows it matched and the
table's own row count, so a row lost in transcription shows as a difference. Exit status 1
when anything is missing.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nbreport import load  # noqa: E402
from nbreport.checks.walk import iter_strings, iter_tables  # noqa: E402
from nbreport.schema.tables import cell_text  # noqa: E402

HEADER_WORDS = {"序号", "奖励类别", "姓名", "日期"}
MIN_LINE = 4
# Headings are numbered by compose (第一章, 第一节, 附录1), so the dataset holds them unnumbered.
NUMBERED = re.compile(r"^(第.[章节]|附录\d:?)")
# Source lines the dataset holds repaired, each listed with its reason in data/2023/notes/.
REPAIRED = {225: "case-box title leaked into its story", 233: "case-box title leaked into its story"}
DATE = re.compile(r"^\d{1,2}月(\d{1,2}(—\d{1,2})?日|[上中下]旬)?,")


def norm(text: str) -> str:
    """Return text with spacing and markup removed, the way both sides are compared."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"\*\*|^[-#>▶\s]+", "", text.strip())
    return re.sub(r"\s+", "", text)


def source_rows(lines: list[str]) -> list[tuple[int, list[str]]]:
    """Return (line number, cells) of every table row of the source, headers left out."""
    rows = []
    for number, line in enumerate(lines, 1):
        if "\t" not in line:
            continue
        cells = [norm(cell) for cell in line.split("\t")]
        if cells and cells[0] in HEADER_WORDS:
            continue
        rows.append((number, [cell for cell in cells if cell]))
    return rows


def dataset_rows(report) -> dict[str, list[set[str]]]:
    """Return, per table, the set of normalised cells and list items of each row."""
    tables: dict[str, list[set[str]]] = {}
    for path, table in iter_tables(report):
        name = table.caption or ".".join(map(str, path))
        rows = []
        for row in table.rows:
            cells: set[str] = set()
            for cell in row:
                cells.add(norm(cell_text(cell)))
                if isinstance(cell, list):
                    cells.update(norm(item) for item in cell)
            rows.append(cells)
        tables[f"{name} @{'.'.join(map(str, path))}"] = rows
    return tables


def match_rows(rows, tables) -> tuple[list[tuple[int, list[str]]], dict[str, set[int]]]:
    """Return the source rows found nowhere, and per table the indexes of the rows matched."""
    missing = []
    matched: dict[str, set[int]] = defaultdict(set)
    for number, cells in rows:
        halves = _halves(cells)
        for half in halves:
            hit = _find(half, tables, matched)
            if hit is None:
                missing.append((number, half))
            else:
                matched[hit[0]].add(hit[1])
    return missing, matched


def _halves(cells: list[str]) -> list[list[str]]:
    """Split a two-up row (序号 name 序号 name) into its two rows; drop a merged cell's leaked text."""
    cells = [cell[: -len(after)] if after and cell.endswith(after) and cell != after else cell
             for cell, after in zip(cells, cells[1:] + [""])]
    if len(cells) == 4 and cells[0].isdigit() and cells[2].isdigit():
        return [cells[:2], cells[2:]]
    return [cells]


def _find(cells: list[str], tables, matched: dict[str, set[int]]) -> tuple[str, int] | None:
    """Return the first dataset row holding every cell, preferring a row not matched before."""
    wanted = [cell for cell in cells if not cell.isdigit()]
    hits = [(name, index) for name, rows in tables.items() for index, row in enumerate(rows)
            if all(cell in row or _split_in(cell, row) for cell in wanted)]
    fresh = [hit for hit in hits if hit[1] not in matched.get(hit[0], ())]
    return (fresh or hits or [None])[0]


def _split_in(cell: str, row: set[str]) -> bool:
    """Tell whether a cell that lists items (甲、乙, the source sometimes types 甲,乙) has every item in the row."""
    items = [item for item in re.split("[、,]", cell) if item]
    return len(items) > 1 and all(item in row for item in items)


def text_lines(lines: list[str], first_body_line: int) -> list[tuple[int, str]]:
    """Return (line number, text) of the non-table source lines worth finding."""
    out = []
    for number, line in enumerate(lines, 1):
        text = norm(line)
        if number < first_body_line or "\t" in line or len(text) < MIN_LINE:
            continue
        out.append((number, text))
    return out


def _found(text: str, corpus: str) -> bool:
    """Tell whether a source line is in the dataset's text; a 大事记 line keeps its date apart."""
    return text in corpus or DATE.sub("", text) in corpus


def main(argv: list[str]) -> int:
    source, dataset = Path(argv[0]), Path(argv[1])
    lines = source.read_text(encoding="utf-8").splitlines()
    report = load(dataset)
    tables = dataset_rows(report)
    missing, matched = match_rows(source_rows(lines), tables)
    corpus = norm("".join(text for _, text in iter_strings(report.model_dump())))
    first_body = next(i for i, line in enumerate(lines, 1) if line.strip() == "## 科技进步综述")
    lost_lines = [(n, t) for n, t in text_lines(lines, first_body)
                  if not _found(t, corpus) and n not in REPAIRED and not NUMBERED.match(t)]
    print("table                                                        source  dataset")
    for name, rows in tables.items():
        found = len(matched.get(name, ()))
        flag = "" if found == len(rows) else "   <-- differs"
        print(f"{name[:58]:60} {found:6} {len(rows):8}{flag}")
    for number, cells in missing:
        print(f"source line {number}: table row not in the dataset: {' | '.join(cells)}")
    for number, text in lost_lines:
        print(f"source line {number}: text not in the dataset: {text[:60]}")
    print(f"{len(missing)} table rows and {len(lost_lines)} text lines of the source not found")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
