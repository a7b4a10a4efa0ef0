"""The package's modules import one another in one direction: no import cycle.

A cycle (a reader importing the module that drives it) makes the import order matter and
hides in TYPE_CHECKING blocks and in imports inside functions; so every relative import of
a module counts, wherever it is written.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

from builders import award_dataset
from conftest import ROOT

PACKAGE = ROOT / "nbreport"


def _name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Return, per module, the package modules it imports (relative imports, anywhere in the module)."""
    modules = {_name(path): path for path in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
                named = {f"{target}.{alias.name}" for alias in node.names} & set(modules)
                graph[name] |= named or ({target} & set(modules))
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Return the strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in graph[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = [stack.pop()]
            while group[-1] != node:
                group.append(stack.pop())
            if len(group) > 1:
                found.append(sorted(group))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_finds_a_planted_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_module_of_the_package_imports_itself_in_a_circle():
    assert cycles(import_graph()) == []


# ---------------------------------------------------------------- what a command imports

HEAVY = ("matplotlib", "pandas", "openpyxl")
RENDER_BACKENDS = ("docx", "lxml", "nbreport.render.docx", "nbreport.render.pdf")


def _loaded_after(code: str, names: tuple[str, ...]) -> list[str]:
    """Return which of ``names`` are in sys.modules after running ``code`` in a fresh interpreter."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps([n for n in {list(names)!r} if n in sys.modules]))"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NBREPORT_OFFICE": "off"}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, env=env, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_probe_sees_a_module_that_is_imported():
    assert _loaded_after("import json", ("json", "pandas")) == ["json"]


def test_import_nbreport_loads_no_chart_excel_dataframe_or_renderer_library():
    assert _loaded_after("import nbreport", (*HEAVY, *RENDER_BACKENDS, "reportlab", "jinja2")) == []


def test_validate_loads_no_chart_excel_dataframe_or_renderer_library():
    code = "from nbreport.cli import main\nassert main(['validate', 'data/2023', '-q']) == 0"
    assert _loaded_after(code, (*HEAVY, *RENDER_BACKENDS, "reportlab")) == []  # the glyph check reads cmaps only


def test_the_command_line_parser_imports_no_submission_part_until_one_is_named():
    code = "from nbreport import cli\ncli._parser().parse_args(['build', 'data/2023'])"
    assert _loaded_after(code, ("nbreport.submit.parts", "nbreport.checks")) == []
    code += "\ncli._parser().parse_args(['template', 'awards', '--year', '2023'])"
    assert _loaded_after(code, ("nbreport.submit.parts",)) == ["nbreport.submit.parts"]  # the probe can see it


def test_a_dataset_without_templates_is_validated_without_jinja2(tmp_path):
    root = award_dataset(tmp_path / "ds", "省科技进步一等奖,新型材料研究,宁波大学,张三\n")
    code = f"from nbreport.cli import main\nassert main(['validate', {str(root)!r}, '-q']) == 0"
    assert _loaded_after(code, ("jinja2", *HEAVY)) == []


def test_the_pdf_renderer_loads_neither_python_docx_nor_the_network_stack():
    # Each costs the PDF's critical path: python-docx about 60 ms, urllib.request with ssl about 25 ms.
    code = "import nbreport.render.pdf"
    assert _loaded_after(code, ("docx", "nbreport.render.docx", "urllib.request", "ssl", "http.client")) == []
