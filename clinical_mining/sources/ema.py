"""EMA's list of medicines (the "Medicines output" Excel download) as one row per medicine.

The workbook is read with fastexcel (Rust calamine): every cell as text, because a date column holds text
(dd/mm/yyyy), Excel serial numbers and real date cells side by side, and a typed read would guess one type per
column. The header row is found by meaning, not by position: the current download has a banner on row 1 and
its header on row 9, the pre-2023 one ("Medicine name", "Authorisation status", "Condition / indication")
has the same shape, and either may gain or lose banner rows.
"""

import re
from pathlib import Path

import polars as pl

from clinical_mining.errors import InputError
from clinical_mining.text import clean_text

DEFAULT_SHEET = "Medicine"
HEADER_SEARCH_ROWS = 30
# field -> the header spellings that name it (lower case, white space folded): current layout, then pre-2023
HEADERS = {
    "category": ("category",),
    "medicine_name": ("name of medicine", "medicine name"),
    "product_number": ("ema product number", "product number"),
    "medicine_status": ("medicine status", "authorisation status"),
    "inn": ("international non-proprietary name (inn) / common name",),
    "active_substance": ("active substance",),
    "therapeutic_area": ("therapeutic area (mesh)", "therapeutic area"),
    "indication": ("therapeutic indication", "condition / indication"),
    "authorisation_date": ("marketing authorisation date",),
    "refusal_date": ("refusal of marketing authorisation date", "date of refusal of marketing authorisation"),
    "withdrawal_date": ("withdrawal / expiry / revocation / lapse of marketing authorisation date",),
    "application_withdrawal_date": ("withdrawal of application date",),
    "url": ("medicine url", "url"),
}
REQUIRED = ("category", "medicine_name", "medicine_status", "therapeutic_area", "indication", "authorisation_date")
DATE_FIELDS = ("authorisation_date", "refusal_date", "withdrawal_date", "application_withdrawal_date")
EXCEL_EPOCH = pl.date(1899, 12, 30)  # serial 1 is 1900-01-01 in Excel's (Lotus-compatible) calendar
EMA_SCHEMA = pl.Schema(
    {
        "category": pl.String,
        "medicine_name": pl.String,
        "product_number": pl.String,
        "medicine_status": pl.String,
        "inn": pl.String,
        "active_substance": pl.String,
        "therapeutic_area": pl.String,
        "indication": pl.String,
        "authorisation_date": pl.Date,
        "refusal_date": pl.Date,
        "withdrawal_date": pl.Date,
        "application_withdrawal_date": pl.Date,
        "url": pl.String,
        "row": pl.Int32,
    }
)
EMA_COLUMNS = {
    "category": "Human or Veterinary",
    "medicine_name": "Name of the medicine (the product)",
    "product_number": "EMA product number (EMEA/H/C/005540)",
    "medicine_status": "Authorised, Withdrawn, Expired, Revoked, Lapsed, Suspended, Refused, Application withdrawn,"
    " Opinion, ... as EMA writes it",
    "inn": "International non-proprietary name or common name; several joined by ';'",
    "active_substance": "Active substance(s), ';'-joined",
    "therapeutic_area": "MeSH headings of the therapeutic areas, ';'-joined (a heading may hold commas)",
    "indication": "The therapeutic indication as free text",
    "authorisation_date": "Date of the EU marketing authorisation",
    "refusal_date": "Date the marketing authorisation was refused",
    "withdrawal_date": "Date of the withdrawal, expiry, revocation or lapse of the authorisation (current layout)",
    "application_withdrawal_date": "Date the application was withdrawn (current layout)",
    "url": "The medicine's page on EMA's site",
    "row": "Row of the sheet the medicine is on (1-based, as Excel numbers it)",
}


class EmaError(InputError):
    """An EMA workbook that cannot be read; the message names the file, the sheet and the row or header."""


def _header_key(cell: str | None) -> str:
    return re.sub(r"\s+", " ", cell or "").strip().lower()


FIELD_OF_HEADER = {spelling: field for field, spellings in HEADERS.items() for spelling in spellings}


def _header_row(cells: pl.DataFrame) -> int | None:
    """Index of the first row that names every required field, searched in the first rows only."""
    for index, row in enumerate(cells.head(HEADER_SEARCH_ROWS).iter_rows()):
        fields = {FIELD_OF_HEADER.get(_header_key(cell)) for cell in row}
        if all(field in fields for field in REQUIRED):
            return index
    return None


