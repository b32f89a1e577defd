"""Mapping labels to ids tier by tier, clinical stages, and the validated drug-disease pairs."""

from collections.abc import Callable
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from clinical_mining.sources.chembl import WARNING_SCHEMA
from clinical_mining.sources.vocabularies import DISEASE_SCHEMA, DRUG_SCHEMA
from clinical_mining.step_stats import collecting
from clinical_mining.steps.evidence.pairs import FinalDataError, drug_disease_pairs, validate_final
from clinical_mining.steps.evidence.stage import aact_stage, chembl_stage
from clinical_mining.steps.mapping.evidence import _in_evidence_order, map_evidence
from clinical_mining.steps.mapping.labels import _codes_from_strings, aligned, label_codes
from clinical_mining.steps.mapping.lookups import (
    disease_lookup,
    drug_lookup,
    find_disease_mentions,
    mesh_lookup,
    resolve_labels,
)
from clinical_mining_tests.conftest import output, run_config
from clinical_mining_tests.synthetic.aact import generate_aact
from clinical_mining_tests.synthetic.vocabularies import disease_index, drug_index

DRUGS = pl.DataFrame(
    [
        {
            "id": "CHEMBL1431",
            "name": "METFORMIN",
            "synonyms": ["Metformin"],
            "tradeNames": ["Glucophage"],
            "parentId": None,
            "childChemblIds": ["CHEMBL1703"],
        },
        {
            "id": "CHEMBL1703",
            "name": "METFORMIN HYDROCHLORIDE",
            "synonyms": [],
            "tradeNames": [],
            "parentId": "CHEMBL1431",
            "childChemblIds": [],
        },
        {
            "id": "CHEMBL1422",
            "name": "SITAGLIPTIN",
            "synonyms": [],
            "tradeNames": ["Januvia"],
            "parentId": None,
            "childChemblIds": [],
        },
        {
            "id": "CHEMBL25",
            "name": "ASPIRIN",
            "synonyms": ["ASA"],
            "tradeNames": [],
            "parentId": None,
            "childChemblIds": [],
        },
        {
            "id": "CHEMBL9999",
            "name": "ASACOL-LIKE",
            "synonyms": ["ASA"],
            "tradeNames": [],
            "parentId": None,
            "childChemblIds": [],
        },
        {
            "id": "CHEMBL112",
            "name": "PARACETAMOL",
            "synonyms": ["Acetaminophen"],
            "tradeNames": ["ASPIRIN"],
            "parentId": None,
            "childChemblIds": [],
        },
    ],
    schema=DRUG_SCHEMA,
)
DISEASES = pl.DataFrame(
    [
        {
            "id": "MONDO_0005148",
            "name": "type 2 diabetes mellitus",
            "synonyms": {
                "hasExactSynonym": ["T2DM"],
                "hasRelatedSynonym": ["diabetes"],
                "hasNarrowSynonym": [],
                "hasBroadSynonym": [],
            },
            "dbXRefs": ["MeSH:D003924", "UMLS:C0011860"],
        },
        {
            "id": "EFO_0003884",
            "name": "chronic kidney disease",
            "synonyms": {"hasExactSynonym": [], "hasRelatedSynonym": [], "hasNarrowSynonym": [], "hasBroadSynonym": []},
            "dbXRefs": ["MeSH:D051436"],
        },
        {
            "id": "EFO_0000182",
            "name": "hepatocellular carcinoma",
            "synonyms": {
                "hasExactSynonym": ["HCC"],
                "hasRelatedSynonym": [],
                "hasNarrowSynonym": [],
                "hasBroadSynonym": [],
            },
            "dbXRefs": ["MeSH:D006528"],
        },
    ],
    schema=DISEASE_SCHEMA,
)
INDICATIONS = pl.DataFrame(
    {"mesh_id": ["D051436", "D003924"], "mesh_heading": ["Renal Insufficiency, Chronic", "Diabetes Mellitus, Type 2"]}
)


def test_lookups_resolve_salts_and_keep_only_exact_synonyms() -> None:
    drugs = drug_lookup(DRUGS)
    assert drugs.filter(label="metformin hydrochloride").select("id", "vocabulary_name").row(0) == (
        "CHEMBL1431",
        "METFORMIN",
    )
    assert drugs.filter(label="glucophage")["rank"].to_list() == [3]
    diseases = disease_lookup(DISEASES)
    assert diseases.filter(label="t2dm")["id"].to_list() == ["MONDO_0005148"]
    assert diseases.filter(label="diabetes").height == 0  # a related synonym is not equivalent
    mesh = mesh_lookup(DISEASES, INDICATIONS)
    assert mesh.rows() == [
        ("diabetes mellitus type 2", "MONDO_0005148"),
        ("renal insufficiency chronic", "EFO_0003884"),
    ]


