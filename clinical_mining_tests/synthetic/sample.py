"""Rebuild the embedded sample data set: `uv run python -m clinical_mining_tests.synthetic.sample`.

Deterministic: the same code and seed give the same files, so a change to the sample shows in review.
"""

import sys
from pathlib import Path

from clinical_mining.config import SAMPLE_DATA
from clinical_mining_tests.synthetic.aact import add_tables, generate_aact, write_flatfiles
from clinical_mining_tests.synthetic.chembl import (
    curation_export,
    indication_records,
    warning_records,
    write_indications,
)
from clinical_mining_tests.synthetic.ema import SAMPLE_MEDICINES, write_ema_workbook
from clinical_mining_tests.synthetic.pmda import SAMPLE_BLOCKS, write_pmda_pdf
from clinical_mining_tests.synthetic.real_studies import real_tables
from clinical_mining_tests.synthetic.results import known_trials
from clinical_mining_tests.synthetic.ttd import SAMPLE_DRUGS, write_ttd
from clinical_mining_tests.synthetic.vocabularies import disease_index, drug_index

SAMPLE_DIR = SAMPLE_DATA
SAMPLE_STUDIES = 300
SAMPLE_SEED = 7


def build_sample(folder: Path = SAMPLE_DIR) -> None:
    tables = add_tables(add_tables(generate_aact(SAMPLE_STUDIES, SAMPLE_SEED), known_trials()), real_tables())
    write_flatfiles(tables, folder / "aact")
    (folder / "chembl").mkdir(parents=True, exist_ok=True)
    write_indications(
        indication_records(tables["studies"]["nct_id"].to_list()), folder / "chembl" / "indications.jsonl"
    )
    curation_export(tables).write_parquet(folder / "chembl" / "curation.parquet")
    write_indications(warning_records(), folder / "chembl" / "warnings.jsonl")
    (folder / "pmda").mkdir(parents=True, exist_ok=True)
    write_pmda_pdf(folder / "pmda" / "approvals.pdf", SAMPLE_BLOCKS)
    write_ema_workbook(folder / "ema" / "medicines.xlsx", SAMPLE_MEDICINES)
    write_ttd(folder / "ttd" / "drug_disease.txt", SAMPLE_DRUGS)
    (folder / "vocabularies").mkdir(parents=True, exist_ok=True)
    disease_index().write_parquet(folder / "vocabularies" / "disease.parquet")
    drug_index().write_parquet(folder / "vocabularies" / "drug.parquet")


if __name__ == "__main__":
    build_sample(Path(sys.argv[1]) if len(sys.argv) > 1 else SAMPLE_DIR)
