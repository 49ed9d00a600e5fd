"""Batch drafting for programme offices: many documents in, one draft per file out, plus a
summary.

Each file (notes, a Word or PDF document, an ODT file, a mail: see `documents`) becomes a
draft commission (`drafting.draft`, told the file's name for the provenance), reviewed
(`review.review`) and written in the chosen format with its review and open questions. A
summary CSV lists every file with its key values. A file that cannot be read (empty,
binary, encrypted, a scan without text, too large) gets a clear Dutch message in the report
and in the CSV; the other files carry on. What was read only in part (a long PDF) is noted
in the `note` column.
"""

from __future__ import annotations

import csv
import importlib
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Literal, Protocol, TextIO

from pydantic import BaseModel, Field

from opdrachtassistent.commission import Commission
from opdrachtassistent.documents import DocumentText, read_document
from opdrachtassistent.errors import InputError, os_reason
from opdrachtassistent.passages import Retriever
from opdrachtassistent.reviewing.checks import Review, review

Format = Literal["json", "md", "docx"]
FORMATS: tuple[Format, ...] = ("json", "md", "docx")
EXTENSIONS: dict[Format, str] = {"json": ".json", "md": ".md", "docx": ".docx"}

SUMMARY_NAME = "overzicht.csv"
REVIEW_SUFFIX = ".kwaliteitstoets.json"  # beside each JSON draft
PROGRESS_THRESHOLD = 5  # show the bar by default from this many files on

SUMMARY_COLUMNS = (
    "file",
    "output",
    "status",
    "error",
    "title",
    "commissioner",
    "budget_eur",
    "deadline",
    "completeness",
    "ready",
    "n_findings_hoog",
    "n_findings_midden",
    "n_findings_laag",
    "n_open_questions",
    "note",
)


class Drafter(Protocol):
    """Notes (or a document's text) in, a draft out; `document` names the file read."""

    def __call__(self, text: str, *, document: str | None = None) -> Commission: ...


class Progress(Protocol):
    """Called after each file: how many are done, of how many, and which file was last."""

    def __call__(self, done: int, total: int, name: str) -> None: ...


class BatchItem(BaseModel):
    """The outcome for one notes file: the values of the summary row."""

    file: str
    status: Literal["ok", "fout"]
    error: str | None = None
    output: str | None = None
    title: str | None = None
    commissioner: str | None = None
    budget_eur: float | None = None
    deadline: date | None = None
    completeness: float | None = None
    ready: bool | None = None
    n_findings_hoog: int | None = None
    n_findings_midden: int | None = None
    n_findings_laag: int | None = None
    n_open_questions: int | None = None
    note: str | None = None

    def row(self) -> dict[str, str]:
        values = self.model_dump(mode="json")
        out: dict[str, str] = {}
        for key in SUMMARY_COLUMNS:
            value = values[key]
            if isinstance(value, bool):
                out[key] = "ja" if value else "nee"
            elif isinstance(value, float) and value.is_integer() and key != "completeness":
                out[key] = str(int(value))
            else:
                out[key] = "" if value is None else str(value)
        return out


class BatchReport(BaseModel):
    """All items, in input order, and where the summary CSV was written."""

    items: list[BatchItem] = Field(default_factory=list)
    out_dir: Path
    summary_csv: Path

    @property
    def ok(self) -> list[BatchItem]:
        return [i for i in self.items if i.status == "ok"]

    @property
    def failed(self) -> list[BatchItem]:
        return [i for i in self.items if i.status == "fout"]


# --------------------------------------------------------------------------------------------
# Reading documents


def read_notes(path: Path) -> DocumentText:
    """The text of one notes file or document, or `InputError` with a Dutch reason."""
    return read_document(path)


# --------------------------------------------------------------------------------------------
# Writing drafts


def _stakeholder_map_png(commission: Commission) -> bytes | None:
    """The influence x interest map for the Word export, when that module is available."""
    if not commission.stakeholders:
        return None
    try:
        module = importlib.import_module("opdrachtassistent.render.stakeholder_map")
    except ImportError:
        return None
    to_png: Callable[..., bytes] = module.to_png
    return to_png(commission.stakeholders)


def render(commission: Commission, result: Review, fmt: Format) -> bytes:
    """One draft in the chosen format, with its review as appendix (md, docx)."""
    if fmt == "md":
        from opdrachtassistent.render.markdown import to_markdown

        return to_markdown(commission, result).encode("utf-8")
    if fmt == "docx":
        from opdrachtassistent.render.docx import to_docx

        return to_docx(commission, result, stakeholder_map_png=_stakeholder_map_png(commission))
    from opdrachtassistent.render.as_json import to_json

    return to_json(commission).encode("utf-8")