def test_labels_exact_cleaned_ambiguous_generic() -> None:
    labels = pl.Series(
        [
            "Metformin",
            "METFORMIN 500 mg film-coated tablet",
            "Metformin HCl (Glucophage®)",
            "ASA",
            "Aspirin",
            "Placebo",
            "Standard of care",
            "Chemotherapy",
            "Triazavirin",
            None,
        ]
    )
    resolved = {row["raw"]: row for row in resolve_labels(labels, drug_lookup(DRUGS), "drug").to_dicts()}
    assert (resolved["Metformin"]["id"], resolved["Metformin"]["method"]) == ("CHEMBL1431", "exact")
    assert (
        resolved["METFORMIN 500 mg film-coated tablet"]["id"],
        resolved["METFORMIN 500 mg film-coated tablet"]["method"],
    ) == ("CHEMBL1431", "cleaned")
    assert resolved["Metformin HCl (Glucophage®)"]["id"] == "CHEMBL1431"
    assert resolved["ASA"]["id"] is None and resolved["ASA"]["candidates"] == ["CHEMBL25", "CHEMBL9999"]
    assert resolved["Aspirin"]["id"] == "CHEMBL25"  # a name outranks another drug's trade name
    for generic in ("Placebo", "Standard of care", "Chemotherapy", "Triazavirin"):
        assert resolved[generic]["id"] is None and resolved[generic]["candidates"] is None
    assert len(resolved) == 9


def _evidence(**columns: list[object]) -> pl.DataFrame:
    base = {
        "studyId": ["NCT1"],
        "drug_name": ["Metformin"],
        "disease_name": ["T2DM"],
        "source": ["AACT"],
        "url": ["u"],
        "clinical_stage": ["PHASE_2"],
    }
    return pl.DataFrame({**base, **columns})


def test_trust_order_and_row_level_tiers() -> None:
    evidence = pl.DataFrame(
        {
            "studyId": ["NCT1", "NCT1", "NCT2", "NCT3", "NCT3", "NCT4", "NCT5"],
            "drug_name": ["Metformin", "Sita-X", "Glucophage + Januvia", "ASA", "Metformin", "Metformin", None],
            "disease_name": ["T2DM", "T2DM", "Diabetes Mellitus, Type 2", "Renal insufficiency", "HCC", "T2DM", None],
            "drug_id": [None, None, None, None, None, None, "CHEMBL25"],
            "disease_id": [None, None, None, None, None, None, "EFO_0000182"],
            "intervention_id": [1, 2, 3, 4, 5, 6, None],
            "source": ["AACT"] * 6 + ["FDA"],
        }
    )
    curation = pl.DataFrame(
        {
            "studyId": ["NCT4"],
            "drug_id": ["CHEMBL1422"],
            "disease_id": ["EFO_0003884"],
            "drug_name": ["Metformin"],
            "disease_name": ["T2DM"],
        }
    )
    other_names = pl.DataFrame({"intervention_id": [2, 4], "name": ["Januvia", "Acetylsalicylic acid"]})
    browse = pl.DataFrame(
        {"nct_id": ["NCT3", "NCT3"], "mesh_term": ["Renal Insufficiency, Chronic", "Carcinoma, Hepatocellular"]}
    )
    with collecting() as figures:
        mapped = map_evidence(
            evidence,
            drug_lookup(DRUGS),
            disease_lookup(DISEASES),
            curation=curation,
            mesh_lookup=mesh_lookup(DISEASES, INDICATIONS),
            browse_conditions=browse,
            intervention_other_names=other_names,
        )
    rows = {(r["studyId"], r["drug_name"], r["disease_name"]): r for r in mapped.to_dicts()}
    assert rows[("NCT1", "Metformin", "T2DM")]["drug_method"] == "exact"
    assert (rows[("NCT1", "Sita-X", "T2DM")]["drug_id"], rows[("NCT1", "Sita-X", "T2DM")]["drug_method"]) == (
        "CHEMBL1422",
        "other_name",
    )
    # curation wins over an exact dictionary match of the same label
    curated = rows[("NCT4", "Metformin", "T2DM")]
    assert (curated["drug_id"], curated["drug_method"], curated["disease_id"], curated["disease_method"]) == (
        "CHEMBL1422",
        "curation",
        "EFO_0003884",
        "curation",
    )
    # the study's other MeSH term is already taken by HCC: the free one names the unmapped condition
    renal = rows[("NCT3", "ASA", "Renal insufficiency")]
    assert (renal["disease_id"], renal["disease_method"]) == ("EFO_0003884", "mesh")
    assert renal["drug_id"] is None and renal["drug_candidates"] == ["CHEMBL25", "CHEMBL9999"]
    assert rows[("NCT3", "Metformin", "HCC")]["disease_id"] == "EFO_0000182"
    # a combination becomes one row per component, the label kept
    parts = mapped.filter(combination_label="Glucophage + Januvia").sort("drug_id")
    assert parts.select("drug_name", "drug_id", "drug_method", "disease_id").rows() == [
        ("Januvia", "CHEMBL1422", "combination", "MONDO_0005148"),
        ("Glucophage", "CHEMBL1431", "combination", "MONDO_0005148"),
    ]
    fda = mapped.filter(source="FDA").row(0, named=True)
    assert (fda["drug_method"], fda["drug_vocabulary_name"], fda["disease_vocabulary_name"]) == (
        "source",
        "ASPIRIN",
        "hepatocellular carcinoma",
    )
    assert mapped.height == evidence.height + 1  # only the combination added a row; the ambiguous ASA did not
    assert figures["drug/labels_ambiguous"] == 1 and figures["drug/method/combination"] == 2


