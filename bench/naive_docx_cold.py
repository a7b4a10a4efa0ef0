"""Write the naive DOCX: bare python-docx calls on the JSON that bench/naive.py dumped, no styling, no TOC.

Run: python bench/naive_docx_cold.py TEXT.json OUT.docx
What a first script would do: add_heading / add_paragraph / add_table + cell.text.
It imports nothing of nbreport, so it measures what the library alone costs from a cold start.
"""

import json
import sys
import time

import docx


def main(source: str, target: str) -> None:
    """Read the items of ``source`` and save them to ``target`` as .docx."""
    with open(source, encoding="utf-8") as stream:
        items = json.load(stream)["items"]
    out = docx.Document()
    for item in items:
        kind = item["kind"]
        if kind == "heading":
            out.add_heading(item["text"], min(item["level"], 9))
        elif kind == "para":
            out.add_paragraph(item["text"])
        elif kind == "table":
            table = out.add_table(rows=len(item["rows"]) + 1, cols=len(item["header"]))
            for row, values in zip(table.rows, [item["header"], *item["rows"]]):
                for cell, text in zip(row.cells, values):
                    cell.text = text
        elif kind == "break":
            out.add_page_break()
    out.save(target)


if __name__ == "__main__":
    START = time.perf_counter()  # after the imports: the caller times the whole process too
    main(*sys.argv[1:3])
    print(json.dumps({"seconds": time.perf_counter() - START}))