def write_draft(commission: Commission, result: Review, fmt: Format, target: Path) -> list[Path]:
    """Write one draft (and for JSON its review beside it); returns the files written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(render(commission, result, fmt))
    written = [target]
    if fmt == "json":
        from opdrachtassistent.render.as_json import review_to_json

        review_path = target.with_name(target.stem + REVIEW_SUFFIX)
        review_path.write_text(review_to_json(result), encoding="utf-8")
        written.append(review_path)
    return written


def _output_names(paths: Sequence[Path], fmt: Format) -> list[str]:
    """'<stem>.<ext>' per input, numbered when two inputs share a stem."""
    seen: dict[str, int] = {}
    names = []
    for path in paths:
        stem = path.stem or "notities"
        key = stem.casefold()
        seen[key] = seen.get(key, 0) + 1
        suffix = "" if seen[key] == 1 else f"-{seen[key]}"
        names.append(f"{stem}{suffix}{EXTENSIONS[fmt]}")
    return names


# --------------------------------------------------------------------------------------------
# Progress


class TextProgressBar:
    """A simple text progress bar: `[#####.....]  12/40  naam.txt` on one line (stderr)."""

    def __init__(self, stream: TextIO | None = None, width: int = 30) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.width = width
        self._tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self._last_tenth = -1

    def __call__(self, done: int, total: int, name: str) -> None:
        total = max(total, 1)
        filled = round(self.width * done / total)
        bar = "#" * filled + "." * (self.width - filled)
        line = f"[{bar}] {done:>{len(str(total))}}/{total}  {name[:40]}"
        if self._tty:
            self.stream.write("\r" + line.ljust(self.width + 60))
            if done >= total:
                self.stream.write("\n")
        else:
            tenth = done * 10 // total
            if tenth != self._last_tenth or done >= total:
                self._last_tenth = tenth
                self.stream.write(line + "\n")
        self.stream.flush()


# --------------------------------------------------------------------------------------------
# The batch


def _default_drafter() -> Drafter:
    from opdrachtassistent.drafting.notes import draft

    return draft


def draft_one(
    path: Path,
    target: Path,
    fmt: Format,
    *,
    drafter: Drafter,
    retriever: Retriever | None,
    today: date | None,
) -> BatchItem:
    """Draft, review and write one file; any failure becomes a Dutch message in the item."""
    name = str(path)
    try:
        read = read_notes(path)
        commission = drafter(read.text, document=read.name)
        result = review(commission, retriever=retriever, today=today)
        write_draft(commission, result, fmt, target)
    except InputError as exc:
        return BatchItem(file=name, status="fout", error=exc.message)
    except OSError as exc:
        return BatchItem(
            file=name, status="fout", error=f"{path.name}: schrijven mislukt ({os_reason(exc)})."
        )
    except Exception as exc:  # the outermost edge of one file: report it, carry on
        return BatchItem(
            file=name,
            status="fout",
            error=f"{path.name}: onverwachte fout bij het opstellen ({type(exc).__name__}: {exc}).",
        )
    return BatchItem(
        file=name,
        status="ok",
        output=str(target),
        title=commission.title,
        commissioner=commission.mandate.commissioner,
        budget_eur=commission.resources.budget_eur,
        deadline=commission.resources.deadline,
        completeness=commission.completeness().fraction,
        ready=result.ready,
        n_findings_hoog=result.count("hoog"),
        n_findings_midden=result.count("midden"),
        n_findings_laag=result.count("laag"),
        n_open_questions=len(commission.open_questions),
        note=" ".join(read.notes) or None,
    )


def write_summary(items: Sequence[BatchItem], path: Path) -> Path:
    """The summary table across all drafts, one row per file.

    Semicolon-separated UTF-8 with a byte-order mark: the CSV that Dutch Excel opens into
    columns with its accents intact (a comma CSV lands in one column there).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=SUMMARY_COLUMNS, delimiter=";")
        writer.writeheader()
        writer.writerows(item.row() for item in items)
    return path


def draft_files(
    paths: Sequence[Path | str],
    out_dir: Path | str,
    fmt: Format = "md",
    *,
    progress: Progress | bool | None = None,
    drafter: Drafter | None = None,
    retriever: Retriever | None = None,
    today: date | None = None,
) -> BatchReport:
    """Draft a commission from each file into `out_dir`, plus `overzicht.csv`.

    `progress`: a callable, True (a text bar on stderr), False (none) or None (the bar when
    there are at least `PROGRESS_THRESHOLD` files). `drafter` defaults to `drafting.draft`;
    `retriever` supplies the review's citations; `today` anchors its deadline rules.
    """
    if fmt not in FORMATS:
        raise InputError(f"Onbekend formaat '{fmt}'; kies uit {', '.join(FORMATS)}.")
    files = [Path(p) for p in paths]
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    report_progress: Progress | None
    if callable(progress):
        report_progress = progress
    elif progress or (progress is None and len(files) >= PROGRESS_THRESHOLD):
        report_progress = TextProgressBar()
    else:
        report_progress = None
    make = drafter or _default_drafter()
    items: list[BatchItem] = []
    for index, (path, name) in enumerate(zip(files, _output_names(files, fmt), strict=True)):
        items.append(
            draft_one(path, out / name, fmt, drafter=make, retriever=retriever, today=today)
        )
        if report_progress is not None:
            report_progress(index + 1, len(files), path.name)
    summary = write_summary(items, out / SUMMARY_NAME)
    return BatchReport(items=items, out_dir=out, summary_csv=summary)