@pytest.mark.parametrize(
    ("phase", "status", "stage"),
    [
        ("EARLY_PHASE1", "COMPLETED", "EARLY_PHASE_1"),
        ("PHASE1", None, "PHASE_1"),
        ("PHASE1/PHASE2", None, "PHASE_1_2"),
        ("PHASE2", None, "PHASE_2"),
        ("PHASE2/PHASE3", None, "PHASE_2_3"),
        ("PHASE3", None, "PHASE_3"),
        ("PHASE4", None, "PHASE_4"),
        ("NA", None, "UNKNOWN"),
        (None, "APPROVED_FOR_MARKETING", "APPROVAL"),
        (None, "AVAILABLE", "UNKNOWN"),
    ],
)
def test_aact_stages(phase: str | None, status: str | None, stage: str) -> None:
    frame = pl.DataFrame({"phase": [phase], "status": [status]}, schema={"phase": pl.String, "status": pl.String})
    assert frame.select(aact_stage(pl.col("phase"), pl.col("status")).cast(pl.String)).item() == stage


def test_chembl_stages_as_numbers_or_text() -> None:
    values = pl.Series(["4", "3.0", "2", "1.0", "0.5", "-1", None, "x"])
    assert pl.select(chembl_stage(pl.lit(values)).cast(pl.String)).to_series().to_list() == [
        "APPROVAL",
        "PHASE_3",
        "PHASE_2",
        "PHASE_1",
        "EARLY_PHASE_1",
        "UNKNOWN",
        "UNKNOWN",
        "UNKNOWN",
    ]


def _mapped_rows() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "studyId": ["NCT1", "NCT2", "label-1", "NCT3"],
            "drug_name": ["Metformin", "metformin 500 mg", None, "Triazavirin"],
            "disease_name": ["T2DM", "T2DM", "type 2 diabetes mellitus", "COVID-19"],
            "drug_id": ["CHEMBL1431", "CHEMBL1431", "CHEMBL1431", None],
            "disease_id": ["MONDO_0005148", "MONDO_0005148", "MONDO_0005148", None],
            "drug_vocabulary_name": ["METFORMIN", "METFORMIN", "METFORMIN", None],
            "disease_vocabulary_name": ["type 2 diabetes mellitus"] * 3 + [None],
            "source": ["AACT", "AACT", "FDA", "AACT"],
            "url": ["a", "b", "c", "d"],
            "clinical_stage": ["PHASE_2", "PHASE_4", "APPROVAL", "PHASE_1"],
            "overall_status": ["COMPLETED", "WITHDRAWN", None, "RECRUITING"],
            "approval_date": [None, None, date(2001, 5, 1), None],
        }
    )


def test_pairs_one_row_per_pair_with_furthest_stage() -> None:
    final = drug_disease_pairs(_mapped_rows())
    assert final.columns == [
        "pair_id",
        "drug_name",
        "disease_name",
        "drug_id",
        "disease_id",
        "max_clinical_stage",
        "mapping_status",
        "approval",
        "sources",
        "trials_with_results",
        "primary_met",
        "primary_not_met",
        "primary_mixed",
        "stopped_for_safety",
        "stopped_for_efficacy",
        "warnings",
    ]
    metformin = final.filter(drug_id="CHEMBL1431").row(0, named=True)
    assert (metformin["trials_with_results"], metformin["primary_met"], metformin["primary_not_met"]) == (0, 0, 0)
    assert final.height == 2
    assert (metformin["max_clinical_stage"], metformin["mapping_status"]) == ("APPROVAL", "FULLY_MAPPED")
    assert metformin["approval"] == [{"source": "FDA", "date": date(2001, 5, 1)}]
    assert {s["studyId"]: s["status"] for s in metformin["sources"]} == {
        "NCT1": "COMPLETED",
        "NCT2": "WITHDRAWN",
        "label-1": None,
    }
    triazavirin = final.filter(pl.col("drug_id").is_null()).row(0, named=True)
    assert (triazavirin["drug_name"], triazavirin["mapping_status"], triazavirin["approval"]) == (
        "Triazavirin",
        "UNMAPPED",
        None,
    )


