"""ChEMBL: the drug-indication JSON lines, their evidence, and the curation of trials from a database or a file."""

import gzip
import json
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from clinical_mining.sources.chembl import (
    CURATION_SCHEMA,
    INDICATION_SCHEMA,
    WARNING_SCHEMA,
    ChemblError,
    read_curation_database,
    read_curation_file,
    read_indications,
    read_warnings,
    read_warnings_database,
)
from clinical_mining.sources.database import DatabaseTarget
from clinical_mining.steps.evidence.chembl import indication_evidence
from clinical_mining_tests.conftest import Postgres, make_curation_tables, output, run_config

RECORDS = [
    {  # the export of drug-evidence platforms: _metadata lists the parent and its salts
        "drugind_id": 1,
        "molecule_chembl_id": "CHEMBL1703",
        "parent_molecule_chembl_id": "CHEMBL1431",
        "efo_id": "MONDO:0005148",
        "efo_term": "type 2 diabetes mellitus",
        "mesh_id": "D003924",
        "mesh_heading": "Diabetes Mellitus, Type 2",
        "max_phase_for_ind": 4,
        "indication_refs": [
            {"ref_type": "ClinicalTrials", "ref_id": "NCT00000001,NCT00000002, NCT00000003", "ref_url": "https://x"},
            {"ref_type": "FDA", "ref_id": "label-1", "ref_url": "https://fda.example/label-1"},
            {"ref_type": "INN", "ref_id": "metformin", "ref_url": "https://inn.example"},
        ],
        "_metadata": {"all_molecule_chembl_ids": ["CHEMBL1431", "CHEMBL1703"]},
    },
    {  # an older export: no _metadata, the phase as text
        "drugind_id": 2,
        "molecule_chembl_id": "CHEMBL941",
        "parent_molecule_chembl_id": "CHEMBL941",
        "efo_id": "EFO:0000339",
        "efo_term": "chronic myelogenous leukemia",
        "max_phase_for_ind": "2.0",
        "indication_refs": [{"ref_type": "ClinicalTrials", "ref_id": "NCT00000009", "ref_url": "https://y"}],
    },
    {
        "drugind_id": 3,
        "molecule_chembl_id": "CHEMBL25",
        "parent_molecule_chembl_id": None,
        "efo_id": "HP:0012531",
        "efo_term": "pain",
        "max_phase_for_ind": 0.5,
        "indication_refs": [{"ref_type": "EMA", "ref_id": "EMEA/H/C/1", "ref_url": "https://ema.example/1"}],
    },
    {
        "drugind_id": 4,
        "molecule_chembl_id": "CHEMBL25",
        "parent_molecule_chembl_id": "CHEMBL25",
        "efo_id": "Orphanet:558",
        "efo_term": "Marfan syndrome",
        "max_phase_for_ind": None,
        "indication_refs": [{"ref_type": "USAN", "ref_id": "aspirin", "ref_url": "https://usan.example"}],
    },
]


def _write(path: Path, records: list[object], extra_lines: tuple[str, ...] = ()) -> Path:
    lines = [json.dumps(record) for record in records] + list(extra_lines)
    text = "\n".join(lines) + "\n"
    if path.suffix == ".gz":
        path.write_bytes(gzip.compress(text.encode()))
    else:
        path.write_text(text)
    return path


@pytest.mark.parametrize("name", ["indications.jsonl", "indications.jsonl.gz"])
def test_reads_every_record_shape_plain_or_gzip(tmp_path: Path, name: str) -> None:
    frame, skipped = read_indications(_write(tmp_path / name, RECORDS))
    assert skipped == 0
    assert frame["drugind_id"].to_list() == [1, 2, 3, 4]
    assert frame["max_phase_for_ind"].to_list() == ["4", "2.0", "0.5", None]
    assert frame["_metadata"].to_list()[1] is None


