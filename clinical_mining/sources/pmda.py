"""PMDA's English "List of Approved Products" (PDF) as one row per product row.

pdfplumber extracts the ruled tables page by page (in parallel processes for long files, since it is pure
Python and CPU-bound); the rest is Polars. Header cells are recognised by meaning, not exact text, and a table
without a header continues the column layout of the last one, across pages. Bold text, which the list draws
twice, is de-duplicated before the tables are read.
"""

import pickle
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

import polars as pl

from clinical_mining.errors import InputError

if TYPE_CHECKING:
    import pdfplumber
    import pdfplumber.page

# Field → pattern on a header cell (lower case, whitespace folded), tried in this order.
HEADER_FIELDS = (
    ("approval_date", r"\bdate\b"),
    ("brand", r"\bbrand\b"),
    ("approval_type", r"partial|supplemental|approval\s*/"),
    ("ingredients", r"ingredient"),
    ("notes", r"^notes?\b|\bnotes?$|remarks?"),
    ("review_category", r"categor"),
)
REQUIRED_FIELDS = {"approval_date", "brand", "ingredients"}
CATEGORY_PREFIX = r"(?i)^\s*(review\s+)?category\s*[:\uff1a]\s*"  # ASCII or full-width colon
PAGES_PER_PROCESS_MIN = 8
MONTHS = {
    m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)
}
PMDA_SCHEMA = pl.Schema(
    {
        "review_category": pl.String,
        "approval_date": pl.Date,
        "approval_date_text": pl.String,
        "approval_year": pl.Int32,
        "brand_name": pl.String,
        "applicant": pl.String,
        "approval_type": pl.String,
        "active_ingredients": pl.List(pl.String),
        "notes": pl.String,
        "page": pl.Int32,
    }
)

PMDA_COLUMNS = {
    "review_category": "Review category the list groups the product under",
    "approval_date": "Date of the approval (the first, where a cell gives several)",
    "approval_date_text": "The approval date cell as printed",
    "approval_year": "Year of the approval",
    "brand_name": "Brand name of the approved product",
    "applicant": "Company that applied",
    "approval_type": "Kind of approval (new approval, partial change, ...)",
    "active_ingredients": "The product's active ingredients, one per element",
    "notes": "The row's notes, where the approved indication is written in free text",
    "page": "Page of the PDF the row is on",
}
Row = list[str | None]
PageResult = tuple[int, list[list[Row]], str | None]  # page number, its tables, why it failed


class PmdaError(InputError):
    """A PMDA file that cannot be parsed; the message names the file (and the pages, for page failures)."""


def _kept_chars(chars: list[dict[str, object]], tolerance: float = 1.0) -> pl.DataFrame:
    """Index and centre of each char, without the second drawing of bold text: a char is dropped when one with
    the same text, font and size sits within `tolerance` points (what pdfplumber's `dedupe_chars` does)."""
    frame = pl.DataFrame(
        {
            "index": range(len(chars)),
            "text": [char["text"] for char in chars],
            "font": [char["fontname"] for char in chars],
            "size": [char["size"] for char in chars],
            "x0": [char["x0"] for char in chars],
            "x1": [char["x1"] for char in chars],
            "top": [char["top"] for char in chars],
            "bottom": [char["bottom"] for char in chars],
        },
        schema_overrides={"index": pl.Int64, "text": pl.String, "font": pl.String},
    )
    close = (pl.col("top").diff().abs() <= tolerance) & (pl.col("x0").diff().abs() <= tolerance)
    return (
        frame.sort("text", "font", "size", "top", "x0")
        .filter(~close.over("text", "font", "size").fill_null(False))
        .select("index", h_mid=(pl.col("x0") + pl.col("x1")) / 2, v_mid=(pl.col("top") + pl.col("bottom")) / 2)
    )


