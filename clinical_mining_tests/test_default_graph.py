"""The default config on the embedded sample: the whole graph, its shape, and the CLI that users run."""

import csv
import json
import os
import shutil
import subprocess
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl
import pyarrow.parquet
import pytest
from dagster import AssetKey, DagsterEventType, DagsterInstance

from benchmarks.efficacy_real import LABELS as REAL_LABELS
from benchmarks.efficacy_real import labelled_rows
from clinical_mining.config import PROJECT_ROOT, load_config
from clinical_mining.definitions import build_definitions
from clinical_mining.steps.evidence.aact import TRIAL_METADATA
from clinical_mining.steps.evidence.pairs import pair_ids
from clinical_mining.steps.mapping.evidence import coverage as label_coverage
from clinical_mining.steps.outcomes.stop_reasons import MAX_LENGTH, STOPPED_STATUSES
from clinical_mining_tests.conftest import REAL_TRIAL_METADATA, run_config
from clinical_mining_tests.synthetic.aact import ABBREVIATED_DISEASES
from clinical_mining_tests.synthetic.real_studies import REAL_STUDIES
from clinical_mining_tests.synthetic.results import KNOWN_CANDIDATES, KNOWN_SAFETY, KNOWN_STOP_GROUPS, KNOWN_VERDICTS

SAMPLE = PROJECT_ROOT / "clinical_mining" / "sample_data" / "aact"
FINAL_COLUMNS = [
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
EXPECTED_GRAPH = {
    "studies": ("sources", []),
    "sponsors": ("sources", []),
    "study_references": ("sources", []),
    "designs": ("sources", []),
    "interventions": ("sources", []),
    "conditions": ("sources", []),
    "intervention_other_names": ("sources", []),
    "browse_conditions": ("sources", []),
    "design_groups": ("sources", []),
    "design_group_interventions": ("sources", []),
    "result_groups": ("sources", []),
    "outcomes": ("sources", []),
    "outcome_analyses": ("sources", []),
    "outcome_analysis_groups": ("sources", []),
    "outcome_measurements": ("sources", []),
    "reported_events": ("sources", []),
    "reported_event_totals": ("sources", []),
    "chembl_indications": ("sources", []),
    "chembl_curation": ("sources", []),
    "drug_warnings": ("sources", []),
    "pmda": ("sources", []),
    "ema": ("sources", []),
    "ttd": ("sources", []),
    "disease_vocabulary": ("sources", []),
    "drug_vocabulary": ("sources", []),
    "drug_lookup": ("setup", ["drug_vocabulary"]),
    "disease_lookup": ("setup", ["disease_vocabulary"]),
    "mesh_lookup": ("setup", ["chembl_indications", "disease_vocabulary"]),
    "trials": ("setup", ["designs", "sponsors", "studies", "study_references"]),
    "aact_evidence": ("union", ["conditions", "interventions", "trials"]),
    "chembl_evidence": ("union", ["chembl_indications"]),
    "pmda_evidence": ("union", ["disease_lookup", "pmda"]),
    "ema_evidence": ("union", ["disease_lookup", "ema", "mesh_lookup"]),
    "ttd_evidence": ("union", ["ttd"]),
    "union": ("union", ["aact_evidence", "chembl_evidence", "ema_evidence", "pmda_evidence", "ttd_evidence"]),
    "evidence": (
        "process",
        [
            "browse_conditions",
            "chembl_curation",
            "disease_lookup",
            "drug_lookup",
            "intervention_other_names",
            "mesh_lookup",
            "studies",
            "union",
        ],
    ),
    "result_group_arms": (
        "process",
        [
            "design_group_interventions",
            "design_groups",
            "evidence",
            "intervention_other_names",
            "interventions",
            "result_groups",
        ],
    ),
    "efficacy": (
        "process",
        [
            "evidence",
            "outcome_analyses",
            "outcome_analysis_groups",
            "outcome_measurements",
            "outcomes",
            "result_group_arms",
        ],
    ),
    "trial_efficacy": ("process", ["efficacy", "evidence", "outcome_analyses", "outcomes", "result_group_arms"]),
    "trial_safety": (
        "process",
        ["efficacy", "evidence", "outcome_analysis_groups", "reported_event_totals", "result_group_arms"],
    ),
    "trial_roles": ("process", ["design_group_interventions", "design_groups", "evidence", "trial_efficacy"]),
    "safety_signals": (
        "process",
        ["reported_event_totals", "reported_events", "result_group_arms", "trial_safety"],
    ),
    "stop_reasons": ("process", ["studies"]),
    "repurposing_candidates": (
        "process",
        [
            "disease_vocabulary",
            "drug_lookup",
            "drug_warnings",
            "evidence",
            "stop_reasons",
            "trial_efficacy",
            "trial_roles",
        ],
    ),
    "final_df": (
        "process",
        ["drug_lookup", "drug_warnings", "evidence", "stop_reasons", "trial_efficacy", "trial_roles", "trials"],
    ),
}


def _rows(table: str) -> list[dict[str, str]]:
    """The sample's flat file read with the csv module: an oracle independent of the Polars reader."""
    with open(SAMPLE / f"{table}.txt", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="|"))