def test_pairs_count_trials_with_results_and_their_verdicts() -> None:
    rows = pl.concat(
        [_mapped_rows(), _mapped_rows().head(1).with_columns(studyId=pl.lit("NCT9"), url=pl.lit("e"))],
        how="vertical_relaxed",
    )
    efficacy = pl.DataFrame(
        {
            "studyId": ["NCT1", "NCT2", "NCT9", "NCT3"],
            "drug_key": ["CHEMBL1431", "CHEMBL1431", "CHEMBL1431", "triazavirin"],
            "primary_verdict": ["MET", "INDETERMINATE", "NI_NOT_SHOWN", "NON_INFERIOR"],
        }
    )
    final = drug_disease_pairs(rows, efficacy)
    counts = final.select("drug_name", "trials_with_results", "primary_met", "primary_not_met").rows()
    assert counts == [("METFORMIN", 3, 1, 1), ("Triazavirin", 1, 1, 0)]
    broken = final.with_columns(primary_met=pl.lit(5, pl.UInt32))
    assert validate_final(broken)[0].startswith("more verdicts than trials with results: 2 row(s)")


def test_validation_names_each_problem() -> None:
    good = drug_disease_pairs(_mapped_rows())
    assert validate_final(good) == []
    assert validate_final(good.drop("approval")) == ["column approval: missing"]
    assert validate_final(good.head(0)) == ["no rows: an empty final_df would replace the last good one"]
    mapped = pl.col("drug_id").is_not_null()
    bad_ids = good.with_columns(
        drug_id=pl.when(mapped).then(pl.lit("chembl-1")), disease_id=pl.when(mapped).then(pl.lit("EFO:0000305"))
    )
    example = "('METFORMIN', 'type 2 diabetes mellitus', 'chembl-1', 'EFO:0000305')"
    assert validate_final(bad_ids) == [
        f"drug_id not like CHEMBL123: 1 row(s), e.g. {example}",
        f"disease_id not like EFO_0000305: 1 row(s), e.g. {example}",
    ]
    assert validate_final(pl.concat([good, good.head(1)]))[0].startswith("duplicate pair keys: 2 row(s)")
    with pytest.raises(FinalDataError, match="drug_id not like CHEMBL123"):
        drug_disease_pairs(_mapped_rows().with_columns(drug_id=pl.lit("X1")))


def test_a_failing_final_df_keeps_the_last_good_file(write_config: Callable[..., Path], tmp_path: Path) -> None:
    good_rows, bad_rows = tmp_path / "good.parquet", tmp_path / "bad.parquet"
    _mapped_rows().write_parquet(good_rows)
    _mapped_rows().with_columns(disease_id=pl.lit("not an id")).write_parquet(bad_rows)
    steps = [
        {"name": "rows", "function": "clinical_mining_tests.step_functions.read_parquet", "parameters": {"path": ""}},
        {
            "name": "final_df",
            "function": "clinical_mining.steps.evidence.pairs.drug_disease_pairs",
            "parameters": {"evidence": "$rows"},
        },
    ]
    steps[0]["parameters"] = {"path": str(good_rows)}
    config = write_config({"process": steps})
    assert run_config(config).success
    first = output(config, "final_df")
    steps[0]["parameters"] = {"path": str(bad_rows)}
    config = write_config({"process": steps})
    failed = run_config(config)
    assert not failed.success
    assert "disease_id not like EFO_0000305" in failed.get_step_failure_events()[0].step_failure_data.error.to_string()
    assert output(config, "final_df").equals(first)


def test_disease_qualifiers_are_a_last_tier() -> None:
    evidence = pl.DataFrame(
        {
            "studyId": ["A", "B", "C"],
            "drug_name": ["Metformin"] * 3,
            "disease_name": ["Advanced Hepatocellular Carcinoma", "Relapsed HCC in adults", "Chronic Kidney Disease"],
        }
    )
    mapped = map_evidence(evidence, drug_lookup(DRUGS), disease_lookup(DISEASES))
    assert mapped.select("disease_name", "disease_id", "disease_method").rows() == [
        ("Advanced Hepatocellular Carcinoma", "EFO_0000182", "qualified"),
        ("Relapsed HCC in adults", "EFO_0000182", "qualified"),
        ("Chronic Kidney Disease", "EFO_0003884", "exact"),  # "chronic" is part of this disease's name
    ]


