"""Render ``{{ 指标("…") }}`` references in the narrative text of parts that ask for it.

Only overview, chapter and 结语 files whose front matter says ``templates: true`` are
rendered; every other text stays exactly as typed. Templates run in a jinja2 sandbox with
StrictUndefined, no attribute access, no default globals or filters, and bounded arithmetic:
a template can call only the functions in ``functions.Exposed`` and the filters in ``values``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from .. import codes
from ..findings import Finding, Location
from ..schema.inline import Paragraph
from .functions import Exposed
from .panel import Panel
from .copying import copy_parts
from .values import FILTERS, FigureError, Printed

if TYPE_CHECKING:
    from jinja2.sandbox import SandboxedEnvironment

    from ..schema.report import Report

PathKey = tuple[str | int, ...]
MARKERS = ("{{", "{%", "{#")
MAX_OUTPUT = 20_000  # characters one run may grow to: a template cannot blow up the document


@dataclass(frozen=True)
class Use:
    """Record one figure printed by a template: where (report path) and which indicator row."""

    path: PathKey
    printed: Printed


def render_templates(report: Report) -> tuple[Report, list[Finding]]:
    """Return a copy of ``report`` with its templated parts rendered, and the findings on the way.

    The copy's ``_figures`` lists every figure printed (for the audit) and its parts no longer
    ask for templates, so rendering it again is a no-op. A report without a part that asks
    for templates is returned unchanged and jinja2 is never imported.
    """
    parts = list(_templated_parts(report))
    if not parts:
        return report, []
    rendered = copy_parts(report, parts)
    exposed = Exposed(Panel(report.indicators), report.meta.year)
    renderer = _Renderer(_environment(exposed), exposed, report._sources)
    for path in parts:
        part = _get(rendered, path)
        for paragraph_path, paragraph in _paragraphs(part, path):
            renderer.paragraph(paragraph, paragraph_path)
        part.templates = False  # type: ignore[attr-defined]  # rendered: rendering again changes nothing
    rendered._figures = renderer.uses
    return rendered, renderer.findings


def _templated_parts(report: Report) -> Iterator[PathKey]:
    if report.overview is not None and report.overview.templates:
        yield ("overview",)
    for index, chapter in enumerate(report.chapters):
        if chapter.templates:
            yield ("chapters", index)
    if report.conclusion is not None and report.conclusion.templates:
        yield ("conclusion",)


def _get(report: Report, path: PathKey) -> BaseModel:
    node: Any = report
    for key in path:
        node = node[key] if isinstance(key, int) else getattr(node, key)
    return node  # type: ignore[no-any-return]


def _paragraphs(node: object, path: PathKey) -> Iterator[tuple[PathKey, Paragraph]]:
    """Yield every paragraph under ``node`` with its report path (bullets, case boxes, districts)."""
    if isinstance(node, Paragraph):
        yield path, node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _paragraphs(getattr(node, name), path + (name,))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _paragraphs(item, path + (index,))


class _Renderer:
    """Render the runs of paragraphs, turning every failure into a finding at its line."""

    def __init__(self, env: SandboxedEnvironment, exposed: Exposed, sources: object) -> None:
        self.env, self.exposed, self.sources = env, exposed, sources
        self.findings: list[Finding] = []
        self.uses: list[Use] = []

    def paragraph(self, paragraph: Paragraph, path: PathKey) -> None:
        """Render each run of ``paragraph`` in place; a run that fails keeps its text."""
        for run in paragraph.runs:
            if any(marker in run.text for marker in MARKERS):
                run.text = self.run(run.text, path)

    def run(self, text: str, path: PathKey) -> str:
        """Return the rendered text, or ``text`` itself after a finding."""
        from jinja2 import TemplateError, TemplateSyntaxError
        from jinja2.exceptions import SecurityError, UndefinedError

        before = len(self.exposed.printed)
        try:
            result = self.env.from_string(text).render()
        except FigureError as error:
            return self._fail(error.code, path, text, None, **error.params)
        except TemplateSyntaxError as error:
            return self._fail("E-TEMPLATE-SYNTAX", path, text, error.lineno, detail=error.message or "")
        except SecurityError as error:
            return self._fail("E-TEMPLATE-UNSAFE", path, text, None, detail=str(error))
        except UndefinedError as error:
            return self._fail("E-TEMPLATE-UNDEFINED", path, text, None, detail=str(error))
        except (TemplateError, TypeError, ValueError, ArithmeticError, RecursionError) as error:
            return self._fail("E-TEMPLATE-FILTER", path, text, None, detail=f"{type(error).__name__}: {error}")
        if len(result) > MAX_OUTPUT:
            return self._fail("E-TEMPLATE-UNSAFE", path, text, None, detail=f"结果超过 {MAX_OUTPUT} 字")
        self.uses.extend(Use(path, printed) for printed in self.exposed.printed[before:])
        return result

    def _fail(self, code: str, path: PathKey, text: str, line: int | None, **params: object) -> str:
        self.findings.append(codes.make(code, self._where(path, line), **params))
        return text

    def _where(self, path: PathKey, line: int | None) -> Location:
        from dataclasses import replace

        from ..load.sources import SourceMap, path_text

        if not isinstance(self.sources, SourceMap):
            return Location(path=path_text(path))
        found = self.sources.locate(path)
        if line and found.line:
            found = replace(found, line=found.line + line - 1)
        return found


def _environment(exposed: Exposed) -> SandboxedEnvironment:
    """Return a sandbox that knows only the exposed functions and filters."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    class _Sandbox(SandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**", "+", "//", "%"})

        def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
            return False  # templates print figures; they have no business with attributes

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            small = all(isinstance(side, (int, float)) and abs(side) < 1e6 for side in (left, right))
            if not small or (operator == "**" and abs(right) > 8):
                from jinja2.exceptions import SecurityError

                raise SecurityError(f"模板中不支持对 {type(left).__name__} 与 {type(right).__name__} 的运算 {operator}")
            return super().call_binop(context, operator, left, right)

    env = _Sandbox(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)
    env.globals.clear()
    env.filters.clear()
    env.tests.clear()
    env.globals.update(exposed.functions())
    env.filters.update(FILTERS)
    return env