def _date(field: str) -> pl.Expr:
    """A date cell as text: dd/mm/yyyy, an Excel serial number, or a date cell read as ISO text."""
    text = pl.col(field).str.strip_chars()
    serial = text.str.extract(r"^(\d{1,6})(?:\.0*)?$").cast(pl.Int32)
    return pl.coalesce(
        text.str.strptime(pl.Date, "%d/%m/%Y", strict=False),
        text.str.extract(r"^(\d{4}-\d{2}-\d{2})").str.strptime(pl.Date, "%Y-%m-%d", strict=False),
        pl.when(serial.is_not_null()).then(EXCEL_EPOCH + pl.duration(days=serial)),
    )


def read_ema(path: Path, sheet: str = DEFAULT_SHEET) -> tuple[pl.DataFrame, dict[str, object]]:
    """The medicines of the sheet, one row each, with cleaned text and parsed dates; and the read's metadata
    (the layout recognised, rows per category)."""
    import fastexcel

    if not path.is_file():
        raise EmaError(f"EMA medicines list {path} does not exist (config key sources.ema.path)")
    try:
        workbook = fastexcel.read_excel(str(path))
    except fastexcel.FastExcelError as exc:
        raise EmaError(f"{path}: not an Excel workbook that can be read ({exc})") from None
    if sheet not in workbook.sheet_names:
        raise EmaError(
            f"{path}: no sheet {sheet!r} (sheets: {', '.join(workbook.sheet_names)}); EMA's medicines list has it,"
            " and sources.ema.sheet names another"
        )
    # skip_rows=[] keeps the empty rows above the first used one, so a row's index is its Excel row minus one
    try:
        cells = workbook.load_sheet(sheet, header_row=None, dtypes="string", skip_rows=[]).to_polars()
    except fastexcel.FastExcelError as exc:  # a damaged sheet inside a readable archive
        reason = str(exc).splitlines()[0]
        raise EmaError(f"{path}, sheet {sheet!r}: the sheet cannot be read ({reason})") from None
    header = _header_row(cells)
    if header is None:
        found = sorted({_header_key(c) for row in cells.head(HEADER_SEARCH_ROWS).iter_rows() for c in row} - {""})
        wanted = "; ".join(f"{field}: {' or '.join(repr(h) for h in HEADERS[field])}" for field in REQUIRED)
        raise EmaError(
            f"{path}, sheet {sheet!r}: no header row in the first {HEADER_SEARCH_ROWS} rows names every required"
            f" column ({wanted}); header cells seen: {found[:40]}"
        )
    names = [_header_key(cell) for cell in cells.row(header)]
    columns = {
        FIELD_OF_HEADER[name]: column
        for name, column in zip(names, cells.columns, strict=True)
        if name in FIELD_OF_HEADER
    }
    if "inn" not in columns and "active_substance" not in columns:
        raise EmaError(f"{path}, sheet {sheet!r}, row {header + 1}: no 'Active substance' nor INN column")
    rows = cells.slice(header + 1).with_columns(row=pl.int_range(header + 2, header + 2 + cells.height - header - 1))
    rows = rows.select(
        *(
            clean_text(pl.col(columns[field])).alias(field)
            if field in columns
            else pl.lit(None, pl.String).alias(field)
            for field in EMA_SCHEMA.names()
            if field != "row"
        ),
        pl.col("row").cast(pl.Int32),
    ).filter(pl.any_horizontal(pl.col(field).is_not_null() for field in HEADERS))
    parsed = rows.with_columns(_date(field).alias(f"_{field}") for field in DATE_FIELDS)
    for field in DATE_FIELDS:
        bad = parsed.filter(pl.col(field).is_not_null() & pl.col(f"_{field}").is_null())
        if bad.height:
            row, value = bad.select("row", field).row(0)
            header_text = cells.row(header)[cells.columns.index(columns[field])]
            raise EmaError(
                f"{path}, sheet {sheet!r}, row {row}, column {header_text!r}: {value!r} is not a date"
                f" (expected dd/mm/yyyy, a date cell or an Excel serial number); {bad.height} such row(s)"
            )
    frame = parsed.with_columns(pl.col(f"_{field}").alias(field) for field in DATE_FIELDS).select(EMA_SCHEMA.names())
    frame = frame.cast(dict(EMA_SCHEMA))
    layout = "current" if "medicine status" in names else "pre-2023"
    details: dict[str, object] = {"sheet": sheet, "layout": layout, "header_row": header + 1, "rows": frame.height}
    for category, count in frame["category"].fill_null("(none)").value_counts().sort("category").iter_rows():
        details[f"category/{category}"] = count
    return frame, details
