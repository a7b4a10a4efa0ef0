"""Pair nbreport's cold CLI build of data/2023 with the naive cold script pair, run in turns; check the PDF's layout."""

from __future__ import annotations

import json
import shlex
import statistics
import sys
import tempfile
from pathlib import Path

from nbreport.compose import Document
from nbreport.layoutcheck import check_pdf, count, document_text

import naive
from figures import Figures
from measure import ROOT, ChildRun, child_env, interleaved, office_found

DATA = ROOT / "data" / "2023"
_SCRIPT = Path(sys.executable).parent / "nbreport"
NBREPORT = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "nbreport.cli"]


def build_command(out: Path, *extra: str) -> list[str]:
    """Return the quiet CLI build of data/2023 into ``out``, with ``extra`` options."""
    return [*NBREPORT, "build", str(DATA), "--out", str(out), "-q", *extra]

_LABELS = {"nb.both": "nbreport build, both formats", "nb.docx": "nbreport build --format docx",
           "nb.pdf": "nbreport build --format pdf", "naive.docx": "naive python-docx script",
           "naive.pdf": "naive reportlab platypus script",
           "nb.edited": "both formats, LibreOffice's layout not cached (text edited)",
           "nb.office_off": "both formats, NBREPORT_OFFICE=off"}


def cold_pair(figs: Figures, document: Document, repeats: int) -> None:
    """Time the five cold commands in turns; record medians (wall, CPU), the ratios to the naive pair and layout faults."""
    figs.start(f"1. Cold, paired: nbreport CLI vs naive scripts, same text, in turns (median of {repeats}, one untimed warm-up each)")
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        text = naive.dump(document, tmp / "text.json")
        commands = {f"nb.{key}": build_command(tmp / key, *extra)
                    for key, extra in (("both", []), ("docx", ["--format", "docx"]), ("pdf", ["--format", "pdf"]))}
        commands |= {f"naive.{fmt}": naive.command(fmt, text, tmp / f"naive.{fmt}") for fmt in ("docx", "pdf")}
        envs = _office_variants(commands, tmp)
        runs = interleaved(commands, repeats, env=envs)
        for key, label in _LABELS.items():
            if key in runs:
                _record(figs, f"cold.{key}", label, runs[key])
        figs.add("mem.2023.rss", "data/2023 both formats: peak RSS", max(r.rss_mb for r in runs["nb.both"]), "MB", "os.wait4")
        _ratios(figs, runs)
        layout(figs, next((tmp / "both").glob("*.pdf")), document)


def _office_variants(commands: dict[str, list[str]], tmp: Path) -> dict[str, dict[str, str]]:
    """Add the both-formats build without LibreOffice and, when it is installed, after an edit; return their envs.

    nb.both runs as a user's rebuild does: LibreOffice's layout of unchanged text is in the
    cache since the warm-up. "Edited" empties the layouts and layout hints before each run (its charts and
    fonts stay cached), which is what a build after a change to the text pays.
    """
    envs = {"nb.office_off": child_env({"NBREPORT_OFFICE": "off"})}
    commands["nb.office_off"] = build_command(tmp / "office-off")
    if office_found(child_env()):
        edited_cache = tmp / "edited-cache"
        build = " ".join(shlex.quote(arg) for arg in build_command(tmp / "edited"))
        forget = " ".join(shlex.quote(str(edited_cache / kind)) for kind in ("layouts", "layout_hints"))
        commands["nb.edited"] = ["sh", "-c", f"rm -rf {forget} && exec {build}"]
        envs["nb.edited"] = child_env({"NBREPORT_CACHE_DIR": str(edited_cache)})
    return envs


def _record(figs: Figures, key: str, label: str, runs: list[ChildRun]) -> None:
    figs.add(key, f"{label}: wall", statistics.median(r.seconds for r in runs), note="runs " + " ".join(f"{r.seconds:.2f}" for r in runs))
    figs.add(f"{key}.cpu", f"{label}: CPU (user+sys)", statistics.median(r.cpu for r in runs))


def _ratios(figs: Figures, runs: dict[str, list[ChildRun]]) -> None:
    for suffix, what in (("", "wall"), (".cpu", "CPU")):
        pair = figs.add(f"cold.naive.pair{suffix}", f"naive pair (DOCX + PDF scripts): {what}",
                        sum(figs.get(f"cold.naive.{fmt}{suffix}") or 0.0 for fmt in ("docx", "pdf")), note="sum of medians")
        assert pair is not None
        rounds = [b.seconds / (d.seconds + p.seconds) if not suffix else b.cpu / (d.cpu + p.cpu)
                  for b, d, p in zip(runs["nb.both"], runs["naive.docx"], runs["naive.pdf"])]
        figs.ratio(f"ratio.cold_vs_naive{suffix}", f"nbreport both / naive pair: {what}", f"cold.nb.both{suffix}",
                   f"cold.naive.pair{suffix}", "per round " + " ".join(f"{r:.2f}" for r in rounds))
    figs.ratio("ratio.office_off_vs_naive", "without LibreOffice's pass / naive pair: wall", "cold.nb.office_off",
               "cold.naive.pair")
    if figs.get("cold.nb.edited") is not None:
        figs.ratio("ratio.edited_vs_naive", "text edited (layout measured) / naive pair: wall", "cold.nb.edited",
                   "cold.naive.pair", "LibreOffice lays the DOCX out twice")
    figs.ratio("ratio.docx_vs_naive", "nbreport DOCX alone / naive DOCX: wall", "cold.nb.docx", "cold.naive.docx")
    figs.ratio("ratio.pdf_vs_naive", "nbreport PDF alone / naive PDF: wall", "cold.nb.pdf", "cold.naive.pdf")


def layout(figs: Figures, pdf: Path, document: Document) -> None:
    """Record the layout checker's fault counts (issue 12) for the built data/2023 PDF."""
    counts = count(check_pdf(pdf, document_text(document)))
    figs.add("layout.faults", "layout checker: faults in the data/2023 PDF", float(sum(counts.values())), "",
             json.dumps(counts, ensure_ascii=False))