def expected_aact_evidence() -> dict[str, list[tuple[str, str]]]:
    """Sorted (drug label, condition label) rows per study, by the seed pipeline's filters written out plainly."""
    kept = {
        r["nct_id"]
        for r in _rows("studies")
        if r["study_type"] in {"INTERVENTIONAL", "OBSERVATIONAL", "EXPANDED_ACCESS"}
    }
    drugs: dict[str, list[str]] = defaultdict(list)
    for r in _rows("interventions"):
        name = r["name"].lower()
        # a placebo by its first words, or by its last ("LCZ696 matching placebo", "placebo tablets")
        ending = name.rstrip(" .)").split()
        is_placebo = name.startswith(("placebo", "matching placebo")) or (
            "placebo" in ending[-2:]
            and ending[-1] in {"placebo", "placebos", "tablet", "tablets", "capsule", "capsules"}
        )
        if r["intervention_type"] in {"DRUG", "BIOLOGICAL", "COMBINATION_PRODUCT"} and not is_placebo:
            drugs[r["nct_id"]].append(r["name"])
    expected: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in _rows("conditions"):
        if r["nct_id"] in kept and not r["name"].lower().startswith("healthy"):
            expected[r["nct_id"]] += [(drug, r["name"]) for drug in drugs[r["nct_id"]]]
    return {study: sorted(rows) for study, rows in expected.items() if rows}


def materialize_with_cli(folder: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """The README's command, `dagster asset materialize -m clinical_mining.definitions --select '*'`."""
    command = [
        str(Path(sys.executable).parent / "dagster"),
        "asset",
        "materialize",
        "-m",
        "clinical_mining.definitions",
        "--select",
        "*",
    ]
    return subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, timeout=600)


def test_default_graph_shape() -> None:
    graph = build_definitions(load_config(PROJECT_ROOT / "config" / "clinical_mining.yaml")).resolve_asset_graph()
    shape = {
        key.to_user_string(): (
            graph.get(key).group_name,
            sorted(p.to_user_string() for p in graph.get(key).parent_keys),
        )
        for key in graph.get_all_asset_keys()
    }
    assert shape == EXPECTED_GRAPH
    assert graph.get(AssetKey("studies")).kinds == {"csv", "polars"}
    assert graph.get(AssetKey("final_df")).kinds == {"polars"}


def _has_statistics(path: Path, column: str | None = None) -> bool:
    """Whether the file's first row group has min/max statistics (for `column`, else for any column)."""
    group = pyarrow.parquet.ParquetFile(path).metadata.row_group(0)
    chunks = [group.column(i) for i in range(group.num_columns)]
    return any(chunk.is_stats_set for chunk in chunks if column in (None, chunk.path_in_schema))


def _pair(final: pl.DataFrame, drug_id: str, disease_id: str) -> dict[str, Any]:
    rows = final.filter(drug_id=drug_id, disease_id=disease_id)
    assert rows.height == 1, (drug_id, disease_id)
    return rows.row(0, named=True)


def _sources(pair: dict[str, Any], source: str) -> set[tuple[str, str, str | None]]:
    return {(s["studyId"], s["phase"], s["status"]) for s in pair["sources"] if s["source"] == source}