def _table_rows(page: "pdfplumber.page.Page") -> list[list[Row]]:
    """The page's ruled tables as rows of cell texts, as pdfplumber's `extract_tables` gives them (cells found by
    its table finder, text laid out by its `extract_text`), bold text once.

    pdfplumber tests every char against every row and cell in Python; here one Polars range join assigns the
    chars to cells, which was a quarter of a page's parse time.
    """
    from pdfplumber.table import TableSettings
    from pdfplumber.utils import extract_text

    settings = TableSettings.resolve(None)
    tables = page.find_tables(settings)
    cells = pl.DataFrame(
        [
            (t, r, c, *bbox)
            for t, table in enumerate(tables)
            for r, row in enumerate(table.rows)
            for c, bbox in enumerate(row.cells)
            if bbox is not None
        ],
        schema={
            "t": pl.Int32,
            "r": pl.Int32,
            "c": pl.Int32,
            "x0": pl.Float64,
            "top": pl.Float64,
            "x1": pl.Float64,
            "bottom": pl.Float64,
        },
        orient="row",
    )
    chars = page.chars
    members = (
        _kept_chars(chars)
        .join_where(
            cells,
            pl.col("h_mid") >= pl.col("x0"),
            pl.col("h_mid") < pl.col("x1"),
            pl.col("v_mid") >= pl.col("top"),
            pl.col("v_mid") < pl.col("bottom"),
        )
        .group_by("t", "r", "c")
        .agg(pl.col("index").sort())
    )
    text_settings = settings.text_settings or {}
    texts = {
        (t, r, c): extract_text([chars[i] for i in indices], **text_settings)
        for t, r, c, indices in members.iter_rows()
    }
    return [
        [
            [None if bbox is None else texts.get((t, r, c), "") for c, bbox in enumerate(row.cells)]
            for r, row in enumerate(table.rows)
        ]
        for t, table in enumerate(tables)
    ]


@contextmanager
def _opened(path: str | Path) -> Iterator["pdfplumber.PDF"]:
    """The PDF on a file we close ourselves: pdfplumber's own close() builds every page first, so one
    malformed page would fail the whole file."""
    import pdfplumber

    with open(path, "rb") as handle:
        yield pdfplumber.open(handle)


INHERITED_PAGE_KEYS = ("Resources", "MediaBox", "CropBox", "Rotate")  # PDF 1.7, section 7.7.3.4


def _page_nodes(pdf: "pdfplumber.PDF") -> list[tuple[int, dict[str, object]]]:
    """(object id, attributes) of each page, in order, read from the page tree without building the pages, so
    that a malformed page fails alone when it is built instead of stopping the walk."""
    from pdfminer.pdftypes import dict_value, list_value

    nodes: list[tuple[int, dict[str, object]]] = []
    seen: set[int] = set()
    pending: list[tuple[object, dict[str, object]]] = [(pdf.doc.catalog.get("Pages"), {})]
    while pending:
        reference, inherited = pending.pop()
        object_id = getattr(reference, "objid", None)
        if object_id in seen:
            continue
        seen.add(object_id)
        attributes = {**inherited, **dict_value(reference)}
        kind = getattr(attributes.get("Type"), "name", None)
        if kind == "Pages":
            passed_on = {key: attributes[key] for key in INHERITED_PAGE_KEYS if key in attributes}
            pending += [(kid, passed_on) for kid in reversed(list_value(attributes.get("Kids", [])))]
        elif kind == "Page" and object_id is not None:
            nodes.append((object_id, attributes))
    return nodes