def test_the_benchmark_long_tail_spreads_labels_as_the_registry_does_and_maps_by_kind() -> None:
    """The benchmark's AACT has the registry's spread of labels (~40% of intervention names and ~10% of
    condition names distinct); each kind of variant maps as such a label should. The sample keeps its labels."""
    tables = generate_aact(4000, seed=5, long_tail=True)
    names, conditions = tables["interventions"]["name"], tables["conditions"]["name"]
    assert names.n_unique() > 0.35 * names.len()
    assert conditions.n_unique() > 0.08 * conditions.len()
    assert generate_aact(4000, seed=5)["interventions"]["name"].n_unique() < 300

    drugs = resolve_labels(names, drug_lookup(drug_index()), "drug")
    dosed = drugs.filter(pl.col("raw").str.contains(r"^\w+ \d+ mg$")).with_columns(
        base=pl.col("raw").str.replace(r" \d+ mg$", "")
    )
    bases = resolve_labels(dosed["base"], drug_lookup(drug_index()), "drug").select(base="raw", base_id="id")
    dosed = dosed.join(bases, on="base").filter(pl.col("base_id").is_not_null())
    assert dosed.height > 20
    assert (dosed["id"] == dosed["base_id"]).all()  # "Nivolumab 984 mg" is Nivolumab, found once cleaned
    assert set(dosed["method"]) == {"cleaned"}
    codes = drugs.filter(pl.col("raw").str.contains(r"^[A-Z]+-\d+$") & (pl.col("raw") != "ABC-1234"))
    assert codes.height > 100
    assert codes["id"].null_count() == codes.height  # a sponsor's compound code is in no vocabulary

    diseases = resolve_labels(conditions, disease_lookup(disease_index()), "disease")
    qualified = diseases.filter(pl.col("raw").str.contains("^(Advanced|Recurrent|Refractory|Metastatic) "))
    assert qualified["method"].drop_nulls().unique().to_list() == ["qualified"]
    subtypes = diseases.filter(pl.col("raw").str.contains(r" subtype \d+$"))
    assert subtypes.height > 50
    assert subtypes["id"].null_count() == subtypes.height  # left to the study's MeSH terms


def test_rows_for_several_ids_keep_every_column_of_their_source_row() -> None:
    """A (study, label) curated to two ids and a label naming three drugs each become a row per id or
    component that is a drug (the placebo component gives none), with the rest of their source row, and the
    other rows stay as they were."""
    evidence = pl.DataFrame(
        {
            "studyId": ["NCT6", "NCT7", "NCT8"],
            "drug_name": ["Janumet", "Metformin + Januvia + Placebo", "Metformin"],
            "disease_name": ["T2DM", "T2DM", "T2DM"],
            "url": ["u6", "u7", "u8"],
            "start_date": [date(2020, 1, 6), date(2020, 1, 7), date(2020, 1, 8)],
        }
    )
    curation = pl.DataFrame(
        {
            "studyId": ["NCT6", "NCT6"],
            "drug_id": ["CHEMBL1431", "CHEMBL1422"],
            "disease_id": [None, None],
            "drug_name": ["Janumet", "Janumet"],
            "disease_name": ["T2DM", "T2DM"],
        }
    )
    mapped = map_evidence(evidence, drug_lookup(DRUGS), disease_lookup(DISEASES), curation=curation)
    columns = ["studyId", "drug_name", "drug_id", "drug_method", "combination_label", "url", "start_date"]
    assert sorted(mapped.select(columns).rows(), key=str) == sorted(
        [
            ("NCT6", "Janumet", "CHEMBL1422", "curation", None, "u6", date(2020, 1, 6)),
            ("NCT6", "Janumet", "CHEMBL1431", "curation", None, "u6", date(2020, 1, 6)),
            ("NCT7", "Metformin", "CHEMBL1431", "combination", "Metformin + Januvia + Placebo", "u7", date(2020, 1, 7)),
            ("NCT7", "Januvia", "CHEMBL1422", "combination", "Metformin + Januvia + Placebo", "u7", date(2020, 1, 7)),
            ("NCT8", "Metformin", "CHEMBL1431", "exact", None, "u8", date(2020, 1, 8)),
        ],
        key=str,
    )
    assert set(mapped["disease_id"]) == {"MONDO_0005148"}


def _disease_vocabulary(*entries: tuple[str, str, list[str]]) -> pl.DataFrame:
    return pl.DataFrame(
        [
            {
                "id": disease_id,
                "name": name,
                "synonyms": {
                    "hasExactSynonym": synonyms,
                    "hasRelatedSynonym": [],
                    "hasNarrowSynonym": [],
                    "hasBroadSynonym": [],
                },
                "dbXRefs": [],
            }
            for disease_id, name, synonyms in entries
        ],
        schema=DISEASE_SCHEMA,
    )