def _assert_regulators(final: pl.DataFrame, mapped: pl.DataFrame) -> None:
    """The sample's EMA medicines and TTD indications (synthetic/ema.py, synthetic/ttd.py) as final_df shows them."""
    imatinib_cml = _pair(final, "CHEMBL941", "EFO_0000339")  # Glivec: MeSH area with commas, ';'-joined
    assert {"source": "EMA", "date": date(2001, 11, 7)} in imatinib_cml["approval"]
    assert {"source": "TTD", "date": None} in imatinib_cml["approval"]
    assert _sources(imatinib_cml, "EMA") >= {("EMEA/H/C/000406", "APPROVAL", "Authorised")}
    assert _sources(imatinib_cml, "TTD") == {("D0X1AA", "APPROVAL", "Approved")}
    adalimumab = _pair(final, "CHEMBL1201580", "EFO_0000384")  # an Excel serial-number date
    assert {"source": "EMA", "date": date(2003, 9, 8)} in adalimumab["approval"]
    sorafenib = _pair(final, "CHEMBL1336", "EFO_0000182")  # authorisation withdrawn: still an approval
    assert {"source": "EMA", "date": date(2016, 3, 12)} in sorafenib["approval"]
    assert _sources(sorafenib, "EMA") == {("EMEA/H/C/009901", "APPROVAL", "Withdrawn")}
    withdrawn = mapped.filter(studyId="EMEA/H/C/009901").row(0, named=True)
    assert (withdrawn["regulatory_status"], withdrawn["status_date"]) == ("Withdrawn", date(2020, 6, 30))
    hcq_covid = _pair(final, "CHEMBL1535", "MONDO_0100096")  # refused in the EU, terminated in TTD: no approval
    assert not any(a["source"] in ("EMA", "TTD") for a in hcq_covid["approval"] or [])
    assert _sources(hcq_covid, "EMA") == {("EMEA/H/C/009902", "UNKNOWN", "Refused")}
    assert _sources(hcq_covid, "TTD") == {("D0X1AC", "UNKNOWN", "Terminated")}
    assert hcq_covid["max_clinical_stage"] != "APPROVAL"
    aspirin = _pair(final, "CHEMBL25", "MONDO_0005575")  # an application withdrawn
    assert _sources(aspirin, "EMA") == {("EMEA/H/C/009903", "UNKNOWN", "Application withdrawn")}
    celecoxib_oa = _pair(final, "CHEMBL118", "EFO_0002506")
    assert _sources(celecoxib_oa, "TTD") == {("D0X1AE", "UNKNOWN", "Withdrawn from market")}
    celecoxib_crc = _pair(final, "CHEMBL118", "MONDO_0005575")
    assert _sources(celecoxib_crc, "TTD") == {("D0X1AE", "PHASE_3", "Discontinued in Phase 3")}
    sildenafil_hf = _pair(final, "CHEMBL192", "EFO_0003144")  # "Phase 2a"
    assert _sources(sildenafil_hf, "TTD") == {("D0X1AB", "PHASE_2", "Phase 2a")}
    paracetamol = _pair(final, "CHEMBL112", "HP_0012531")  # the older one-field indication line
    assert _sources(paracetamol, "TTD") == {("D0X1AD", "APPROVAL", "Approved")}
    # Veklury's MeSH area is not in the vocabulary: the indication text names COVID-19
    remdesivir = mapped.filter(studyId="EMEA/H/C/005622", disease_id="MONDO_0100096")
    assert remdesivir.select("drug_id", "disease_method").rows() == [("CHEMBL4065616", "text_match")]
    # Synjardy's two substances, its salt mapped to the parent
    synjardy = mapped.filter(studyId="EMEA/H/C/003770")
    assert sorted(synjardy["drug_id"]) == ["CHEMBL1431", "CHEMBL2107830"]
    assert not mapped.filter(pl.col("studyId").str.starts_with("EMEA/V/")).height  # veterinary medicines left out


