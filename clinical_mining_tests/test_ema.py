"""EMA's medicines list: the workbook reader on both layouts, the evidence step, and bad workbooks."""

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import polars as pl
import pytest
import xlsxwriter

from clinical_mining.sources.chembl import read_indications
from clinical_mining.sources.ema import EmaError, read_ema
from clinical_mining.sources.vocabularies import read_disease_index
from clinical_mining.steps.evidence.ema import authorisation_evidence
from clinical_mining.steps.mapping.lookups import disease_lookup, mesh_lookup
from clinical_mining_tests.conftest import output, run_config
from clinical_mining_tests.synthetic.ema import (
    CURRENT_HEADERS,
    SAMPLE_MEDICINES,
    Medicine,
    write_ema_workbook,
)
from clinical_mining_tests.synthetic.sample import SAMPLE_DIR


@pytest.fixture(scope="module")
def lookups() -> tuple[pl.DataFrame, pl.DataFrame]:
    vocabulary = read_disease_index(SAMPLE_DIR / "vocabularies" / "disease.parquet")
    indications, _ = read_indications(SAMPLE_DIR / "chembl" / "indications.jsonl")
    return disease_lookup(vocabulary), mesh_lookup(vocabulary, indications)


def _read(tmp_path: Path, medicines: tuple[Medicine, ...] | list[Medicine], **options: str) -> pl.DataFrame:
    path = tmp_path / "medicines.xlsx"
    write_ema_workbook(path, medicines, **options)
    return read_ema(path)[0]


def test_current_layout_rows_dates_and_text(tmp_path: Path) -> None:
    path = tmp_path / "medicines.xlsx"
    write_ema_workbook(path, SAMPLE_MEDICINES)
    frame, details = read_ema(path)
    assert details == {
        "sheet": "Medicine",
        "layout": "current",
        "header_row": 9,
        "rows": 9,
        "category/Human": 8,
        "category/Veterinary": 1,
    }
    assert frame["row"].to_list() == list(range(10, 19))  # Excel's own row numbers, below the header on row 9
    by_name = {row["medicine_name"]: row for row in frame.iter_rows(named=True)}
    # a date as dd/mm/yyyy text, as an Excel serial number and as a date cell
    assert by_name["Glivec"]["authorisation_date"] == date(2001, 11, 7)
    assert by_name["Humira"]["authorisation_date"] == date(2003, 9, 8)
    assert by_name["Veklury"]["authorisation_date"] == date(2020, 7, 3)
    assert (
        by_name["Humira"]["indication"]
        == "Rheumatoid arthritis, psoriasis, Crohn's disease and ulcerative colitis in adults."
    )
    assert by_name["Glivec"]["therapeutic_area"] == (
        "Leukemia, Myelogenous, Chronic, BCR-ABL Positive;Gastrointestinal Stromal Tumors"
    )
    withdrawn = by_name["Sorafenib Examplepharm"]
    assert (withdrawn["medicine_status"], withdrawn["withdrawal_date"]) == ("Withdrawn", date(2020, 6, 30))
    assert by_name["Hydroxychloroquine Examplepharm"]["refusal_date"] == date(2021, 1, 15)
    assert by_name["Aspirin Examplepharm"]["application_withdrawal_date"] == date(2022, 2, 2)
    assert by_name["Synjardy"]["inn"] is None
    assert by_name["Glivec"]["product_number"] == "EMEA/H/C/000406"


def test_pre_2023_layout_reads_the_same_medicines(tmp_path: Path) -> None:
    current = _read(tmp_path, SAMPLE_MEDICINES)
    old_path = tmp_path / "old.xlsx"
    write_ema_workbook(old_path, SAMPLE_MEDICINES, layout="pre-2023")
    old, details = read_ema(old_path)
    assert details["layout"] == "pre-2023"
    shared = [
        "category",
        "medicine_name",
        "product_number",
        "medicine_status",
        "inn",
        "active_substance",
        "therapeutic_area",
        "indication",
        "authorisation_date",
        "refusal_date",
        "url",
        "row",
    ]
    assert old.select(shared).equals(current.select(shared))
    # the old layout has no withdrawal dates: null, not an error
    assert old["withdrawal_date"].null_count() == old.height