def _lean_page_class() -> type:
    """pdfplumber's Page with a cheaper char conversion (imported late: helpers import pdfplumber themselves).

    pdfplumber converts each pdfminer char by resolving every attribute as a possible PDF object reference,
    which was half of a page's parse time. A char's attributes are plain numbers and strings already, and only
    those that table cells and their text layout read (`extract_text`) are kept: position, text, font, size,
    orientation. Lines and rectangles, which the table finder needs resolved, take the usual path.
    """
    from pdfminer.layout import LTChar
    from pdfplumber.page import Page

    class LeanCharsPage(Page):
        def parse_objects(self) -> dict[str, list[dict[str, object]]]:
            mediabox_x0, mediabox_top = self.mediabox[:2]
            self._char_offsets = (mediabox_x0, self.height + mediabox_top, self.initial_doctop)
            return super().parse_objects()

        def process_object(self, obj: object) -> dict[str, object]:
            if not isinstance(obj, LTChar):
                return super().process_object(obj)
            x_offset, flip, doctop = self._char_offsets
            text = obj.get_text()
            if self.pdf.unicode_norm is not None:
                text = unicodedata.normalize(self.pdf.unicode_norm, text)
            top = flip - obj.y1
            return {
                "object_type": "char",
                "page_number": self.page_number,
                "text": text,
                "fontname": obj.fontname if isinstance(obj.fontname, str) else obj.fontname.decode("latin-1"),
                "size": obj.size,
                "upright": obj.upright,
                "x0": obj.x0 + x_offset,
                "x1": obj.x1 + x_offset,
                "top": top,
                "bottom": flip - obj.y0,
                "doctop": doctop + top,
                "width": obj.width,
                "height": obj.height,
            }

    return LeanCharsPage


def _page_tables(path: str, first: int, last: int) -> list[PageResult]:
    """(page number, tables, error) for pages first..last (1-based), in this process or a helper."""
    from pdfminer.pdfpage import PDFPage

    page_class = _lean_page_class()
    found: list[PageResult] = []
    with _opened(path) as pdf:
        nodes = _page_nodes(pdf)
        for number in range(first, last + 1):
            try:
                object_id, attributes = nodes[number - 1]
                page = page_class(pdf, PDFPage(pdf.doc, object_id, attributes, None), page_number=number)
                found.append((number, _table_rows(page), None))
                page.close()
            except Exception as exc:  # one damaged page must not lose the others
                found.append((number, [], f"{type(exc).__name__}: {exc}"))
    return found


def _page_count(path: Path) -> int:
    with path.open("rb") as handle:
        if handle.read(5) != b"%PDF-":
            raise PmdaError(f"PMDA file {path} is not a PDF (it does not start with %PDF-)")
    try:
        with _opened(path) as pdf:
            return len(_page_nodes(pdf))
    except Exception as exc:  # pdfplumber wraps pdfminer's many error types for encrypted or damaged files
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        name = type(cause).__name__
        reason = f"{name}: {cause}" if str(cause) else name
        if "password" in name.lower() or "encrypt" in name.lower():
            reason = f"it is encrypted ({name}); save an unprotected copy"
        raise PmdaError(f"PMDA file {path} cannot be opened as a PDF: {reason}") from None


@dataclass
class _Helper:
    """A helper process parsing pages first..last; it prints its results pickled on stdout.

    A plain interpreter running this module, not a multiprocessing child: those re-run the parent's main
    script first, which under `dagster asset materialize` means importing all of Dagster's CLI (1.4 s each).
    Its stderr goes to a file, not a pipe: pdfminer's warnings on a damaged PDF could fill a pipe nobody reads
    before the results are collected, and stop the helper there.
    """

    process: subprocess.Popen[bytes]
    errors: IO[bytes]
    first: int
    last: int

    @classmethod
    def start(cls, command: list[str], first: int, last: int) -> "_Helper":
        errors = tempfile.TemporaryFile()  # noqa: SIM115 - outlives this call; results() or kill() closes it
        return cls(subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors), errors, first, last)

    def results(self) -> list[PageResult]:
        """The pages' results; when the helper itself died, each of its pages fails with the reason."""
        out, _ = self.process.communicate()
        with self.errors:
            if self.process.returncode == 0:
                return pickle.loads(out)
            self.errors.seek(0)
            lines = self.errors.read().decode(errors="replace").strip().splitlines()
        reason = f"the parsing process exited with status {self.process.returncode}"
        reason += f": {lines[-1]}" if lines else ""
        return [(number, [], reason) for number in range(self.first, self.last + 1)]

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.communicate()
        self.errors.close()