def test_materialize_default_graph(default_config: Path, tmp_path: Path) -> None:
    result = run_config(default_config)
    assert result.success
    out = tmp_path / "out"
    # every asset in a Parquet file but the union stage: a view of the union steps' files, stored as a manifest
    assert sorted(p.stem for p in out.glob("*.parquet")) == sorted(set(EXPECTED_GRAPH) - {"union"})
    parts = ["aact_evidence", "chembl_evidence", "pmda_evidence", "ema_evidence", "ttd_evidence"]  # config order
    assert json.loads((out / "union.json").read_text()) == {"view_of": [str(out / f"{p}.parquet") for p in parts]}
    # pmda is the last step to start of those it does not feed, giving its helpers (started with the run) time
    starts = [event.step_key for event in result.all_events if event.event_type == DagsterEventType.STEP_START]
    downstream = {"pmda_evidence", "union", "evidence", "evidence_mapping_coverage", "final_df"}
    downstream |= {"result_group_arms", "efficacy", "trial_efficacy", "trial_safety", "trial_roles", "stop_reasons"}
    downstream |= {"safety_signals"}
    downstream |= {"repurposing_candidates", "repurposing_candidates_candidates_not_approved"}
    assert [step for step in starts if step not in downstream][-1] == "pmda"
    # intermediates, read whole by the next step, carry no column statistics; final_df, queried with filters, does
    stored = sorted(set(EXPECTED_GRAPH) - {"union"})
    assert [name for name in stored if _has_statistics(out / f"{name}.parquet")] == ["final_df"]
    assert _has_statistics(out / "final_df.parquet", "drug_id")

    evidence = pl.read_parquet(out / "aact_evidence.parquet")
    expected = expected_aact_evidence()
    assert evidence.height == sum(len(pairs) for pairs in expected.values())
    got: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for study, drug, disease in evidence.select("studyId", "drug_name", "disease_name").iter_rows():
        got[study].append((drug, disease))
    assert {study: sorted(rows) for study, rows in got.items()} == expected
    assert not evidence["drug_name"].str.to_lowercase().str.contains("placebo").any()

    final = pl.read_parquet(out / "final_df.parquet")
    assert final.columns == FINAL_COLUMNS
    assert final.select("drug_id", "disease_id", "drug_name", "disease_name").is_duplicated().sum() == 0
    mapped = pl.read_parquet(out / "evidence.parquet")
    metformin = final.filter(drug_id="CHEMBL1431", disease_id="MONDO_0005148")
    row = metformin.row(0, named=True)  # approved by FDA (ChEMBL) and PMDA in the sample
    assert (metformin.height, row["drug_name"], row["disease_name"], row["mapping_status"]) == (
        1,
        "METFORMIN",
        "type 2 diabetes mellitus",
        "FULLY_MAPPED",
    )
    assert row["max_clinical_stage"] == "APPROVAL"
    assert {s["studyId"] for s in row["sources"]} == set(
        mapped.filter(drug_id="CHEMBL1431", disease_id="MONDO_0005148")["studyId"]
    )
    assert {s["source"] for s in row["sources"]} >= {"FDA", "PMDA"}
    # one id per molecule: no salt's id and no bare id as a name; no placebo or unit as a component
    assert not set(final["drug_id"].drop_nulls()) & {"CHEMBL1703", "CHEMBL1642", "CHEMBL1737"}
    assert not final["drug_name"].str.contains(r"^CHEMBL\d+$").any()
    components = mapped.filter(pl.col("combination_label").is_not_null())
    assert components["drug_id"].null_count() == 0
    assert not components["drug_name"].str.to_lowercase().str.contains("placebo|mg/ml").any()
    pmda_diseases = mapped.filter(pl.col("source") == "PMDA", pl.col("disease_id").is_not_null())
    assert set(pmda_diseases["disease_method"]) == {"text_match"}
    _assert_regulators(final, mapped)
    # conditions written as abbreviations the vocabulary lacks, spelled out in their own study's title
    abbreviated = mapped.filter(pl.col("disease_name").is_in(list(ABBREVIATED_DISEASES.values())))
    assert abbreviated.height >= 20 and set(abbreviated["disease_method"]) <= {"abbreviation", "curation"}
    assert dict(abbreviated.select("disease_name", "disease_id").unique().iter_rows()) == {
        "MDD": "MONDO_0002009",
        "UC": "EFO_0000729",
        "CAD": "EFO_0001645",
        "HF": "EFO_0003144",
        "OA": "EFO_0002506",
    }
    statuses = dict(final["mapping_status"].value_counts().iter_rows())
    assert set(statuses) <= {"FULLY_MAPPED", "DRUG_MAPPED", "DISEASE_MAPPED", "UNMAPPED"}
    assert statuses["FULLY_MAPPED"] > final.height / 2
    unmapped_drugs = set(final.filter(pl.col("drug_id").is_null())["drug_name"])
    assert {"Triazavirin", "ABC-1234"} <= unmapped_drugs
    # the sample's hand-built trials with posted results, each with the verdict a statistician reads in it
    trial_efficacy = pl.read_parquet(out / "trial_efficacy.parquet")
    verdicts = {(r["studyId"], r["drug_key"]): r["primary_verdict"] for r in trial_efficacy.iter_rows(named=True)}
    assert {key: verdicts.get(key) for key in KNOWN_VERDICTS} == KNOWN_VERDICTS
    # every study with results and a drug has its rows (the sample's real device and surgery trials have none)
    with_results = set(pl.read_parquet(out / "outcomes.parquet")["nct_id"])
    with_drugs = set(pl.read_parquet(out / "aact_evidence.parquet")["studyId"])
    assert set(trial_efficacy["studyId"]) == with_results & with_drugs
    # the sample's 47 real studies: the verdicts read by hand in their records (fixtures/real/efficacy_labels.csv)
    labels = pl.read_csv(REAL_LABELS, infer_schema=False).filter(pl.col("studyId").is_in(REAL_STUDIES))
    real = labelled_rows(out, labels)
    met = real.filter(pl.col("code_verdict") == "MET")
    assert met.height == 14 and set(met["verdict"]) == {"MET"}  # every MET the code gives, the reader gives
    missed = real.filter(pl.col("verdict") == "MET", pl.col("code_verdict") != "MET")
    assert missed.select("studyId", "code_verdict").sort("studyId").rows() == [
        ("NCT00734604", "INDETERMINATE"),  # crossover groups that match neither sequence nor treatment
        ("NCT01122264", "INDETERMINATE"),  # time to discontinuation: the medians are posted "not estimable"
        ("NCT01352507", "NO_COMPARATOR"),  # a preference outcome posted for one pooled group
    ]
    sitagliptin = final.filter(drug_id="CHEMBL1422", disease_id="MONDO_0005148").row(0, named=True)
    assert sitagliptin["trials_with_results"] >= 2 and sitagliptin["primary_met"] >= 1
    adalimumab = final.filter(drug_id="CHEMBL1201580", disease_id="EFO_0000685").row(0, named=True)
    assert (adalimumab["primary_met"], adalimumab["primary_not_met"]) >= (1, 0)
    methotrexate = final.filter(drug_id="CHEMBL34259", disease_id="EFO_0000685").row(0, named=True)
    assert methotrexate["trials_with_results"] >= 1  # the backbone: its trial counted, never as met by it
    assert (
        methotrexate["primary_met"]
        == trial_efficacy.filter(drug_key="CHEMBL34259", primary_verdict=pl.lit("MET"))
        .join(mapped.filter(disease_id="EFO_0000685").select("studyId").unique(), on="studyId")
        .height
    )
    counts = result.asset_materializations_for_node("trial_efficacy")[0].metadata
    assert counts["primary_verdict/MET"].value == (trial_efficacy["primary_verdict"] == "MET").sum()
    # warnings reach the drug (metformin's is recorded on its salt) and change nothing else of the pair
    assert row["warnings"] == [
        {
            "warning_type": "Black Box Warning",
            "warning_class": "metabolic toxicity",
            "countries": ["United States"],
            "year": None,
        }
    ]
    warfarin = final.filter(drug_id="CHEMBL1464")
    assert warfarin.height > 0 and set(map(str, warfarin["warnings"].to_list())) == {
        str(
            [
                {
                    "warning_type": "Black Box Warning",
                    "warning_class": "hematological toxicity",
                    "countries": ["United States"],
                    "year": 2006,
                }
            ]
        )
    }
    assert (
        final.filter(pl.col("drug_id").is_in(["CHEMBL1464", "CHEMBL118", "CHEMBL41", "CHEMBL1431"]).not_())[
            "warnings"
        ].null_count()
        == final.filter(pl.col("drug_id").is_in(["CHEMBL1464", "CHEMBL118", "CHEMBL41", "CHEMBL1431"]).not_()).height
    )
    final_metadata = result.asset_materializations_for_node("final_df")[0].metadata
    assert final_metadata["warnings/for_a_molecule_not_in_the_vocabulary"].value == 1  # rofecoxib, kept in the source
    assert "CHEMBL122" in set(pl.read_parquet(out / "drug_warnings.parquet")["molecule_chembl_id"])
    safety = pl.read_parquet(out / "trial_safety.parquet")
    sae = ["sae_affected", "sae_at_risk", "control_sae_affected", "control_sae_at_risk"]
    got = {(r["studyId"], r["drug_key"]): tuple(r[c] for c in sae) for r in safety.iter_rows(named=True)}
    assert {key: got.get(key) for key in KNOWN_SAFETY} == KNOWN_SAFETY
    not_monitored = safety.filter(studyId="NCT09100005").row(0, named=True)  # its placebo arm: at risk 0
    assert (not_monitored["control_sae_rate"], not_monitored["sae_risk_difference"]) == (None, None)
    zero_cells = safety.filter(studyId="NCT09100006").row(0, named=True)
    assert zero_cells["sae_risk_difference"] == 0 and zero_cells["sae_rd_lower"] < 0 < zero_cells["sae_rd_upper"]
    # every stopped study with a reason, in its group; the hand-built trials' stops reach their pairs
    stops = pl.read_parquet(out / "stop_reasons.parquet")
    stopped = [r for r in _rows("studies") if r["overall_status"] in STOPPED_STATUSES and r["why_stopped"]]
    assert sorted(stops["studyId"]) == sorted(r["nct_id"] for r in stopped)
    assert {s: g for s, g in stops.select("studyId", "stop_group").iter_rows() if s in KNOWN_STOP_GROUPS} == (
        KNOWN_STOP_GROUPS
    )
    shifted = stops.filter(pl.col("why_stopped").str.len_chars() > MAX_LENGTH)
    assert shifted.height > 0 and shifted["stop_group"].null_count() == shifted.height
    stop_metadata = result.asset_materializations_for_node("stop_reasons")[0].metadata
    assert stop_metadata["skipped/too_long"].value == shifted.height
    assert stop_metadata["texts_with_control_characters"].value >= 1
    assert stop_metadata["group/Safety"].value == (stops["stop_group"] == "Safety").sum()
    atorvastatin = final.filter(drug_id="CHEMBL1487", disease_name="coronary artery disease").row(0, named=True)
    assert (atorvastatin["stopped_for_efficacy"], atorvastatin["primary_not_met"]) >= (1, 1)
    imatinib = final.filter(drug_id="CHEMBL941", disease_id="EFO_0000339").row(0, named=True)
    assert imatinib["stopped_for_safety"] >= 1
    assert imatinib["max_clinical_stage"] == "APPROVAL"  # a safety stop of one trial takes no approval away
    # the hand-built repurposing trials, found by their pair ids, which final_df gives the same pairs
    candidates = pl.read_parquet(out / "repurposing_candidates.parquet")
    drug_keys, disease_keys = zip(*KNOWN_CANDIDATES, strict=True)
    known_ids = pair_ids(pl.Series(drug_keys), pl.Series(disease_keys)).to_list()
    by_id = {r["pair_id"]: (r["tier"], r["relation"], r["shelved"]) for r in candidates.iter_rows(named=True)}
    assert [by_id.get(pair_id) for pair_id in known_ids] == list(KNOWN_CANDIDATES.values())
    assert set(known_ids) <= set(final["pair_id"])
    sildenafil = final.filter(drug_id="CHEMBL192", disease_id="EFO_0001361")
    assert sildenafil["pair_id"].to_list() == [known_ids[0]] and sildenafil["max_clinical_stage"].item() == "PHASE_3"
    approved = mapped.filter(pl.col("clinical_stage") == "APPROVAL").select("drug_id", "disease_id").drop_nulls()
    assert candidates.join(approved, on=["drug_id", "disease_id"], how="semi").height == 0
    check = next(c for c in result.get_asset_check_evaluations() if c.check_name == "candidates_not_approved")
    assert check.passed and check.metadata["approved_pairs_listed"].value == 0
    repurposing = result.asset_materializations_for_node("repurposing_candidates")[0].metadata
    assert repurposing["tier/TIER_1"].value == (candidates["tier"] == "TIER_1").sum()
    assert repurposing["shelved"].value == 1
    assert len(repurposing["top_candidates"].value.records) == 15
    # every column of every asset is described in the UI's column schema, from the text beside its code
    undescribed = {}
    for event in result.get_asset_materialization_events():
        materialization = event.step_materialization_data.materialization
        columns = materialization.metadata["dagster/column_schema"].value.columns
        if missing := [column.name for column in columns if not column.description]:
            undescribed[materialization.asset_key.to_user_string()] = missing
    assert len(result.get_asset_materialization_events()) == len(EXPECTED_GRAPH) and undescribed == {}
    final_schema = result.asset_materializations_for_node("final_df")[0].metadata["dagster/column_schema"].value
    sources_text = next(column.description for column in final_schema.columns if column.name == "sources")
    assert all(field in sources_text for field in ("studyId", "source", "url", "phase", "status"))
    groups = result.asset_materializations_for_node("result_group_arms")[0].metadata
    assert 0.8 < groups["groups/Outcome/matched_share"].value <= 1.0
    coverage = next(c for c in result.get_asset_check_evaluations() if c.check_name == "mapping_coverage")
    assert coverage.passed
    # the generated studies' labels are the sample vocabulary's and map; the 47 real studies' drugs and diseases
    # (sildenafil, tadalafil, cluster headache, ...) mostly are not in that small vocabulary, so the check
    # measures less on the whole sample: its figure is the coverage of all the labels, as `coverage` computes
    mapped = pl.read_parquet(out / "evidence.parquet")
    generated = label_coverage(mapped.lazy().filter(~pl.col("studyId").is_in(REAL_STUDIES)))
    everything = label_coverage(mapped.lazy())
    for side in ("drug", "disease"):
        assert coverage.metadata[f"{side}_label_coverage"].value == everything[f"{side}/label_coverage"]
        assert generated[f"{side}/label_coverage"] > 0.9
    metadata = result.asset_materializations_for_node("aact_evidence")[0].metadata
    assert metadata["placebo/rows_dropped"].value > 0
    assert metadata["dagster/row_count"].value == evidence.height
    _assert_trial_metadata(out, with_results)


