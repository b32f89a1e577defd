"""Real ClinicalTrials.gov studies in the embedded sample, beside the generated ones.

The sample's generated trials are invented; these are not: 47 real studies with posted primary analyses (the
studies of `shared/real` whose verdicts, roles and adverse-event groups were read by hand, see
`clinical_mining_tests/fixtures/real/`), with their registry rows as AACT holds them. A newcomer's first run
shows real verdicts, real adverse events and real stop reasons beside the generated edge cases.

The rows are kept as Parquet beside this module (`real_studies/<table>.parquet`, typed as AACT's schema says)
so that the sample can be rebuilt without `shared/`; they were taken once from the AACT export of `shared/real`,
and what that export was written without (`FROM_JSON`: the sponsors, the studies' enrollment, primary completion
and results dates, the designs' allocation and masking) from the same studies' ClinicalTrials.gov JSON, read by
AACT's rules (`sources.ctgov`):

    uv run python -m clinical_mining_tests.synthetic.real_studies ../shared/real/aact_export ../shared/real/ctgov

ARROW (NCT02028676) is one of AACT's own legacy test records, not among the JSON: those fields are null for it.
"""

import sys
import tempfile
from pathlib import Path

import polars as pl

from clinical_mining.config import AactTableConfig
from clinical_mining.sources.aact import aact_schema, read_flatfile
from clinical_mining.sources.ctgov import needed_columns, read_ctgov_table
from clinical_mining_tests.synthetic.results import RESULT_TABLES

SNAPSHOT = Path(__file__).resolve().parent / "real_studies"
# the real studies with an analysis of a primary outcome: every one of them, devices and procedures included
REAL_STUDIES = [
    "NCT00106392",
    "NCT00301262",
    "NCT00422734",
    "NCT00468650",
    "NCT00544076",
    "NCT00631969",
    "NCT00655629",
    "NCT00734604",
    "NCT00738400",
    "NCT00833638",
    "NCT00836693",
    "NCT00855582",
    "NCT00904748",
    "NCT00931528",
    "NCT01008605",
    "NCT01026818",
    "NCT01037218",
    "NCT01037244",
    "NCT01063855",
    "NCT01122264",
    "NCT01130532",
    "NCT01150903",
    "NCT01160289",
    "NCT01254396",
    "NCT01352507",
    "NCT01367860",
    "NCT01401543",
    "NCT01419236",
    "NCT01768676",
    "NCT01937871",
    "NCT02028676",
    "NCT02397473",
    "NCT02438826",
    "NCT02495467",
    "NCT02552212",
    "NCT02584686",
    "NCT02619617",
    "NCT02856893",
    "NCT02945046",
    "NCT02964338",
    "NCT03067987",
    "NCT03751280",
    "NCT03917459",
    "NCT04524598",
    "NCT04688775",
    "NCT04770285",
    "NCT04984993",
]
TABLES = (
    "studies",
    "interventions",
    "conditions",
    "intervention_other_names",
    "browse_conditions",
    *RESULT_TABLES,
    "brief_summaries",
    "designs",
    "study_references",
    "sponsors",
)
# what AACT's export of `shared/real` lacks, read from the studies' JSON: whole tables (with their own ids), and
# columns of the tables that hold one row per study, added to the export's rows by nct_id
FROM_JSON = {
    "sponsors": ["id", "nct_id", "agency_class", "lead_or_collaborator", "name"],
    "studies": ["nct_id", "enrollment", "primary_completion_date", "results_first_posted_date"],
    "designs": ["nct_id", "allocation", "masking"],
}


def import_real(export: Path, ctgov: Path, folder: Path = SNAPSHOT) -> None:
    """Take the real studies' rows of every sample table from an AACT export, completed from their
    ClinicalTrials.gov JSON (`FROM_JSON`), into the snapshot."""
    folder.mkdir(parents=True, exist_ok=True)
    studies = pl.Series(REAL_STUDIES).implode()
    specs = {table: AactTableConfig(columns=columns) for table, columns in FROM_JSON.items()}
    with tempfile.TemporaryDirectory() as cache:
        from_json = {
            table: read_ctgov_table(ctgov, table, spec, needed_columns(specs), Path(cache))[0]
            for table, spec in specs.items()
        }
    for table in TABLES:
        path = export / f"{table}.txt"
        rows = from_json.get(table)
        if path.exists():
            header = pl.read_csv(path, separator="|", n_rows=0, infer_schema=False).columns
            columns = [column for column in aact_schema()[table] if column in header]
            exported = read_flatfile(path, table, AactTableConfig(columns=columns))
            if rows is None:
                rows = exported
            else:  # the export's columns as they are, the JSON's added
                added = rows.drop([column for column in columns if column != "nct_id"], strict=False)
                rows = exported.join(added, on="nct_id", how="left", maintain_order="left")
        if rows is not None:
            rows = rows.filter(pl.col("nct_id").is_in(studies))
            rows.sort(rows.columns[0]).write_parquet(folder / f"{table}.parquet")


def real_tables(folder: Path = SNAPSHOT) -> dict[str, pl.DataFrame]:
    """The snapshot's rows per table."""
    return {path.stem: pl.read_parquet(path) for path in sorted(folder.glob("*.parquet"))}


if __name__ == "__main__":
    import_real(Path(sys.argv[1]), Path(sys.argv[2]))
