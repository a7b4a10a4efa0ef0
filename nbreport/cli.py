"""The ``nbreport`` command line: validate, build, schema, init, template, merge. It only parses and prints."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import sys
import threading
import time
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from . import __version__, api
from .exits import CANNOT_RUN_CODES, EXIT_BROKEN_PIPE, EXIT_CANNOT_RUN, EXIT_FINDINGS, EXIT_OK
from .finding_cap import MORE_CODES
from .findings import Finding, ValidationReport
from .load import DatasetError
from .schema.theme import Theme


class _PartNames:
    """Stand for the names of the submission parts as argparse choices; a build never reads them, nor imports the parts.

    Every argument using it names a metavar: without one, argparse lists the choices (and
    imports the parts, and the checks with them) while the parser is built, on every command.
    """

    def __iter__(self) -> Iterator[str]:
        from .submit.parts import PARTS

        return iter(PARTS)

    def __contains__(self, name: object) -> bool:
        from .submit.parts import PARTS

        return name in PARTS


_PART_NAMES = _PartNames()

# A file with one of these endings is an Excel submission, not a dataset folder.
SUBMISSION_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm", ".xls")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 ok, 1 errors found, 2 cannot run).

    Run as the program itself (``argv`` None), it ends the process here once everything is
    written and flushed: tearing down the interpreter's heap of fonts and models took a
    tenth of a cold build and saves nothing (bench/run.py).
    """
    try:
        code = _run(argv)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's last flush
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:  # the reader went away (`nbreport schema | head`): stop quietly
        _silence_stdout()
        code = EXIT_BROKEN_PIPE
    if argv is None:
        _exit_now(code)
    return code


def _exit_now(code: int) -> None:
    """End the process with ``code`` after flushing what Python would flush at exit, without the teardown."""
    import logging

    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)


