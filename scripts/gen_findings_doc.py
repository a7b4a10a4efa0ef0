"""Write docs/guide/findings.md: every finding code with its meaning, an example and the fix.

Examples come from the bad-input corpus (tests/bad_inputs/cases.py): for each code, the
first case that produces it is run through `nbreport validate` and its input and message
are shown. Run: .venv/bin/python scripts/gen_findings_doc.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from bad_inputs.cases import CASES  # noqa: E402
from bad_inputs.test_corpus import materialise  # noqa: E402

from nbreport import validate  # noqa: E402
from nbreport.codes import CATALOGUE  # noqa: E402

HEADER = """# 校验问题代码 / Finding codes

`nbreport validate` 给出的每个问题都有一个稳定的代码。以 `E-` 开头的是错误（必须改正，
否则不能生成报告），以 `W-` 开头的是警告（请核对，可以生成）。下面的示例取自测试用的
“错误输入样本库”，是程序真实的输出。

同一文件（工作簿的同一工作表）中同一代码的问题最多逐一列出 100 处，其余的合为一条
`E-FINDINGS-MORE` 或 `W-FINDINGS-MORE`，写明还有多少处、从哪里开始。

本页由 `scripts/gen_findings_doc.py` 生成，请勿手工修改。
"""


def examples() -> dict[str, tuple[str, str, str]]:
    """Return, per code, the first corpus case's input excerpt, location and message."""
    found: dict[str, tuple[str, str, str]] = {}
    for case in CASES:
        with tempfile.TemporaryDirectory() as tmp:
            root = materialise(case, Path(tmp) / "ds")
            report = validate(root)
            for finding in report.findings:
                if finding.code in found:
                    continue
                file = finding.where.file
                excerpt = _excerpt(root / file, finding.where.line) if file and (root / file).is_file() else ""
                found[finding.code] = (excerpt, str(finding.where), finding.message)
    return found


def theme_examples() -> dict[str, tuple[str, str, str]]:
    """Return, per theme code, the first bad theme file of tests/test_api_theme.py and its finding."""
    from dataclasses import replace

    from test_api_theme import BAD_THEMES

    from nbreport.api import read_theme

    found: dict[str, tuple[str, str, str]] = {}
    for text, code, _ in BAD_THEMES:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "theme.yaml"
            path.write_text(text, encoding="utf-8")
            for finding in read_theme(path)[1]:
                if finding.code == code and code not in found:
                    found[code] = (_excerpt(path, finding.where.line), str(replace(finding.where, file="theme.yaml")), finding.message)
    return found


def _excerpt(path: Path, line: int | None) -> str:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        return "（非 UTF-8 编码的文件）"
    if line is None:
        return "\n".join(lines[:4])
    start = max(0, line - 3)
    return "\n".join(f"{n:>3} | {text}" for n, text in enumerate(lines[start:line + 1], start=start + 1))


def render() -> str:
    """Return the whole Markdown page."""
    shown = {**theme_examples(), **examples()}
    parts = [HEADER]
    for code in sorted(CATALOGUE, key=lambda c: (c[0], c)):
        entry = CATALOGUE[code]
        level = "错误" if entry.severity == "error" else "警告"
        parts.append(f"\n## {code}（{level}）\n\n{entry.zh.format_map(_Blank())}\n\n*{entry.en.format_map(_Blank())}*\n")
        if code in shown:
            excerpt, where, message = shown[code]
            if excerpt:
                parts.append(f"\n示例输入：\n\n```\n{excerpt}\n```\n")
            parts.append(f"\n输出：`{where}` {message}\n")
        parts.append(f"\n**如何修改：** {entry.hint_zh.format_map(_Blank())}\n")
    return "".join(parts)


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return "…"


if __name__ == "__main__":
    target = ROOT / "docs" / "guide" / "findings.md"
    target.write_text(render(), encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT)}")