def test_disease_labels_keep_the_words_a_drug_label_sheds() -> None:
    vocabulary = _disease_vocabulary(
        ("EFO_0003868", "oral cancer", []),
        ("EFO_0000756", "melanoma", []),
        ("HP_0002902", "sodium deficiency", ["hyponatremia"]),
        ("EFO_0000305", "breast carcinoma", ["breast cancer"]),
    )
    labels = pl.Series(
        ["Cancer, Oral", "Sodium deficiency (chronic)", "Stage IV Melanoma", "Cancer (breast, ductal)", "Oral"]
    )
    resolved = {r["raw"]: r for r in resolve_labels(labels, disease_lookup(vocabulary), "disease").to_dicts()}
    assert (resolved["Cancer, Oral"]["id"], resolved["Cancer, Oral"]["method"]) == ("EFO_0003868", "cleaned")
    assert resolved["Sodium deficiency (chronic)"]["id"] == "HP_0002902"
    # "IV" is a stage here, not "intravenous": the qualified tier, not the cleaned one, finds melanoma
    assert (resolved["Stage IV Melanoma"]["id"], resolved["Stage IV Melanoma"]["method"]) == (
        "EFO_0000756",
        "qualified",
    )
    # the parentheses go before the comma is read as an inversion: "cancer", which is no disease of the vocabulary
    assert resolved["Cancer (breast, ductal)"]["id"] is None
    assert resolved["Oral"]["id"] is None
    # the drug side still sheds forms and salts
    drugs = resolve_labels(pl.Series(["Metformin Oral Tablet 5 MG/ML"]), drug_lookup(DRUGS), "drug")
    assert drugs.select("id", "method").row(0) == ("CHEMBL1431", "cleaned")


def test_salt_ids_from_a_source_or_the_curation_become_the_parent() -> None:
    evidence = pl.DataFrame(
        {
            "studyId": ["label-1", "NCT1"],
            "drug_name": [None, "Glucophage XR"],
            "disease_name": ["type 2 diabetes mellitus", "T2DM"],
            "drug_id": ["CHEMBL1703", None],
            "source": ["FDA", "AACT"],
        }
    )
    curation = pl.DataFrame(
        {
            "studyId": ["NCT1"],
            "drug_id": ["CHEMBL1703"],
            "disease_id": [None],
            "drug_name": ["Glucophage XR"],
            "disease_name": [None],
        },
        schema={
            "studyId": pl.String,
            "drug_id": pl.String,
            "disease_id": pl.String,
            "drug_name": pl.String,
            "disease_name": pl.String,
        },
    )
    with collecting() as figures:
        mapped = map_evidence(evidence, drug_lookup(DRUGS), disease_lookup(DISEASES), curation=curation)
    assert mapped.select("studyId", "drug_id", "drug_method", "drug_vocabulary_name").rows() == [
        ("NCT1", "CHEMBL1431", "curation", "METFORMIN"),
        ("label-1", "CHEMBL1431", "source", "METFORMIN"),
    ]
    assert figures["drug/ids_folded_to_parent"] == 2
    final = drug_disease_pairs(mapped.with_columns(url=pl.lit("u"), clinical_stage=pl.lit("PHASE_2")))
    assert final.select("drug_name", "drug_id", "disease_id").rows() == [("METFORMIN", "CHEMBL1431", "MONDO_0005148")]


def test_combination_components_are_only_the_drugs() -> None:
    evidence = pl.DataFrame(
        {
            "studyId": ["NCT1", "NCT2", "NCT3", "NCT4"],
            "drug_name": [
                "Placebo + Metformin",
                "Metformin 5 MG/ML / Januvia",
                "standard treatment COVID-19 + Triazavirin",
                "Januvia + Metformin",
            ],
            "disease_name": ["T2DM"] * 4,
        }
    )
    mapped = map_evidence(evidence, drug_lookup(DRUGS), disease_lookup(DISEASES))
    rows = mapped.select("studyId", "drug_name", "drug_id", "drug_method", "combination_label").rows()
    assert rows == [
        ("NCT1", "Metformin", "CHEMBL1431", "combination", "Placebo + Metformin"),
        ("NCT2", "Januvia", "CHEMBL1422", "combination", "Metformin 5 MG/ML / Januvia"),
        ("NCT2", "Metformin", "CHEMBL1431", "combination", "Metformin 5 MG/ML / Januvia"),
        # no component is a known drug: the label's row stays, unmapped, and no "standard treatment" row appears
        ("NCT3", "standard treatment COVID-19 + Triazavirin", None, None, None),
        ("NCT4", "Januvia", "CHEMBL1422", "combination", "Januvia + Metformin"),
        ("NCT4", "Metformin", "CHEMBL1431", "combination", "Januvia + Metformin"),
    ]