def _run(argv: Sequence[str] | None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version and usage errors
        return stop.code if isinstance(stop.code, int) else EXIT_CANNOT_RUN
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_CANNOT_RUN
    previous = _on_sigterm(_terminate)
    try:
        return int(args.run(args))
    finally:
        _on_sigterm(previous)


def _on_sigterm(handler: object) -> object:
    """Install ``handler`` for SIGTERM (main thread only); return the one it replaces."""
    if threading.current_thread() is not threading.main_thread() or handler is None:
        return None
    return signal.signal(signal.SIGTERM, handler)  # type: ignore[arg-type]


def _terminate(signum: int, frame: object) -> None:
    """Turn SIGTERM into SystemExit, so staged files are removed on the way out."""
    raise SystemExit(128 + signum)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's last flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # stdout without a file descriptor
        pass


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="nbreport", description="年度科技进步报告：校验数据，生成 Word 与 PDF。")
    parser.add_argument("--version", action="version", version=f"nbreport {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-q", "--quiet", action="store_true", help="只输出错误 / print errors only")
    sub = _Subcommands(parser.add_subparsers(dest="command"), common)

    validate = sub.add_parser("validate", help="校验数据集或 Excel 报送表 / check a dataset or submission")
    validate.add_argument("path", help="数据集目录（含 report.yaml），或 Excel 报送表 .xlsx")
    validate.add_argument("--json", action="store_true", help="以 JSON 输出 / print JSON")
    validate.add_argument("--lang", default="zh", choices=("zh", "en"), help="消息语言")
    validate.add_argument("--part", choices=_PART_NAMES, metavar="PART", help="报送表类型（%(choices)s；默认按模板记录判断）")
    validate.add_argument("--year", type=int, help="报告年度（默认按模板记录）")
    validate.add_argument("--report", metavar="OUT.xlsx", help="写出标注了问题单元格的报送表副本（含“问题汇总”表）")
    validate.set_defaults(run=_validate)

    template = sub.add_parser("template", help="生成 Excel 报送表模板 / write an Excel submission template")
    template.add_argument("part", choices=_PART_NAMES, metavar="PART", help="报送表类型：%(choices)s")
    template.add_argument("--year", type=int, required=True, help="报告年度")
    template.add_argument("-o", "--out", help="输出文件 .xlsx（默认 <类型名称>-<年度>.xlsx）")
    template.add_argument("--district", help="预填区县名称（仅 district），如 镇海区")
    template.set_defaults(run=_template)

    merge = sub.add_parser("merge", help="把校验通过的报送表并入数据集 / merge submissions into a dataset")
    merge.add_argument("dataset", help="数据集目录")
    merge.add_argument("files", nargs="+", help="Excel 报送表 .xlsx")
    merge.add_argument("--part", choices=_PART_NAMES, metavar="PART", help="报送表类型（%(choices)s；默认按模板记录判断）")
    merge.add_argument("--target", help="并入的数据集文件（相对数据集目录），如 appendices/a2-….csv")
    merge.add_argument("--dry-run", action="store_true", help="只检查，不写入")
    merge.add_argument("--json", action="store_true", help="以 JSON 输出 / print JSON")
    merge.add_argument("--lang", default="zh", choices=("zh", "en"), help="消息语言")
    merge.set_defaults(run=_merge)

    build = sub.add_parser("build", help="生成报告 / build DOCX and PDF")
    build.add_argument("path", nargs="+", help="数据集目录；可给多个（或 data/*），各自写入 --out 下以目录名命名的子目录")
    build.add_argument("--format", choices=api.FORMATS, action="append", help="只生成某一格式（可重复）")
    build.add_argument("--out", default="out", help="输出目录（默认 out/）")
    build.add_argument("--docx-template", help="Word 参考模板 .docx（样式、字体、页面设置）")
    build.add_argument("--theme", help="版式主题 YAML 文件（只写要改的项）")
    build.add_argument("--allow-font-fallback", action="store_true", help="没有中文字体时仍生成 PDF（用不嵌入的内置字体，可能显示为空白）")
    build.add_argument("-v", "--verbose", action="store_true", help="逐条列出警告")
    build.add_argument("--audit", action="store_true", help="另写出所印数字的来源清单（.figures.csv / .figures.json）")
    build.add_argument("-j", "--jobs", type=_positive, metavar="N",
                       help="并行进程数（多个数据集时，默认 CPU 核数）；-j 1 也关闭单份报告的 Word/PDF 并行生成")
    build.set_defaults(run=_build)

    schema = sub.add_parser("schema", help="输出 JSON Schema / print the JSON Schema")
    schema.add_argument("--model", default="Report", help="模型名，默认 Report（可选 Theme）")
    schema.set_defaults(run=_schema)

    check = sub.add_parser("check-layout", help="检查 PDF 版面 / check a built PDF's line layout")
    check.add_argument("pdf", help="PDF 文件")
    check.add_argument("--data", help="生成该 PDF 的数据集目录，用于核对多出的空格 / dataset the PDF was built from")
    check.set_defaults(run=_check_layout)

    init = sub.add_parser("init", help="按上一年结构新建数据集骨架 / new dataset skeleton")
    init.add_argument("year", type=int)
    init.add_argument("--from", dest="source", default=None, help="上一年数据集目录（默认 data/<year-1>）")
    init.add_argument("--out", default=None, help="新数据集目录（默认 data/<year>）")
    init.set_defaults(run=_init)

    compare = sub.add_parser("compare", help="对比两个年度的指标 / compare two years' indicators")
    compare.add_argument("before", help="较早年度：年份（取 data/<年份>）或数据集目录")
    compare.add_argument("after", help="较晚年度：年份或数据集目录")
    compare.add_argument("--data", default="data", help="按年份查找数据集的目录（默认 data/）")
    compare.set_defaults(run=_compare)

    audit = sub.add_parser("audit", help="核对审阅后的 Word 稿与数据 / audit an edited DOCX against the data")
    audit.add_argument("docx", help="审阅修改后的 .docx")
    audit.add_argument("dataset", help="数据集目录")
    audit.set_defaults(run=_audit)
    return parser


