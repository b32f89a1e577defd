"""TTD's drug-disease file as evidence: one row per drug and indication, at the stage of its clinical status."""

import polars as pl

from clinical_mining.column_docs import describes
from clinical_mining.step_stats import record
from clinical_mining.steps.evidence.columns import EVIDENCE_COLUMNS
from clinical_mining.steps.evidence.stage import TTD_WITHOUT_STAGE, ttd_stage

TTD_URL = "https://db.idrblab.net/ttd/data/drug/details/{}"  # the drug's page on TTD's site


@describes(EVIDENCE_COLUMNS)
def indication_evidence(ttd: pl.DataFrame) -> pl.DataFrame:
    """Each indication of each drug, the disease and the drug as TTD writes them (the mapping step maps them),
    the clinical status kept as written beside its stage (`stage.ttd_stage`): a Terminated or Withdrawn from
    market status is evidence that stays visible, never an approval."""
    status = pl.col("clinical_status")
    evidence = ttd.select(
        studyId="ttd_drug_id",
        drug_name="drug_name",
        disease_name="disease_name",
        source=pl.lit("TTD"),
        url=pl.format(TTD_URL, "ttd_drug_id"),
        phase=status,
        clinical_stage=ttd_stage(status),
        regulatory_status=status,
    ).unique(maintain_order=True)
    record("indications_in", ttd.height)
    record("evidence_rows", evidence.height)
    named = pl.col("regulatory_status").str.to_lowercase().str.contains(TTD_WITHOUT_STAGE).fill_null(False)
    record("statuses_not_recognised", evidence.filter((pl.col("clinical_stage") == "UNKNOWN") & ~named).height)
    for stage, count in evidence["clinical_stage"].cast(pl.String).value_counts().sort("clinical_stage").iter_rows():
        record(f"stage/{stage}", count)
    return evidence