def _assert_trial_metadata(out: Path, with_results: set[str]) -> None:
    """What users ask of a trial, in the trials asset and in final_df's AACT sources entries: a real trial's as
    its record gives it, the generated ones' as the sample's files hold them, null for the other sources."""
    trials = pl.read_parquet(out / "trials.parquet")
    expected = REAL_TRIAL_METADATA["NCT02552212"]
    assert trials.filter(nct_id="NCT02552212").select(list(expected)).row(0, named=True) == expected
    entries = pl.read_parquet(out / "final_df.parquet").select(pl.col("sources").explode()).unnest("sources")
    certolizumab = entries.filter(studyId="NCT02552212")
    assert certolizumab.height > 0 and all(
        e == expected for e in certolizumab.select(list(expected)).iter_rows(named=True)
    )
    aact = entries.filter(source="AACT").join(
        trials.select(studyId="nct_id", sponsor="lead_sponsor", posted="results_posted"), on="studyId", how="left"
    )
    assert aact["sponsor"].equals(aact["lead_sponsor"]) and aact["posted"].equals(aact["results_posted"])
    others = entries.filter(pl.col("source") != "AACT")
    assert others.height > 0
    assert others.select(list(TRIAL_METADATA)).null_count().row(0) == (others.height,) * len(TRIAL_METADATA)
    # every generated study names its lead sponsor, as in the registry; a study posted results where the results
    # tables hold its rows, but ARROW: an AACT legacy record whose JSON is not in shared/real, its posting date
    # (and sponsor, enrollment, design) is not in the sample
    sponsors = {r["nct_id"]: r["name"] for r in _rows("sponsors") if r["lead_or_collaborator"] == "lead"}
    generated = trials.filter(~pl.col("nct_id").is_in(REAL_STUDIES))
    assert dict(zip(generated["nct_id"], generated["lead_sponsor"].struct["name"], strict=True)) == {
        study: sponsors.get(study) for study in generated["nct_id"]
    }
    assert set(trials.filter("results_posted")["nct_id"]) == with_results - {"NCT02028676"}
    arrow = trials.filter(nct_id="NCT02028676").row(0, named=True)
    assert (arrow["results_posted"], arrow["lead_sponsor"], arrow["masking"]) == (False, None, None)
    # a real reference without a PubMed id is no literature entry (NCT01367860 cites 22 papers, one without)
    assert len(trials.filter(nct_id="NCT01367860")["literature"].item()) == 21