class _Subcommands:
    """Add subcommands that all share the common options (-q)."""

    def __init__(self, actions: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
        self.actions, self.common = actions, common

    def add_parser(self, name: str, help: str) -> argparse.ArgumentParser:
        """Return a new subcommand parser with the common options."""
        return self.actions.add_parser(name, parents=[self.common], help=help)


def _validate(args: argparse.Namespace) -> int:
    if args.part or args.report or Path(args.path).suffix.lower() in SUBMISSION_SUFFIXES:
        return _validate_submission(args)
    report = api.validate(args.path, lang=args.lang)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print_findings(report, args.lang, quiet=args.quiet)
    if CANNOT_RUN_CODES & set(report.codes()):
        return EXIT_CANNOT_RUN
    return EXIT_OK if report.ok else EXIT_FINDINGS


def _validate_submission(args: argparse.Namespace) -> int:
    from .submit import AnnotateError, validate_submission, write_annotated

    checked = validate_submission(args.path, args.part, args.year, lang=args.lang)
    if args.json:
        print(json.dumps(checked.report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print_findings(checked.report, args.lang, quiet=args.quiet)
    if not checked.readable:
        return EXIT_CANNOT_RUN
    if args.report:
        try:
            written = write_annotated(args.path, checked.report, args.report)
        except (AnnotateError, OSError) as error:
            print(f"无法写出问题报告：{error}", file=sys.stderr)
            return EXIT_CANNOT_RUN
        if not args.quiet:
            print(f"已写出问题报告：{written}", file=sys.stderr if args.json else sys.stdout)
    return EXIT_OK if checked.report.ok else EXIT_FINDINGS


def _template(args: argparse.Namespace) -> int:
    from .submit import write_template
    from .submit.parts import PARTS

    out = Path(args.out or f"{PARTS[args.part].title}-{args.year}.xlsx")
    try:
        written = write_template(args.part, args.year, out, district=args.district)
    except ValueError as error:  # TemplateError: an unknown --district
        print(f"无法生成模板：{error}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    except OSError as error:
        print(f"无法写出模板：{error}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    if not args.quiet:
        print(f"已生成报送表模板：{written}")
    return EXIT_OK


def _merge(args: argparse.Namespace) -> int:
    from .submit import merge_submissions

    try:
        result = merge_submissions(args.dataset, args.files, args.part, args.target, args.dry_run, args.lang)
    except OSError as error:
        print(f"无法并入：{error}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    if args.json:
        data = {**result.report.to_dict(), "changes": result.changes, "written": [str(p) for p in result.written]}
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print_findings(result.report, args.lang, quiet=args.quiet)
        for line in [] if args.quiet else result.changes:
            print(line)
        if result.ok and not args.quiet:
            print("（试运行，未写入任何文件）" if args.dry_run else f"已并入，写入 {len(result.written)} 个文件")
        elif not result.ok:
            print("有错误，未并入任何内容，数据集保持原样")
    if not result.readable:
        return EXIT_CANNOT_RUN
    return EXIT_OK if result.ok else EXIT_FINDINGS


def print_findings(report: ValidationReport, lang: str = "zh", file: TextIO | None = None, quiet: bool = False) -> None:
    """Print findings and a one-line summary: a table on a terminal, else one plain line each.

    The plain form ``file:line: code message`` is what editors, grep and CI logs read.
    ``quiet`` prints the errors only, without the summary.
    """
    stream = file or sys.stdout
    findings = report.errors if quiet else report.findings
    en = lang == "en"
    if _is_terminal(stream):
        _print_table(findings, en, stream)
    else:
        for f in findings:
            print(f"{f.where}: {f.code} {f.message}", file=stream)
    if quiet:
        return
    errors, warnings = len(report.errors), len(report.warnings)
    unlisted = sum(count for f in report.findings if f.code in MORE_CODES and isinstance(count := f.params.get("count"), int))
    if en:
        more = f" ({unlisted:,} more not listed)" if unlisted else ""
        print(f"{report.target}: {errors} error(s), {warnings} warning(s){more}", file=stream)
    else:
        more = f"（另有 {unlisted:,} 处同类问题未逐一列出）" if unlisted else ""
        print(f"{report.target}：{errors} 个错误，{warnings} 个警告{more}", file=stream)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # a closed or fake stream
        return False


def _print_table(findings: list[Finding], en: bool, stream: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table

    if not findings:
        return
    table = Table(show_lines=False)
    for title in (("代码", "Code"), ("级别", "Level"), ("位置", "Where"), ("问题", "Problem"), ("如何修改", "Fix")):
        table.add_column(title[1] if en else title[0], overflow="fold")
    for f in findings:
        level = f.severity if en else ("错误" if f.severity == "error" else "警告")
        table.add_row(f.code, level, str(f.where), f.message, f.hint)
    Console(file=stream, soft_wrap=False).print(table)


_STAGES = {"load": "读取并校验数据", "compose": "组版", "docx": "生成 Word", "pdf": "生成 PDF",
           "docx+pdf": "生成 Word，同时生成 PDF"}


def _check_layout(args: argparse.Namespace) -> int:
    from .layoutcheck import run

    return run(args.pdf, args.data)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"需为正整数：{text}")
    return value


def _build(args: argparse.Namespace) -> int:
    start = time.perf_counter()
    say = _stage_printer(args.quiet, start)
    theme = _read_theme(args.theme) if args.theme else None
    if isinstance(theme, int):
        return theme
    if len(args.path) > 1:
        from .cli_batch import build_many

        return build_many(args, print_findings, theme)
    args.path = args.path[0]
    formats, used = tuple(args.format or api.FORMATS), theme or Theme()
    with api.prepared_pdf(formats, args.jobs, used, args.allow_font_fallback) as worker:
        report, checked = api.check_dataset(args.path, theme=theme, loaded=worker.begin if worker is not None else None)
        if report is None or not checked.ok:
            print_findings(checked, file=sys.stderr, quiet=args.quiet)
            return EXIT_CANNOT_RUN if CANNOT_RUN_CODES & set(checked.codes()) else EXIT_FINDINGS
        say("load")
        if checked.warnings and not args.quiet:
            if args.verbose:
                print_findings(checked, file=sys.stderr)
            else:
                print(f"  注意：{len(checked.warnings)} 个警告（nbreport validate {args.path} 查看详情）", file=sys.stderr)
        try:
            with _warnings_as_notes(args.quiet):
                written = api.write_checked(report, args.out, formats, used, args.docx_template, say,
                                            args.allow_font_fallback, args.jobs, worker)
        except _render_errors() as error:
            print(f"无法生成报告：{error}", file=sys.stderr)
            return EXIT_CANNOT_RUN
    if args.audit:
        from .figures.provenance import write_sidecar

        written += write_sidecar(report, Path(args.out) / api.output_name(report))
    if not args.quiet:
        for path in written:
            print(f"{path}（{path.stat().st_size / 1024:.0f} KB）")
        print(f"完成，用时 {time.perf_counter() - start:.1f} 秒")
    return EXIT_OK


@contextlib.contextmanager
def _warnings_as_notes(quiet: bool) -> Iterator[None]:
    """Print the renderers' warnings (fonts, template, layout pass) as 注意 lines, each once, not as Python warnings."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            yield
        finally:
            if not quiet:
                for message in dict.fromkeys(str(w.message) for w in caught if issubclass(w.category, UserWarning)):
                    print(f"  注意：{message}", file=sys.stderr)


def _stage_printer(quiet: bool, start: float):
    last = [start]

    def say(stage: str) -> None:
        now = time.perf_counter()
        if not quiet:
            print(f"  ✓ {_STAGES.get(stage, stage)}（{now - last[0]:.2f} 秒）", file=sys.stderr)
        last[0] = now

    return say


def _read_theme(path: str) -> Theme | int:
    """Return the Theme of a YAML file, or the exit code after printing its findings."""
    theme, findings = api.read_theme(path)
    if theme is not None:
        return theme
    print_findings(ValidationReport(target=path, findings=findings), file=sys.stderr)
    unreadable = {"E-PATH-NOT-FOUND", "E-FILE-READ"} & {f.code for f in findings}
    return EXIT_CANNOT_RUN if unreadable else EXIT_FINDINGS


def _render_errors() -> tuple[type[BaseException], ...]:
    from .outdir import OutputBusy
    from .render.errors import RenderError

    return (RenderError, OutputBusy, OSError)


def _schema(args: argparse.Namespace) -> int:
    from . import schema

    model = getattr(schema, args.model, None)
    if model is None or not hasattr(model, "model_json_schema"):
        print(f"未知模型：{args.model}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    print(json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2))
    return EXIT_OK


def _init(args: argparse.Namespace) -> int:
    from .skeleton import SkeletonError, create_skeleton, shipped_skeleton

    previous = Path(f"data/{args.year - 1}")
    source = Path(args.source) if args.source else previous if (previous / "report.yaml").is_file() else shipped_skeleton()
    target = Path(args.out or f"data/{args.year}")
    try:
        skeleton = create_skeleton(source, target, args.year)
    except SkeletonError as error:
        print(f"无法新建数据集：{error}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    if skeleton.findings:
        print_findings(ValidationReport(target=str(target), findings=skeleton.findings), getattr(args, "lang", "zh"))
    if not args.quiet:
        print(f"已按 {source} 的结构新建 {target}（{len(skeleton.files)} 个文件），"
              f"请填写各表格与正文后运行 nbreport validate {target}")
    return EXIT_OK


def _compare(args: argparse.Namespace) -> int:
    from .figures.compare import compare, print_lines, resolve

    targets = [resolve(target, Path(args.data)) for target in (args.before, args.after)]
    indicators, years = [], []
    for (folder, year), given in zip(targets, (args.before, args.after)):
        report = None
        if folder is not None:
            report, checked = api.check_dataset(folder)
            if report is None or not checked.ok:
                print_findings(checked, file=sys.stderr)
                return EXIT_FINDINGS
            indicators += report.indicators
        if year is None and report is None:
            print(f"找不到数据集或年份：{given}", file=sys.stderr)
            return EXIT_CANNOT_RUN
        years.append(year if year is not None else report.meta.year)  # type: ignore[union-attr]
    if not indicators:
        print(f"找不到 {args.before} 或 {args.after} 的数据集（{args.data}/<年份>）", file=sys.stderr)
        return EXIT_CANNOT_RUN
    print_lines(compare(indicators, years[0], years[1]), years[0], years[1], sys.stdout.isatty())
    return EXIT_OK


def _audit(args: argparse.Namespace) -> int:
    from .figures.audit import audit, print_changes

    report, checked = api.check_dataset(args.dataset)
    if report is None or not checked.ok:
        print_findings(checked, file=sys.stderr)
        return EXIT_FINDINGS
    try:
        changes = audit(Path(args.docx), report)
    except Exception as error:  # python-docx raises many types for a file that is not a DOCX
        print(f"无法读取 Word 文件 {args.docx}：{type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    print_changes(changes)
    if not changes:
        print("Word 稿与数据集一致，没有改动。")
    return EXIT_FINDINGS if any(change.mismatches for change in changes) else EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
