"""TTD's drug-disease file: both indication layouts, statuses on the stage scale, and bad files."""

from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from clinical_mining.sources.ttd import TtdError, read_ttd
from clinical_mining.steps.evidence.stage import STAGE_DTYPE, ttd_stage
from clinical_mining.steps.evidence.ttd import indication_evidence
from clinical_mining_tests.conftest import output, run_config
from clinical_mining_tests.synthetic.ttd import SAMPLE_DRUGS, Indication, TtdDrug, ttd_text, write_ttd


def _write(tmp_path: Path, drugs: tuple[TtdDrug, ...] | list[TtdDrug], name: str = "ttd.txt") -> Path:
    path = tmp_path / name
    write_ttd(path, drugs)
    return path


def test_both_layouts_and_the_header_block(tmp_path: Path) -> None:
    frame, details = read_ttd(_write(tmp_path, SAMPLE_DRUGS))
    assert details == {
        "records": 6,
        "indications": 13,
        "layout/current": 11,
        "layout/old": 2,
        "skipped/records_without_name": 0,
        "skipped/indication_lines_unreadable": 0,
    }
    # the header block's abbreviation lines (TTDDRUID<TAB>TTD Drug ID) are no record
    assert "TTD Drug ID" not in frame["ttd_drug_id"].to_list()
    rows = {(r["ttd_drug_id"], r["disease_name"]): r for r in frame.iter_rows(named=True)}
    old = rows[("D0X1AD", "Pain")]  # "INDICATI<TAB>Pain [ICD-11: MG30] Approved"
    assert (old["drug_name"], old["icd"], old["clinical_status"]) == ("Paracetamol", "ICD-11: MG30", "Approved")
    several = rows[("D0X1AF", "Breast cancer")]
    assert (several["icd"], several["clinical_status"]) == ("ICD-11: 2C60-2C6Z, 2E65", "Phase 1/2")
    assert rows[("D0X1AF", "Obesity")]["icd"] is None  # N.A.
    assert rows[("D0X1AE", "Osteoarthritis")]["clinical_status"] == "Withdrawn from market"
    lines = (tmp_path / "ttd.txt").read_text().split("\n")
    assert all(lines[r["line"] - 1].startswith("INDICATI\t") for r in frame.iter_rows(named=True))
    assert lines[rows[("D0X1AA", "Chronic myeloid leukemia")]["line"] - 1].startswith("INDICATI\tChronic myeloid")


def test_windows_line_endings_read_the_same(tmp_path: Path) -> None:
    unix = read_ttd(_write(tmp_path, SAMPLE_DRUGS))[0]
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(ttd_text(SAMPLE_DRUGS).replace("\n", "\r\n").encode())
    assert read_ttd(crlf)[0].equals(unix)


STAGES = {
    "Approved": "APPROVAL",
    "Phase 4": "PHASE_4",
    "Phase 3": "PHASE_3",
    "Phase 3b": "PHASE_3",
    "Phase 2/3": "PHASE_2_3",
    "Phase 2a": "PHASE_2",
    "Phase 2b": "PHASE_2",
    "Phase 1/2": "PHASE_1_2",
    "Phase 1": "PHASE_1",
    "Phase 0": "EARLY_PHASE_1",
    "Phase II": "PHASE_2",
    "Discontinued in Phase 2": "PHASE_2",
    "Preclinical": "PRECLINICAL",
    "Investigative": "PRECLINICAL",
    "Patented": "PRECLINICAL",
    "Terminated": "UNKNOWN",
    "Withdrawn from market": "UNKNOWN",
    "Clinical trial": "UNKNOWN",
    "Preregistration": "UNKNOWN",
    "Registered": "UNKNOWN",
    "Something new": "UNKNOWN",
}


def test_statuses_on_the_stage_scale() -> None:
    statuses = pl.DataFrame({"status": list(STAGES)})
    got = statuses.select(stage=ttd_stage(pl.col("status")).cast(pl.String))["stage"].to_list()
    assert dict(zip(STAGES, got, strict=True)) == STAGES