def test_evidence_rows_per_drug_disease_and_reference() -> None:
    frame = pl.DataFrame(RECORDS, schema=INDICATION_SCHEMA)
    kept = indication_evidence(frame, drop_clinical_trials=False)
    rows = kept.select("studyId", "drug_id", "disease_id", "source", "clinical_stage").rows()
    # the salt's record (CHEMBL1703, with its parent and _metadata) is evidence for the parent only, once
    assert sorted(rows) == sorted(
        [
            *(
                (nct, "CHEMBL1431", "MONDO_0005148", "ClinicalTrials", "APPROVAL")
                for nct in ("NCT00000001", "NCT00000002", "NCT00000003")
            ),
            ("label-1", "CHEMBL1431", "MONDO_0005148", "FDA", "APPROVAL"),
            ("metformin", "CHEMBL1431", "MONDO_0005148", "INN", "UNKNOWN"),
            ("NCT00000009", "CHEMBL941", "EFO_0000339", "ClinicalTrials", "PHASE_2"),
            ("EMEA/H/C/1", "CHEMBL25", "HP_0012531", "EMA", "APPROVAL"),
            ("aspirin", "CHEMBL25", "Orphanet_558", "USAN", "UNKNOWN"),
        ]
    )
    urls = dict(kept.select("studyId", "url").unique().rows())
    assert urls["NCT00000003"] == "https://clinicaltrials.gov/study/NCT00000003"
    assert urls["EMEA/H/C/1"] == "https://ema.example/1"
    dropped = indication_evidence(frame)
    assert "ClinicalTrials" not in set(dropped["source"]) and dropped.height == kept.height - 4


def test_malformed_line_fails_naming_file_and_line_or_is_skipped(
    tmp_path: Path, write_config: Callable[..., Path]
) -> None:
    path = _write(tmp_path / "bad.jsonl", RECORDS[:2], extra_lines=('{"drugind_id": 9, oops}', "[1, 2]"))
    with pytest.raises(ChemblError) as caught:
        read_indications(path)
    assert str(caught.value).startswith(f"ChEMBL indications file {path} line 3: not valid JSON")
    assert "2 bad line(s) in all (set sources.chembl_indications.skip_bad_lines: true to skip them)" in str(
        caught.value
    )
    frame, skipped = read_indications(path, skip_bad_lines=True)
    assert (frame.height, skipped) == (2, 2)

    step = {
        "name": "final_df",
        "function": "clinical_mining.steps.evidence.chembl.indication_evidence",
        "parameters": {"indications": "$chembl_indications"},
    }
    config = write_config(
        {"process": [step]}, sources={"chembl_indications": {"path": str(path), "skip_bad_lines": True}}
    )
    result = run_config(config)
    assert result.success
    assert result.asset_materializations_for_node("chembl_indications")[0].metadata["bad_lines_skipped"].value == 2
    failing = write_config({"process": [step]}, sources={"chembl_indications": {"path": str(path)}})
    failed = run_config(failing)
    assert "line 3: not valid JSON" in failed.get_step_failure_events()[0].step_failure_data.error.message


def test_missing_file_truncated_gzip_and_record_without_drug(tmp_path: Path) -> None:
    with pytest.raises(ChemblError, match=r"does not exist \(config key sources.chembl_indications.path\)"):
        read_indications(tmp_path / "absent.jsonl")
    truncated = tmp_path / "cut.jsonl.gz"
    truncated.write_bytes(gzip.compress(("\n".join(json.dumps(r) for r in RECORDS) * 50).encode())[:300])
    with pytest.raises(ChemblError, match=rf"ChEMBL indications file {truncated} cannot be read"):
        read_indications(truncated)
    orphan = {**RECORDS[2], "drugind_id": 77, "molecule_chembl_id": None}
    with pytest.raises(ChemblError, match=r"record 2 \(drugind_id 77\) has no drug id"):
        read_indications(_write(tmp_path / "orphan.jsonl", [RECORDS[0], orphan]))


def test_curation_from_a_real_database(postgres: Postgres) -> None:
    make_curation_tables(postgres)
    frame = read_curation_database(
        DatabaseTarget(postgres.uri, label="ChEMBL curation database"), "drugbase_curation", "chembl_36"
    )
    assert frame.schema == CURATION_SCHEMA
    assert sorted(frame.rows(), key=str) == [
        ("NCT00000001", "CHEMBL1431", "MONDO_0005148", "Glucophage 500", "T2DM"),
        ("NCT00000002", "CHEMBL25", None, "aspirin", None),  # its only condition is -ABSENT-: the drug stays
        ("NCT00000003", "CHEMBL1201585", "EFO_0000305", "Herceptin", "breast cancer"),
    ]
    make_curation_tables(postgres, with_molregno=False)
    with pytest.raises(
        ChemblError,
        match=r"ChEMBL curation table drugbase_curation.CT_NCT_ID2MOLREGNO .*"
        r"column \"molregno\" does not exist",
    ):
        read_curation_database(
            DatabaseTarget(postgres.uri, label="ChEMBL curation database"), "drugbase_curation", "chembl_36"
        )


