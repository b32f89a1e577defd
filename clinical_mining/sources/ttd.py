"""The Therapeutic Target Database's drug-disease file (`P1-05-Drug_disease.txt`) as one row per indication.

The file is a header block, then records separated by blank lines, each a `TTDDRUID` line, a `DRUGNAME` line
and one or more `INDICATI` lines. Current releases write an indication as three tab-separated fields
(disease, `ICD-11: <codes>`, clinical status); older ones as one (`Analgesia [ICD-11: MB40.8] Approved`).
Both are read, line by line, with Polars string expressions.
"""

from pathlib import Path

import polars as pl

from clinical_mining.errors import InputError
from clinical_mining.text import clean_text

TTD_SCHEMA = pl.Schema(
    {
        "ttd_drug_id": pl.String,
        "drug_name": pl.String,
        "disease_name": pl.String,
        "icd": pl.String,
        "clinical_status": pl.String,
        "line": pl.Int32,
    }
)
TTD_COLUMNS = {
    "ttd_drug_id": "TTD drug id (D0A2XW)",
    "drug_name": "The drug's name in TTD",
    "disease_name": "The indication as TTD writes it",
    "icd": "The indication's ICD code(s) as written (ICD-11: 2A20.0); null for N.A.",
    "clinical_status": "TTD's clinical status of the drug for the indication (Approved, Phase 2a, Terminated, ...)",
    "line": "Line of the file the indication is on (1-based)",
}
KEYS = ("TTDDRUID", "DRUGNAME", "INDICATI")
OLD_LAYOUT = r"^(.+?)\s*\[\s*(ICD[^\]]*)\]\s*(.+)$"  # "Analgesia [ICD-11: MB40.8] Approved"


class TtdError(InputError):
    """A TTD file that cannot be read; the message names the file and the line."""


def _decoded(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise TtdError(
            f"{path}, line {line}: byte 0x{data[exc.start]:02x} is not UTF-8; TTD publishes UTF-8, so this file"
            " was saved in another encoding (convert it, e.g. with iconv -t UTF-8)"
        ) from None


def read_ttd(path: Path, skip_bad_records: bool = False) -> tuple[pl.DataFrame, dict[str, object]]:
    """The indications of every record, and the read's metadata (records, layouts, records skipped).

    A record without a `DRUGNAME`, or an `INDICATI` line with no status, fails the read naming its line, or is
    counted and skipped when `skip_bad_records` is set."""
    if not path.is_file():
        raise TtdError(f"TTD file {path} does not exist (config key sources.ttd.path)")
    lines = pl.DataFrame({"text": _decoded(path).split("\n")}).with_columns(
        line=pl.int_range(1, pl.len() + 1, dtype=pl.Int32), text=pl.col("text").str.strip_chars_end("\r")
    )
    # the header block's abbreviation lines look like records: the body starts after its last line of dashes
    dashes = lines.filter(pl.col("text").str.contains(r"^-{5,}\s*$"))["line"]
    lines = lines.filter(pl.col("line") > (dashes.max() or 0))
    fields = lines.with_columns(
        key=pl.col("text").str.extract(r"^([A-Z]{8})\t"),
        value=pl.col("text").str.extract(r"^[A-Z]{8}\t(.*)$"),
    ).with_columns(record=(pl.col("key") == "TTDDRUID").fill_null(False).cum_sum())
    body = fields.filter(pl.col("record") > 0)
    if body.height == 0:
        raise TtdError(f"{path}: no TTDDRUID line; expected TTD's drug-disease file (P1-05-Drug_disease.txt)")
    records = body.group_by("record").agg(
        ttd_drug_id=pl.col("value").filter(pl.col("key") == "TTDDRUID").first().str.strip_chars(),
        drug_name=pl.col("value").filter(pl.col("key") == "DRUGNAME").first(),
        record_line=pl.col("line").min(),
    )
    indications = body.filter(pl.col("key") == "INDICATI").select(
        "record", "line", parts=pl.col("value").str.split("\t")
    )
    old = pl.col("parts").list.first().str.extract_groups(OLD_LAYOUT)
    parsed = indications.with_columns(
        layout=pl.when(pl.col("parts").list.len() >= 3).then(pl.lit("current")).otherwise(pl.lit("old")),
        _old=old,
    ).select(
        "record",
        "line",
        "layout",
        disease_name=pl.when(pl.col("layout") == "current")
        .then(pl.col("parts").list.get(0))
        .otherwise(pl.col("_old").struct["1"]),
        icd=pl.when(pl.col("layout") == "current")
        .then(pl.col("parts").list.get(1))
        .otherwise(pl.col("_old").struct["2"]),
        clinical_status=pl.when(pl.col("layout") == "current")
        .then(pl.col("parts").list.get(2))
        .otherwise(pl.col("_old").struct["3"]),
    )
    parsed = parsed.with_columns(clean_text(pl.col(c)).alias(c) for c in ("disease_name", "icd", "clinical_status"))
    no_name = records.filter(clean_text(pl.col("drug_name")).fill_null("") == "")
    no_status = parsed.filter(pl.col("disease_name").is_null() | pl.col("clinical_status").is_null())
    if not skip_bad_records and (no_name.height or no_status.height):
        if no_name.height:
            line, drug = no_name.sort("record_line").select("record_line", "ttd_drug_id").row(0)
            what = f"record {drug} has no DRUGNAME line (expected DRUGNAME<TAB><name> after its TTDDRUID)"
        else:
            line = no_status.sort("line")["line"][0]
            what = "an INDICATI line without a disease and a clinical status (expected disease<TAB>ICD<TAB>status)"
        raise TtdError(
            f"{path}, line {line}: {what}; {no_name.height} such record(s) and {no_status.height} such line(s)."
            " Set sources.ttd.skip_bad_records: true to count and skip them"
        )
    kept = parsed.join(no_status.select("line"), on="line", how="anti").join(
        records.join(no_name.select("record"), on="record", how="anti"), on="record"
    )
    frame = (
        kept.select(
            "ttd_drug_id",
            drug_name=clean_text(pl.col("drug_name")),
            disease_name="disease_name",
            icd=pl.when(~pl.col("icd").str.contains(r"(?i)N\.?A\.?$")).then(pl.col("icd")),
            clinical_status="clinical_status",
            line="line",
        )
        .sort("line")
        .cast(dict(TTD_SCHEMA))
    )
    details: dict[str, object] = {
        "records": records.height,
        "indications": frame.height,
        "layout/current": int((kept["layout"] == "current").sum()),
        "layout/old": int((kept["layout"] == "old").sum()),
        "skipped/records_without_name": no_name.height,
        "skipped/indication_lines_unreadable": no_status.height,
    }
    if no_name.height or no_status.height:
        details["warning"] = (
            f"skipped {no_name.height} record(s) without a name and {no_status.height} unreadable indication"
            f" line(s) of {path}"
        )
    return frame, details