def test_terminated_and_withdrawn_are_kept_and_never_the_furthest_stage(tmp_path: Path) -> None:
    drug = TtdDrug(
        "D0TEST",
        "Celecoxib",
        (
            Indication("Osteoarthritis", "FA00", "Withdrawn from market"),
            Indication("Osteoarthritis", "FA00", "Phase 2"),
            Indication("Colorectal cancer", "2B91", "Terminated"),
        ),
    )
    evidence = indication_evidence(read_ttd(_write(tmp_path, [drug]))[0])
    assert evidence.select(
        "studyId", "disease_name", "clinical_stage", "regulatory_status", "source", "url"
    ).rows() == [
        (
            "D0TEST",
            "Osteoarthritis",
            "UNKNOWN",
            "Withdrawn from market",
            "TTD",
            "https://db.idrblab.net/ttd/data/drug/details/D0TEST",
        ),
        (
            "D0TEST",
            "Osteoarthritis",
            "PHASE_2",
            "Phase 2",
            "TTD",
            "https://db.idrblab.net/ttd/data/drug/details/D0TEST",
        ),
        (
            "D0TEST",
            "Colorectal cancer",
            "UNKNOWN",
            "Terminated",
            "TTD",
            "https://db.idrblab.net/ttd/data/drug/details/D0TEST",
        ),
    ]
    furthest = evidence.group_by("disease_name").agg(pl.col("clinical_stage").cast(STAGE_DTYPE).max())
    assert dict(furthest.iter_rows()) == {"Osteoarthritis": "PHASE_2", "Colorectal cancer": "UNKNOWN"}


def test_bad_files_name_the_line(tmp_path: Path) -> None:
    with pytest.raises(TtdError, match=r"absent.txt does not exist \(config key sources.ttd.path\)"):
        read_ttd(tmp_path / "absent.txt")
    nameless = [SAMPLE_DRUGS[0], TtdDrug("D0NONE", None, (Indication("Pain", "MG30", "Approved"),)), SAMPLE_DRUGS[1]]
    path = _write(tmp_path, nameless, "nameless.txt")
    line = path.read_text().split("\n").index("TTDDRUID\tD0NONE") + 1
    with pytest.raises(
        TtdError,
        match=rf"nameless.txt, line {line}: record D0NONE has no DRUGNAME line .*sources.ttd.skip_bad_records: true",
    ):
        read_ttd(path)
    frame, details = read_ttd(path, skip_bad_records=True)
    assert (details["skipped/records_without_name"], "D0NONE" in frame["ttd_drug_id"].to_list()) == (1, False)
    assert frame.height == len(SAMPLE_DRUGS[0].indications) + len(SAMPLE_DRUGS[1].indications)
    assert "skipped 1 record(s) without a name" in str(details["warning"])
    truncated = tmp_path / "truncated.txt"
    truncated.write_text(ttd_text(SAMPLE_DRUGS[:1]) + "TTDDRUID\tD0CUT\nDRUGNAME\tAspirin\nINDICATI\tPain\n")
    cut = len(truncated.read_text().split("\n")) - 1
    with pytest.raises(
        TtdError, match=rf"truncated.txt, line {cut}: an INDICATI line without a disease and a clinical"
    ):
        read_ttd(truncated)
    latin = tmp_path / "latin1.txt"
    drugs = [SAMPLE_DRUGS[0], TtdDrug("D0LAT", "Ibuprofen", (Indication("Fièvre", "MG26", "Approved"),))]
    write_ttd(latin, drugs, encoding="latin-1")
    fever = ttd_text(drugs).split("\n").index("INDICATI\tFièvre\tICD-11: MG26\tApproved") + 1
    with pytest.raises(TtdError, match=rf"latin1.txt, line {fever}: byte 0xe8 is not UTF-8"):
        read_ttd(latin)
    other = tmp_path / "other.txt"
    other.write_text("drug\tdisease\nimatinib\tCML\n")
    with pytest.raises(TtdError, match=r"other.txt: no TTDDRUID line; expected TTD's drug-disease file"):
        read_ttd(other)


def test_the_asset_fails_naming_the_line_or_skips_when_configured(
    tmp_path: Path, write_config: Callable[..., Path]
) -> None:
    path = _write(tmp_path, [SAMPLE_DRUGS[0], TtdDrug("D0NONE", None, (Indication("Pain", "MG30", "Approved"),))])
    step = {
        "name": "final_df",
        "function": "clinical_mining.steps.evidence.ttd.indication_evidence",
        "parameters": {"ttd": "$ttd"},
    }
    failed = run_config(write_config({"process": [step]}, sources={"ttd": {"path": str(path)}}))
    message = failed.get_step_failure_events()[0].step_failure_data.error.message
    assert "record D0NONE has no DRUGNAME line" in message
    skipping = write_config({"process": [step]}, sources={"ttd": {"path": str(path), "skip_bad_records": True}})
    result = run_config(skipping)
    assert result.success
    assert output(skipping, "ttd").height == len(SAMPLE_DRUGS[0].indications)
    metadata = result.asset_materializations_for_node("ttd")[0].metadata
    assert metadata["skipped/records_without_name"].value == 1