def test_evidence_one_row_per_substance_and_disease(lookups: tuple[pl.DataFrame, pl.DataFrame], tmp_path: Path) -> None:
    diseases, mesh = lookups
    evidence = authorisation_evidence(_read(tmp_path, SAMPLE_MEDICINES), diseases, mesh)
    rows = {(r["studyId"], r["drug_name"], r["disease_name"]): r for r in evidence.iter_rows(named=True)}
    # two MeSH areas, the first mapped through its heading, the second kept as the label EMA gives
    glivec = [key for key in rows if key[0] == "EMEA/H/C/000406"]
    assert sorted(glivec) == [
        ("EMEA/H/C/000406", "imatinib", "Gastrointestinal Stromal Tumors"),
        ("EMEA/H/C/000406", "imatinib", "Leukemia, Myelogenous, Chronic, BCR-ABL Positive"),
    ]
    cml = rows[("EMEA/H/C/000406", "imatinib", "Leukemia, Myelogenous, Chronic, BCR-ABL Positive")]
    assert (cml["disease_id"], cml["disease_method"], cml["clinical_stage"]) == ("EFO_0000339", "mesh", "APPROVAL")
    assert (cml["approval_date"], cml["regulatory_status"], cml["source"]) == (date(2001, 11, 7), "Authorised", "EMA")
    assert rows[("EMEA/H/C/000406", "imatinib", "Gastrointestinal Stromal Tumors")]["disease_id"] is None
    # no INN: the active substances, split on ';'
    synjardy = sorted(key[1] for key in rows if key[0] == "EMEA/H/C/003770")
    assert synjardy == ["empagliflozin", "metformin hydrochloride"]
    # the area is unknown to the vocabulary: the indication text names COVID-19, once although it names it twice
    veklury = {
        (key[2], row["disease_id"], row["disease_method"]) for key, row in rows.items() if key[0] == "EMEA/H/C/005622"
    }
    found = [entry for entry in veklury if entry[1] is not None]
    assert len(veklury) == 2 and ("Coronavirus Infections", None, None) in veklury
    assert [entry[1:] for entry in found] == [("MONDO_0100096", "text_match")]
    # what became of an authorisation, and failed applications
    withdrawn = rows[("EMEA/H/C/009901", "sorafenib", "Carcinoma, Hepatocellular")]
    assert (withdrawn["clinical_stage"], withdrawn["approval_date"], withdrawn["status_date"]) == (
        "APPROVAL",
        date(2016, 3, 12),
        date(2020, 6, 30),
    )
    refused = rows[("EMEA/H/C/009902", "hydroxychloroquine", "COVID-19")]
    assert (refused["clinical_stage"], refused["approval_date"], refused["status_date"]) == (
        "UNKNOWN",
        None,
        date(2021, 1, 15),
    )
    application = rows[("EMEA/H/C/009903", "acetylsalicylic acid", "Colorectal Neoplasms")]
    assert (application["clinical_stage"], application["regulatory_status"]) == ("UNKNOWN", "Application withdrawn")
    assert not [key for key in rows if key[0].startswith("EMEA/V/")]  # veterinary
    assert evidence.height == len(rows)


@pytest.mark.parametrize("status", ["Expired", "Revoked", "Lapsed", "Suspended", "Withdrawn"])
def test_an_authorisation_ended_is_still_an_approval(
    status: str, lookups: tuple[pl.DataFrame, pl.DataFrame], tmp_path: Path
) -> None:
    ended = replace(SAMPLE_MEDICINES[0], status=status, withdrawn="01/01/2024")
    evidence = authorisation_evidence(_read(tmp_path, [ended]), *lookups)
    assert set(evidence["clinical_stage"]) == {"APPROVAL"}
    assert set(evidence["approval_date"]) == {date(2001, 11, 7)}
    assert set(evidence["status_date"]) == {date(2024, 1, 1)}
    assert set(evidence["regulatory_status"]) == {status}


@pytest.mark.parametrize("status", ["Opinion", "Negative opinion", "Not authorised"])
def test_other_statuses_are_no_approval(
    status: str, lookups: tuple[pl.DataFrame, pl.DataFrame], tmp_path: Path
) -> None:
    pending = replace(SAMPLE_MEDICINES[0], status=status)
    evidence = authorisation_evidence(_read(tmp_path, [pending]), *lookups)
    assert set(evidence["clinical_stage"]) == {"UNKNOWN"}
    assert evidence["approval_date"].null_count() == evidence.height