def _helper_command(path: Path, first: int, last: int) -> list[str]:
    return [sys.executable, "-m", __name__, str(path), str(first), str(last)]


class PageParse:
    """The PDF's pages cut into `processes` contiguous ranges (its pages cost about the same), each parsed by a
    helper process from the moment this is created, except the first range when `first_here` is set: that one
    is parsed by `results()` in the calling process."""

    def __init__(self, path: Path, processes: int, first_here: bool) -> None:
        self.path = path
        pages = _page_count(path)
        if pages == 0:
            raise PmdaError(f"PMDA file {path} has no pages")
        workers = max(1, min(processes, pages // PAGES_PER_PROCESS_MIN))
        size = -(-pages // workers)
        ranges = [(first, min(first + size - 1, pages)) for first in range(1, pages + 1, size)]
        self._here = ranges.pop(0) if first_here else None
        self._helpers = [_Helper.start(_helper_command(path, first, last), first, last) for first, last in ranges]

    def results(self) -> list[PageResult]:
        """Every page's result in page order, once all ranges are parsed."""
        try:
            results = _page_tables(str(self.path), *self._here) if self._here else []
        except BaseException:  # an interrupted run must not leave helpers parsing
            self.cancel()
            raise
        for helper in self._helpers:
            results += helper.results()
        return results

    def cancel(self) -> None:
        for helper in self._helpers:
            helper.kill()


def extract_tables(
    path: Path, processes: int = 2, started: PageParse | None = None
) -> tuple[list[tuple[int, list[list[Row]]]], dict[int, str]]:
    """Every page's tables in page order, and the pages that failed with why; from `started` when the parse was
    started earlier, else parsed now in this process and `processes - 1` helpers."""
    results = (started or PageParse(path, processes, first_here=True)).results()
    failed = {number: error for number, _, error in results if error}
    return [(number, tables) for number, tables, error in results if not error], failed


def _fold(text: str | None) -> str:
    return " ".join((text or "").split())


def header_layout(row: Row) -> dict[str, int] | None:
    """Column index of each field when `row` is a header row (it names the required fields), else None."""
    layout: dict[str, int] = {}
    for index, cell in enumerate(row):
        text = _fold(cell).lower()
        for field, pattern in HEADER_FIELDS:
            if field not in layout and text and re.search(pattern, text):
                layout[field] = index
                break
    return layout if set(layout) >= REQUIRED_FIELDS else None


def _records(pages: list[tuple[int, list[list[Row]]]], path: Path) -> tuple[list[dict[str, object]], int]:
    """Product rows as dicts, following header rows, category rows and headerless continuations in order."""
    records: list[dict[str, object]] = []
    layout: dict[str, int] | None = None
    category: str | None = None
    orphans = 0
    for number, tables in pages:
        for table in tables:
            for row in table:
                cells = [_fold(cell) if cell is not None else "" for cell in row]
                if (found := header_layout(row)) is not None:
                    layout = found
                    continue
                if not any(cells):
                    continue
                if cells[0] and not any(cells[1:]):  # a row spanning the table names the review category
                    category = re.sub(CATEGORY_PREFIX, "", cells[0]).strip()
                    continue
                if layout is None:
                    orphans += 1
                    continue
                raw = {field: (row[i] if i < len(row) else None) for field, i in layout.items()}
                records.append(
                    {
                        "review_category": _fold(raw.get("review_category")) or category,
                        "approval_date_text": (raw.get("approval_date") or "").strip() or None,
                        "brand_raw": raw.get("brand"),
                        "approval_type": _fold(raw.get("approval_type")) or None,
                        "ingredients_raw": raw.get("ingredients"),
                        "notes": _fold(raw.get("notes")) or None,
                        "page": number,
                    }
                )
    if not records:
        raise PmdaError(
            f"PMDA file {path} holds no recognisable table: no header row naming the approval date, the brand"
            " name and the active ingredient was found"
        )
    return records, orphans


def approval_date(text: pl.Expr) -> pl.Expr:
    """The first date in a cell: "Sep. 24, 2024", "May 7, 2020", "20-Apr-06" (two-digit years are 20xx)."""
    folded = text.str.replace_all(r"\(\d+\)", " ").str.replace_all(r"\s+", " ")
    long = folded.str.extract_groups(r"(?<month>[A-Za-z]{3})[a-z]*\.?\s+(?<day>\d{1,2}),\s*(?<year>\d{4})")
    short = folded.str.extract_groups(r"(?<day>\d{1,2})-(?<month>[A-Za-z]{3})-(?<year>\d{2})\b")

    def build(parts: pl.Expr, century: int) -> pl.Expr:
        month = parts.struct["month"].str.to_lowercase().replace_strict(MONTHS, default=None, return_dtype=pl.Int32)
        year = parts.struct["year"].cast(pl.Int32) + century
        return pl.format("{}-{}-{}", year, month, parts.struct["day"]).str.to_date("%Y-%-m-%-d", strict=False)

    return pl.coalesce(build(long, 0), build(short, 2000))


def split_ingredients(text: pl.Expr) -> pl.Expr:
    """An ingredient cell as a list: "(1) A (2) B" and "A / B" split; "10 mg/mL" (no spaces) is not a separator."""
    folded = text.str.replace_all(r"\s+", " ").str.strip_chars()
    numbered = folded.str.replace_all(r"\(\d{1,2}\)\s*", "\x1f").str.replace_all(r"\s+/\s+", "\x1f")
    return numbered.str.split("\x1f").list.eval(pl.element().str.strip_chars()).list.filter(pl.element() != "")


def require_file(path: Path) -> None:
    if not path.is_file():
        raise PmdaError(f"PMDA file {path} does not exist (config key sources.pmda.path)")


def read_pmda(
    path: Path, processes: int = 2, started: PageParse | None = None
) -> tuple[pl.DataFrame, dict[str, object]]:
    """The product rows of the PDF, and what the UI should know (pages, failed pages, rows without header)."""
    require_file(path)
    pages, failed = extract_tables(path, processes, started)
    if failed and not pages:
        number, error = next(iter(failed.items()))
        raise PmdaError(f"PMDA file {path}: none of its {len(failed)} pages could be read (page {number}: {error})")
    records, orphans = _records(pages, path)
    brand = pl.col("brand_raw").str.replace_all(r"\s+", " ").str.strip_chars()
    applicant = brand.str.extract(r"\(([^()]*)\)\s*$")
    frame = pl.DataFrame(records).select(
        "review_category",
        approval_date=approval_date(pl.col("approval_date_text")),
        approval_date_text="approval_date_text",
        brand_name=pl.when(applicant.is_not_null()).then(brand.str.replace(r"\s*\([^()]*\)\s*$", "")).otherwise(brand),
        applicant=applicant,
        approval_type=pl.col("approval_type")
        .str.to_lowercase()
        .str.contains("partial|supplemental")
        .replace_strict({True: "PARTIAL_CHANGE", False: "APPROVAL"}, default=None, return_dtype=pl.String),
        active_ingredients=split_ingredients(pl.col("ingredients_raw")),
        notes="notes",
        page=pl.col("page").cast(pl.Int32),
    )
    frame = frame.with_columns(approval_year=pl.col("approval_date").dt.year().cast(pl.Int32)).select(
        PMDA_SCHEMA.names()
    )
    details: dict[str, object] = {
        "pages": len(pages) + len(failed),
        "failed_pages": ", ".join(f"{n} ({e})" for n, e in failed.items()) or "none",
        "rows_without_header": orphans,
        "dates_unreadable": frame["approval_date"].is_null().sum(),
    }
    return frame, details


if __name__ == "__main__":  # a helper process of extract_tables: python -m clinical_mining.sources.pmda PDF FIRST LAST
    sys.stdout.buffer.write(pickle.dumps(_page_tables(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))))
