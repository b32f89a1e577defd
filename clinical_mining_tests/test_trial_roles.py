"""Roles of every AACT (study, drug), and a study's stop reason counted only for the drug the study tests."""

import polars as pl

from clinical_mining.steps.evidence.pairs import drug_disease_pairs
from clinical_mining.steps.outcomes.roles import trial_roles
from clinical_mining_tests.conftest import aact_evidence


def _evidence() -> pl.DataFrame:
    """NCT1: drug X against warfarin (stopped for bleeding); NCT2: drug X alone, no arms posted; NCT3: an add-on
    over a backbone in both arms; NCT4: two drugs, neither linked to an arm."""
    rows = [
        ("NCT1", 11, "Drug X", "CHEMBL1"),
        ("NCT1", 12, "Warfarin", "CHEMBL1464"),
        ("NCT2", 21, "Drug X", "CHEMBL1"),
        ("NCT3", 31, "Drug X", "CHEMBL1"),
        ("NCT3", 32, "Metformin", "CHEMBL1431"),
        ("NCT4", 41, "Drug X", "CHEMBL1"),
        ("NCT4", 42, "Aspirin", "CHEMBL25"),
    ]
    return (
        aact_evidence(rows)
        .with_columns(
            url=pl.lit("https://clinicaltrials.gov/study/") + pl.col("studyId"),
            disease_name=pl.lit("atrial fibrillation"),
            disease_id=pl.lit("EFO_0000275"),
            disease_vocabulary_name=pl.lit(None, pl.String),
            clinical_stage=pl.lit("PHASE_3"),
        )
        .collect()
    )


DESIGN_GROUPS = pl.DataFrame(
    {
        "id": [101, 102, 301, 302],
        "nct_id": ["NCT1", "NCT1", "NCT3", "NCT3"],
        "group_type": ["EXPERIMENTAL", "ACTIVE_COMPARATOR", "EXPERIMENTAL", "PLACEBO_COMPARATOR"],
        "title": ["Drug X", "Warfarin", "Drug X + metformin", "Placebo + metformin"],
    }
)
LINKS = pl.DataFrame(
    {"design_group_id": [101, 102, 301, 301, 302], "intervention_id": [11, 12, 31, 32, 32]},
)


def test_roles_from_the_arms_for_studies_without_results() -> None:
    roles = trial_roles(_evidence().lazy(), DESIGN_GROUPS.lazy(), LINKS.lazy())
    assert roles.select("studyId", "drug_key", "role", "role_from").rows() == [
        ("NCT1", "CHEMBL1", "INVESTIGATIONAL", "arms"),
        ("NCT1", "CHEMBL1464", "ACTIVE_COMPARATOR", "arms"),
        ("NCT2", "CHEMBL1", "INVESTIGATIONAL", "only_drug"),
        ("NCT3", "CHEMBL1", "INVESTIGATIONAL", "arms"),
        ("NCT3", "CHEMBL1431", "BACKGROUND", "arms"),
        ("NCT4", "CHEMBL1", None, None),
        ("NCT4", "CHEMBL25", None, None),
    ]
    efficacy = pl.LazyFrame({"studyId": ["NCT4"], "drug_key": ["CHEMBL25"], "role": ["ACTIVE_COMPARATOR"]})
    with_results = trial_roles(_evidence().lazy(), DESIGN_GROUPS.lazy(), LINKS.lazy(), efficacy)
    assert with_results.filter(studyId="NCT4", drug_key="CHEMBL25").select("role", "role_from").row(0) == (
        "ACTIVE_COMPARATOR",
        "analyses",
    )


def test_a_stop_for_bleeding_counts_for_the_drug_tested_not_for_warfarin() -> None:
    evidence = _evidence()
    stops = pl.DataFrame(
        {"studyId": ["NCT1", "NCT2", "NCT3", "NCT4"], "stop_group": ["Safety", "Negative", "Safety", "Safety"]}
    )
    roles = trial_roles(evidence.lazy(), DESIGN_GROUPS.lazy(), LINKS.lazy())
    final = drug_disease_pairs(evidence, stop_reasons=stops, trial_roles=roles)
    counts = final.select("drug_id", "stopped_for_safety", "stopped_for_efficacy").sort("drug_id").rows()
    # drug X: NCT1 and NCT3 for safety, NCT2 for efficacy; NCT4's roles are unknown, so it counts for no drug
    assert counts == [("CHEMBL1", 2, 1), ("CHEMBL1431", 0, 0), ("CHEMBL1464", 0, 0), ("CHEMBL25", 0, 0)]