def test_curation_from_a_file_or_none(tmp_path: Path, write_config: Callable[..., Path]) -> None:
    export = pl.DataFrame(
        {
            "studyId": ["NCT1", "NCT2", "NCT3"],
            "drug_id": ["CHEMBL25", "-NOT-DRUG-", "CHEMBL941"],
            "disease_id": ["EFO:0000305", "EFO:0000305", "-ABSENT-"],
            "drug_name": ["a", "b", "c"],
            "disease_name": ["x", "y", "z"],
        }
    )
    export.write_parquet(tmp_path / "curation.parquet")
    export.write_csv(tmp_path / "curation.csv")
    for name in ("curation.parquet", "curation.csv"):
        # a sentinel on one side leaves the other side's curation standing
        assert read_curation_file(tmp_path / name).rows() == [
            ("NCT1", "CHEMBL25", "EFO_0000305", "a", "x"),
            ("NCT2", None, "EFO_0000305", "b", "y"),
            ("NCT3", "CHEMBL941", None, "c", "z"),
        ]
    export.drop("drug_name").write_parquet(tmp_path / "narrow.parquet")
    with pytest.raises(ChemblError, match=r"narrow.parquet lacks column\(s\) drug_name"):
        read_curation_file(tmp_path / "narrow.parquet")

    step = {
        "name": "final_df",
        "function": "clinical_mining_tests.step_functions.passthrough",
        "parameters": {"frame": "$chembl_curation"},
    }
    none = write_config({"process": [step]}, sources={"chembl_curation": {"kind": "none"}})
    assert run_config(none).success
    assert output(none, "chembl_curation").schema == CURATION_SCHEMA
    assert output(none, "chembl_curation").height == 0


WARNING = {
    "warning_id": 7,
    "molecule_chembl_id": "CHEMBL1703",
    "parent_molecule_chembl_id": None,
    "warning_type": "Withdrawn",
    "warning_class": "hepatotoxicity",
    "warning_country": "France; Germany;Spain",
    "warning_year": 1999,
}


def test_drug_warnings_file_names_a_bad_line_or_skips_it(tmp_path: Path) -> None:
    path = _write(tmp_path / "warnings.jsonl", [WARNING], extra_lines=("{oops",))
    with pytest.raises(ChemblError, match=r"ChEMBL drug warnings file .*warnings.jsonl line 2: not valid JSON"):
        read_warnings(path)
    frame, skipped = read_warnings(path, skip_bad_lines=True)
    assert (frame["molecule_chembl_id"].to_list(), frame["warning_year"].to_list(), skipped) == (
        ["CHEMBL1703"],
        ["1999"],
        1,
    )
    orphan = _write(tmp_path / "orphan.jsonl", [{**WARNING, "molecule_chembl_id": None}])
    with pytest.raises(ChemblError, match=r"record 1 \(warning_id 7\) has no drug id"):
        read_warnings(orphan)


def test_drug_warnings_from_a_real_chembl_database(postgres: Postgres) -> None:
    postgres.sql(
        "DROP SCHEMA IF EXISTS chembl_w CASCADE; CREATE SCHEMA chembl_w;"
        "CREATE TABLE chembl_w.molecule_dictionary (molregno bigint, chembl_id varchar);"
        "CREATE TABLE chembl_w.drug_warning (warning_id bigint, molregno bigint, parent_molregno bigint,"
        " warning_type varchar, warning_class varchar, warning_description varchar, warning_country varchar,"
        " warning_year integer, efo_id varchar, efo_term varchar, efo_id_for_warning_class varchar);"
        "INSERT INTO chembl_w.molecule_dictionary VALUES (1703, 'CHEMBL1703'), (1431, 'CHEMBL1431');"
        "INSERT INTO chembl_w.drug_warning VALUES (7, 1703, 1431, 'Withdrawn', 'hepatotoxicity', 'x',"
        " 'France; Germany', 1999, 'EFO:0004228', 'drug-induced liver injury', NULL);"
    )
    frame = read_warnings_database(DatabaseTarget(postgres.uri, label="ChEMBL database"), "chembl_w")
    assert frame.schema == WARNING_SCHEMA
    assert frame.select("molecule_chembl_id", "parent_molecule_chembl_id", "warning_type", "warning_year").rows() == [
        ("CHEMBL1703", "CHEMBL1431", "Withdrawn", "1999")
    ]