def _runs_of_final_df(folder: Path) -> int:
    with DagsterInstance.from_config(str(folder)) as instance:
        return len(instance.fetch_materializations(AssetKey("final_df"), limit=100).records)


def test_cli_records_runs_in_the_project_folder_unless_dagster_home_says_otherwise(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's command, run from a folder holding the project's .env and dagster.yaml, as a user runs it:
    without DAGSTER_HOME the run lands in that folder's storage, which `dagster dev` started there reads; with
    DAGSTER_HOME exported elsewhere, the user's instance records it and the project folder does not."""
    project, mine = tmp_path / "project", tmp_path / "mine"
    project.mkdir()
    mine.mkdir()
    shutil.copy(PROJECT_ROOT / ".env", project / ".env")
    shutil.copy(PROJECT_ROOT / "dagster.yaml", project / "dagster.yaml")
    shutil.copy(PROJECT_ROOT / "pyproject.toml", project / "pyproject.toml")  # where `dg` finds the project
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DAGSTER_HOME", "CLINICAL_MINING"))}
    env |= {
        "PWD": str(project),
        "CLINICAL_MINING_OUTPUT": str(tmp_path / "out"),
        "CLINICAL_MINING_CONFIG": str(PROJECT_ROOT / "config" / "clinical_mining.yaml"),
    }
    done = materialize_with_cli(project, env)
    assert done.returncode == 0, done.stderr[-3000:]
    # the project's dagster.yaml keeps log lines from INFO up: the console shows the steps' own lines, not
    # Dagster's DEBUG events or the IO manager's "Loading file from" lines
    lines = [line for line in done.stderr.splitlines() if " - dagster - " in line]
    assert any(" - final_df - step 'final_df' (clinical_mining.steps.evidence.pairs" in line for line in lines), lines[
        :5
    ]
    assert not [line for line in lines if " - DEBUG - " in line]
    assert pl.read_parquet(tmp_path / "out" / "final_df.parquet").columns == FINAL_COLUMNS
    assert (project / "history" / "runs.db").is_file() and any((project / "logs").iterdir())
    # as `dagster dev` started in the project folder opens it: the .env's folders, the folder's dagster.yaml
    monkeypatch.setenv("CLINICAL_MINING_HOME", str(project))
    monkeypatch.setenv("CLINICAL_MINING_LOGS", str(project / "logs"))
    assert _runs_of_final_df(project) == 1
    with DagsterInstance.from_config(str(project)) as instance:
        event = instance.get_latest_materialization_event(AssetKey("final_df"))
        assert event is not None
        assert event.asset_materialization.metadata["path"].value == str(tmp_path / "out" / "final_df.parquet")
        # every Dagster event is still recorded; only the plain DEBUG messages are not
        records = instance.all_logs(event.run_id)
        messages = [record.user_message for record in records if record.dagster_event is None]
        assert any(record.user_message.startswith("Executing steps in process") for record in records)
        assert sum(1 for r in records if r.dagster_event and r.dagster_event.event_type_value == "STEP_SUCCESS") > 35
        assert messages and not [m for m in messages if m.startswith(("Loading file from", "Writing file at"))]
    # Dagster 1.13's own CLI, as the README gives it, records its runs in the same place
    dg = [str(Path(sys.executable).parent / "dg"), "launch", "--assets", "final_df"]
    done = subprocess.run(dg, cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert _runs_of_final_df(project) == 2
    done = materialize_with_cli(project, {**env, "DAGSTER_HOME": str(mine)})
    assert done.returncode == 0, done.stderr[-3000:]
    assert _runs_of_final_df(mine) == 1  # the user's instance, with Dagster's defaults (it has no dagster.yaml)
    assert _runs_of_final_df(project) == 2  # and not the project folder
    assert (mine / "history" / "runs.db").is_file()


def test_multiprocess_executor_runs_each_step_in_its_own_process(tmp_path: Path) -> None:
    config = tmp_path / "multiprocess.yaml"
    text = (PROJECT_ROOT / "config" / "clinical_mining.yaml").read_text()
    sample = str(PROJECT_ROOT / "clinical_mining" / "sample_data")
    config.write_text(text.replace("../clinical_mining/sample_data", sample) + "execution:\n  executor: multiprocess\n")
    env = {
        **os.environ,
        "DAGSTER_HOME": "",
        "CLINICAL_MINING_CONFIG": str(config),
        "CLINICAL_MINING_OUTPUT": str(tmp_path / "out"),
    }
    done = materialize_with_cli(tmp_path, env)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Executing steps using multiprocess executor" in done.stderr
    workers = {line.split(" - ")[5] for line in done.stderr.splitlines() if "STEP_WORKER_STARTED" in line}
    assert len(workers) > 10  # one process per step
    assert pl.read_parquet(tmp_path / "out" / "final_df.parquet").columns == FINAL_COLUMNS


def test_cli_exits_non_zero_with_the_config_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text((PROJECT_ROOT / "config" / "clinical_mining.yaml").read_text().replace("$trials", "$trails"))
    done = materialize_with_cli(tmp_path, {**os.environ, "CLINICAL_MINING_CONFIG": str(bad), "DAGSTER_HOME": ""})
    assert done.returncode != 0
    assert "pipeline.union[0] (step 'aact_evidence').parameters.trials: $trails refers to nothing" in done.stderr