def test_mesh_names_only_the_one_unmapped_condition_and_never_a_generic_one() -> None:
    vocabulary = _disease_vocabulary(("EFO_0000537", "hypertension", []))
    xrefs = vocabulary.with_columns(dbXRefs=pl.lit(["MeSH:D006973"]))
    headings = pl.DataFrame({"mesh_id": ["D006973"], "mesh_heading": ["Hypertension"]})
    evidence = pl.DataFrame(
        {
            "studyId": ["NCT1", "NCT1", "NCT2", "NCT3"],
            "drug_name": ["Aspirin"] * 4,
            "disease_name": ["Healthy subjects", "High blood pressure", "Raised BP", "Healthy Volunteers"],
        }
    )
    browse = pl.DataFrame({"nct_id": ["NCT1", "NCT2", "NCT3"], "mesh_term": ["Hypertension"] * 3})
    mapped = map_evidence(
        evidence,
        drug_lookup(DRUGS),
        disease_lookup(vocabulary),
        mesh_lookup=mesh_lookup(xrefs, headings),
        browse_conditions=browse,
    )
    assert mapped.select("studyId", "disease_name", "disease_id", "disease_method").rows() == [
        ("NCT1", "Healthy subjects", None, None),  # two unmapped conditions: which one the term names is unknown
        ("NCT1", "High blood pressure", None, None),
        ("NCT2", "Raised BP", "EFO_0000537", "mesh"),
        ("NCT3", "Healthy Volunteers", None, None),  # the only one, but not a disease
    ]


def test_a_later_tier_does_not_erase_an_ambiguous_rows_method_and_candidates() -> None:
    evidence = pl.DataFrame(
        {"studyId": ["NCT1"], "drug_name": ["ASA"], "disease_name": ["T2DM"], "intervention_id": [7]}
    )
    other_names = pl.DataFrame({"intervention_id": [7], "name": ["Acetaminophen"]})
    mapped = map_evidence(
        evidence, drug_lookup(DRUGS), disease_lookup(DISEASES), intervention_other_names=other_names
    ).row(0, named=True)
    assert (mapped["drug_id"], mapped["drug_method"], mapped["drug_candidates"]) == (
        None,
        "exact",
        ["CHEMBL25", "CHEMBL9999"],
    )


def test_an_all_null_stage_fails_validation() -> None:
    good = drug_disease_pairs(_mapped_rows())
    nulls = good.with_columns(max_clinical_stage=pl.lit(None, pl.String))
    assert validate_final(nulls) == [
        "max_clinical_stage null or unknown: 2 row(s), e.g. ('METFORMIN', 'type 2 diabetes mellitus', 'CHEMBL1431',"
        " 'MONDO_0005148')"
    ]


def test_free_text_finds_abbreviations_only_in_their_own_case_and_no_short_words() -> None:
    vocabulary = _disease_vocabulary(
        ("MONDO_0005301", "multiple sclerosis", ["MS"]),
        ("EFO_0000220", "acute lymphoblastic leukemia", ["ALL"]),
        ("MONDO_0005812", "influenza", ["flu"]),
        ("EFO_0000182", "hepatocellular carcinoma", ["HCC"]),
    )
    notes = pl.Series(
        [
            "Indicated for all patients with relapsing MS (multiple sclerosis).",
            "Infuse over 5 ms; not for the flu season.",
            "For unresectable HCC and for ALL in children.",
            "for hcc, ms or all",
        ]
    )
    found = dict(find_disease_mentions(notes, disease_lookup(vocabulary)).rows())
    assert found == {
        "Indicated for all patients with relapsing MS (multiple sclerosis).": ["multiple sclerosis", "ms"],
        "Infuse over 5 ms; not for the flu season.": [],
        "For unresectable HCC and for ALL in children.": ["hcc", "all"],
        "for hcc, ms or all": [],
    }


def test_a_source_method_such_as_text_match_is_kept() -> None:
    evidence = _evidence(disease_id=["MONDO_0005148"], disease_method=["text_match"], source=["PMDA"])
    mapped = map_evidence(evidence, drug_lookup(DRUGS), disease_lookup(DISEASES)).row(0, named=True)
    assert (mapped["disease_method"], mapped["drug_method"]) == ("text_match", "exact")