def test_a_medicine_naming_no_disease_keeps_one_row(lookups: tuple[pl.DataFrame, pl.DataFrame], tmp_path: Path) -> None:
    vague = Medicine(
        "Vaguemed", "EMEA/H/C/009999", "Authorised", "imatinib", "imatinib", None, "See the SmPC.", "01/02/2020"
    )
    evidence = authorisation_evidence(_read(tmp_path, [vague]), *lookups)
    assert evidence.select("drug_name", "disease_name", "disease_id").rows() == [("imatinib", None, None)]


def test_bad_workbooks_name_the_file_sheet_row_and_what_was_expected(tmp_path: Path) -> None:
    with pytest.raises(EmaError, match=r"absent.xlsx does not exist \(config key sources.ema.path\)"):
        read_ema(tmp_path / "absent.xlsx")
    text = tmp_path / "text.xlsx"
    text.write_text("Category,Name of medicine\n")
    with pytest.raises(EmaError, match=rf"{text}: not an Excel workbook that can be read"):
        read_ema(text)
    other_sheet = tmp_path / "other.xlsx"
    write_ema_workbook(other_sheet, SAMPLE_MEDICINES, sheet="Sheet1")
    with pytest.raises(EmaError, match=rf"{other_sheet}: no sheet 'Medicine' \(sheets: Sheet1\)"):
        read_ema(other_sheet)
    assert read_ema(other_sheet, sheet="Sheet1")[0].height == len(SAMPLE_MEDICINES)  # sources.ema.sheet
    renamed = tmp_path / "renamed.xlsx"
    headers = tuple("Status" if h == "Medicine status" else h for h in CURRENT_HEADERS)
    write_ema_workbook(renamed, SAMPLE_MEDICINES, headers=headers)
    with pytest.raises(
        EmaError,
        match=r"sheet 'Medicine': no header row in the first 30 rows .*"
        r"medicine_status: 'medicine status' or 'authorisation status'",
    ):
        read_ema(renamed)
    bad_date = tmp_path / "bad_date.xlsx"
    write_ema_workbook(bad_date, [*SAMPLE_MEDICINES[:3], replace(SAMPLE_MEDICINES[3], authorised="31/02/2015")])
    with pytest.raises(
        EmaError,
        match=r"bad_date.xlsx, sheet 'Medicine', row 13, column 'Marketing authorisation date': '31/02/2015' is not a"
        r" date \(expected dd/mm/yyyy",
    ):
        read_ema(bad_date)


def test_header_found_without_the_banner(tmp_path: Path) -> None:
    """A workbook saved again without the banner rows: the header on row 1 is found and rows keep their numbers."""
    path = tmp_path / "plain.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("Medicine")
    sheet.write_row(
        0,
        0,
        [
            "Category",
            "Medicine name",
            "Authorisation status",
            "Active substance",
            "Therapeutic area",
            "Condition / indication",
            "Marketing authorisation date",
        ],
    )
    sheet.write_row(1, 0, ["Human", "Glivec", "Authorised", "imatinib", "Leukemia", "CML", "07/11/2001"])
    workbook.close()
    frame, details = read_ema(path)
    assert (details["header_row"], details["layout"]) == (1, "pre-2023")
    assert frame.select("medicine_name", "authorisation_date", "row").rows() == [("Glivec", date(2001, 11, 7), 2)]


def test_the_asset_fails_naming_the_workbook(tmp_path: Path, write_config: Callable[..., Path]) -> None:
    path = tmp_path / "medicines.xlsx"
    write_ema_workbook(path, SAMPLE_MEDICINES, sheet="Export")
    step = {
        "name": "final_df",
        "function": "clinical_mining_tests.step_functions.passthrough",
        "parameters": {"frame": "$ema"},
    }
    failed = run_config(write_config({"process": [step]}, sources={"ema": {"path": str(path)}}))
    message = failed.get_step_failure_events()[0].step_failure_data.error.message
    assert f"{path}: no sheet 'Medicine' (sheets: Export)" in message
    chosen = write_config({"process": [step]}, sources={"ema": {"path": str(path), "sheet": "Export"}})
    assert run_config(chosen).success
    assert output(chosen, "ema").height == len(SAMPLE_MEDICINES)
