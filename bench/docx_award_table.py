"""Print how long the DOCX renderer takes for one 10,000-row, 4-column award table.

Run: .venv/bin/python bench/docx_award_table.py [rows]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from nbreport.compose import nodes as dn
from nbreport.render.docx import render_docx
from nbreport.schema.theme import Theme

COLUMNS = (
    dn.GridColumn("奖励类别", 0.15, "center"), dn.GridColumn("项目名称", 0.35),
    dn.GridColumn("主要完成单位", 0.30), dn.GridColumn("主要完成人员", 0.20),
)


def award_document(rows: int, run: int = 500) -> dn.Document:
    """Return a document holding one award table whose category merges over ``run`` rows."""
    grid_rows = []
    for i in range(rows):
        level = f"{i // run + 1}等奖"
        span = min(run, rows - i) if i % run == 0 else 0
        grid_rows.append((
            dn.GridCell(level, span, level + "（续）"), dn.GridCell(f"高端装备关键技术研究及产业化{i}"),
            dn.GridCell("宁波大学、宁波市某某研究院有限公司"), dn.GridCell("张三、李四、王五"),
        ))
    grid = dn.TableGrid(COLUMNS, tuple(grid_rows), "续表", "（续）", landscape=True)
    info = dn.DocumentInfo("bench", "bench", "bench", (), "zh-CN", "bench")
    return dn.Document(info, [dn.PageBreak("landscape"), dn.TableBlock("获奖项目", grid, record="bench")])


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    document, theme = award_document(rows), Theme()
    with tempfile.TemporaryDirectory() as folder:
        for attempt in range(3):
            start = time.perf_counter()
            path = render_docx(document, theme, Path(folder) / "awards.docx")
            elapsed = time.perf_counter() - start
            print(f"run {attempt + 1}: {rows:,} rows × 4 columns → {elapsed:.2f} s ({path.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