def test_a_withdrawal_on_a_salt_reaches_the_drug_and_changes_nothing_else() -> None:
    warnings = pl.DataFrame(
        [
            {
                "warning_id": 1,
                "molecule_chembl_id": "CHEMBL1703",
                "warning_type": "Withdrawn",
                "warning_class": "hepatotoxicity",
                "warning_country": "France; Germany;France",
                "warning_year": "1999",
            },
            {
                "warning_id": 2,
                "molecule_chembl_id": "CHEMBL999999",
                "warning_type": "Black Box Warning",
                "warning_class": "cardiotoxicity",
                "warning_country": None,
                "warning_year": None,
            },
        ],
        schema=WARNING_SCHEMA,
    )
    plain = drug_disease_pairs(_mapped_rows())
    with collecting() as figures:
        warned = drug_disease_pairs(_mapped_rows(), drug_warnings=warnings, drug_lookup=drug_lookup(DRUGS))
    metformin = warned.filter(drug_id="CHEMBL1431").row(0, named=True)
    assert metformin["warnings"] == [
        {
            "warning_type": "Withdrawn",
            "warning_class": "hepatotoxicity",
            "countries": ["France", "Germany"],
            "year": 1999,
        }
    ]
    # the approval, the stage and every other column stand as they were; a warning is no approval either
    assert warned.drop("warnings").equals(plain.drop("warnings"))
    assert (metformin["max_clinical_stage"], metformin["approval"]) == (
        "APPROVAL",
        [{"source": "FDA", "date": date(2001, 5, 1)}],
    )
    assert warned.filter(pl.col("drug_id").is_null())["warnings"].to_list() == [None]
    assert figures["warnings/for_a_molecule_not_in_the_vocabulary"] == 1


@pytest.mark.parametrize("codes", [label_codes, _codes_from_strings], ids=["by hash", "by string"])
def test_label_codes_give_each_row_the_position_of_its_label(
    codes: Callable[[pl.Series], tuple[pl.Series, pl.Series]],
) -> None:
    """Both ways, the hashes' and the strings' that two colliding labels would fall back to."""
    labels = pl.Series(["Aspirin", None, "aspirin", "Aspirin", "", None, "Metformin"])
    distinct, code = codes(labels)
    assert distinct.dtype == pl.String and code.dtype == pl.UInt32 and code.null_count() == 0
    assert sorted(distinct.to_list(), key=str) == sorted(["Aspirin", None, "aspirin", "", "Metformin"], key=str)
    assert distinct.gather(code).to_list() == labels.to_list()
    assert code[0] == code[3] and code[1] == code[5] and len(set(code.to_list())) == 5


def test_evidence_order_packs_the_text_ranks_into_several_words_when_one_cannot_hold_them() -> None:
    """Four columns of about 2^17 distinct values need 70 bits: the ranks go into two words, and the order is still the
    four texts' order with nulls last, whatever the rows' order."""
    ids = pl.int_range(1 << 17, eager=True).alias("id").to_frame()
    frame = ids.select(
        source=pl.when(pl.col("id") % 5 == 0).then(pl.lit("AACT")).otherwise(pl.format("S{}", "id")),
        studyId=pl.format("NCT{}", pl.col("id").reverse()),
        drug_name=pl.when(pl.col("id") % 7 == 0).then(None).otherwise(pl.format("drug {}", pl.col("id") % 100_000)),
        disease_name=pl.format("disease {}", "id"),
        disease_id=pl.format("EFO_{}", "id"),
    )
    texts = ["source", "studyId", "drug_name", "disease_name"]
    expected = frame.sort([*texts, "disease_id"], nulls_last=True)
    for seed in (1, 2):
        shuffled = frame.sample(fraction=1.0, shuffle=True, seed=seed)
        assert _in_evidence_order(shuffled).equals(expected)


def test_no_evidence_maps_to_no_rows() -> None:
    empty = pl.DataFrame(
        schema={"studyId": pl.String, "source": pl.String, "drug_name": pl.String, "disease_name": pl.String}
    )
    mapped = map_evidence(empty, drug_lookup(DRUGS), disease_lookup(DISEASES))
    assert mapped.height == 0
    assert {"drug_id", "disease_id", "drug_method", "combination_label"} <= set(mapped.columns)


def test_aligned_gives_the_tables_columns_in_the_frames_order() -> None:
    """The lookup every mapping tier and final_df's counts use: one row per frame row, null where no key
    matches, a null key matching the table's only with nulls_equal, list columns carried whole; a table with
    two rows for one key is an error, never a silently multiplied frame."""
    frame = pl.DataFrame({"study": ["B", "A", None, "C", "B"], "label": ["x", "y", "z", "x", "x"]})
    table = pl.DataFrame(
        {"study": ["A", "B", None], "label": ["y", "x", "z"], "ids": [["CHEMBL1"], ["CHEMBL2", "CHEMBL3"], ["CHEMBL4"]]}
    )
    found = aligned(frame, ["study", "label"], table)
    assert found.columns == ["ids"]
    assert found["ids"].to_list() == [["CHEMBL2", "CHEMBL3"], ["CHEMBL1"], None, None, ["CHEMBL2", "CHEMBL3"]]
    assert aligned(frame, ["study", "label"], table, nulls_equal=True)["ids"][2].to_list() == ["CHEMBL4"]
    with pytest.raises(ValueError, match="several rows for one study, label key"):
        aligned(frame, ["study", "label"], pl.concat([table, table.head(1)]))
