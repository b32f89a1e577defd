"""Random and mutated bytes into the parsers: each ends in a result or its own clean error, never a hang
or an unexpected exception type. Bounded by example counts, so the suite's time stays fixed."""

import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clinical_mining.config import AactTableConfig
from clinical_mining.sources.aact import AactError, read_flatfile
from clinical_mining.sources.chembl import INDICATION_SCHEMA, ChemblError, read_indications
from clinical_mining.sources.ctgov import build_tables
from clinical_mining.sources.ctgov_json import CtgovError, iter_studies
from clinical_mining.sources.ema import EMA_SCHEMA, EmaError, read_ema
from clinical_mining.sources.pmda import PmdaError, read_pmda
from clinical_mining.sources.ttd import TTD_SCHEMA, TtdError, read_ttd
from clinical_mining_tests.synthetic.ema import SAMPLE_MEDICINES, write_ema_workbook
from clinical_mining_tests.synthetic.pmda import SAMPLE_BLOCKS, write_pmda_pdf
from clinical_mining_tests.synthetic.ttd import SAMPLE_DRUGS, ttd_text

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
JSON_LINE = '{"drugind_id": 1, "molecule_chembl_id": "CHEMBL25", "efo_id": "EFO:1", "indication_refs": []}\n'
FLAT_FILE = 'id|nct_id|intervention_type|name\n400000000|NCT01000000|DRUG|"Aspirin | 5 mg"\n'


def _file(suffix: str, data: bytes) -> Path:
    with tempfile.NamedTemporaryFile(suffix=suffix, delete=False) as handle:
        handle.write(data)
    return Path(handle.name)


def _mutated(seed: bytes, edits: list[tuple[int, int]], cut: int | None) -> bytes:
    data = bytearray(seed)
    for position, value in edits:
        data[position % len(data)] = value
    return bytes(data[:cut] if cut else data)


EDITS = st.lists(st.tuples(st.integers(0, 1 << 20), st.integers(0, 255)), max_size=20)


@FUZZ
@given(
    st.one_of(
        st.just(JSON_LINE.encode() * 3),
        st.binary(max_size=400),
        st.builds(_mutated, st.just(JSON_LINE.encode() * 3), EDITS, st.none() | st.integers(1, 200)),
    )
)
def test_json_lines_reader(data: bytes) -> None:
    path = _file(".jsonl", data)
    try:
        for skip in (False, True):
            try:
                frame, skipped = read_indications(path, skip_bad_lines=skip)
            except ChemblError:
                continue
            # a result is records of the schema, one per line at most, and nothing skipped unless asked
            assert frame.schema == INDICATION_SCHEMA
            assert frame.height + skipped <= len(data.splitlines())
            assert skip or skipped == 0
            if data == JSON_LINE.encode() * 3:
                assert (frame["molecule_chembl_id"].to_list(), skipped) == (["CHEMBL25"] * 3, 0)
    finally:
        path.unlink()


@FUZZ
@given(
    st.one_of(
        st.binary(max_size=400), st.builds(_mutated, st.just(FLAT_FILE.encode()), EDITS, st.none() | st.integers(1, 90))
    )
)
def test_flat_file_reader(data: bytes) -> None:
    path = _file(".txt", data)
    spec = AactTableConfig(columns=["id", "nct_id", "name"])
    try:
        frame = read_flatfile(path, "interventions", spec)
        assert frame.columns == ["id", "nct_id", "name"]
    except AactError:
        pass
    finally:
        path.unlink()


SAMPLE_PDF = Path(tempfile.mkdtemp()) / "sample.pdf"
write_pmda_pdf(SAMPLE_PDF, SAMPLE_BLOCKS)


@settings(max_examples=80, deadline=None, derandomize=True)
@given(st.builds(_mutated, st.just(SAMPLE_PDF.read_bytes()), EDITS, st.none() | st.integers(5, 4000)))
def test_pdf_parser(data: bytes) -> None:
    path = _file(".pdf", data)
    try:
        frame, details = read_pmda(path, processes=1)
        assert frame.height >= 1 and details["pages"] >= 1
    except PmdaError:
        pass
    finally:
        path.unlink()


TTD_FILE = ttd_text(SAMPLE_DRUGS[:3]).encode()


@FUZZ
@given(
    st.one_of(
        st.binary(max_size=400),
        st.builds(_mutated, st.just(TTD_FILE), EDITS, st.none() | st.integers(1, len(TTD_FILE))),
    )
)
def test_ttd_reader(data: bytes) -> None:
    path = _file(".txt", data)
    try:
        for skip in (False, True):
            try:
                frame, details = read_ttd(path, skip_bad_records=skip)
            except TtdError:
                continue
            assert frame.schema == TTD_SCHEMA
            assert frame.height <= data.count(b"INDICATI")
            assert skip or details["skipped/records_without_name"] == 0
    finally:
        path.unlink()


SAMPLE_WORKBOOK = Path(tempfile.mkdtemp()) / "medicines.xlsx"
write_ema_workbook(SAMPLE_WORKBOOK, SAMPLE_MEDICINES)


@settings(max_examples=80, deadline=None, derandomize=True)
@given(st.builds(_mutated, st.just(SAMPLE_WORKBOOK.read_bytes()), EDITS, st.none() | st.integers(5, 6000)))
def test_ema_reader(data: bytes) -> None:
    path = _file(".xlsx", data)
    try:
        frame, _ = read_ema(path)
        assert frame.schema == EMA_SCHEMA
    except EmaError:
        pass
    finally:
        path.unlink()


CTGOV_STUDY = {
    "protocolSection": {
        "identificationModule": {"nctId": "NCT01000000", "briefTitle": "Drug A vs placebo"},
        "statusModule": {"overallStatus": "COMPLETED", "startDateStruct": {"date": "2020-02"}},
        "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE2", "PHASE3"]},
        "armsInterventionsModule": {
            "armGroups": [{"label": "A", "type": "EXPERIMENTAL"}, {"label": "P", "type": "PLACEBO_COMPARATOR"}],
            "interventions": [{"type": "DRUG", "name": "A", "armGroupLabels": ["A"], "otherNames": ["a1"]}],
        },
        "conditionsModule": {"conditions": ["Asthma"]},
    },
    "resultsSection": {
        "outcomeMeasuresModule": {
            "outcomeMeasures": [
                {
                    "type": "PRIMARY",
                    "title": "FEV1",
                    "groups": [{"id": "OG000", "title": "A"}, {"id": "OG001", "title": "P"}],
                    "classes": [{"categories": [{"measurements": [{"groupId": "OG000", "value": "1.5"}]}]}],
                    "analyses": [{"groupIds": ["OG000", "OG001"], "pValue": "<0.05", "ciPctValue": "95"}],
                }
            ]
        },
        "adverseEventsModule": {"eventGroups": [{"id": "EG000", "seriousNumAffected": 1, "seriousNumAtRisk": 9}]},
    },
}
CTGOV_FILE = (
    "[" + ",".join([json.dumps(CTGOV_STUDY), json.dumps(CTGOV_STUDY).replace("NCT01000000", "NCT01000001")]) + "]"
).encode()
CTGOV_COLUMNS = {
    "studies": ["nct_id", "phase", "start_date", "number_of_arms"],
    "interventions": ["id", "nct_id", "name"],
    "intervention_other_names": ["id", "intervention_id", "name"],
    "design_group_interventions": ["design_group_id", "intervention_id"],
    "result_groups": ["id", "ctgov_group_code", "result_type"],
    "outcome_analyses": ["id", "outcome_id", "p_value", "p_value_modifier", "ci_percent"],
    "outcome_analysis_groups": ["outcome_analysis_id", "result_group_id"],
    "outcome_measurements": ["outcome_id", "result_group_id", "param_value_num"],
    "reported_event_totals": ["ctgov_group_code", "event_type", "subjects_affected"],
}


@FUZZ
@given(
    st.one_of(
        st.just(CTGOV_FILE),
        st.binary(max_size=400),
        st.builds(_mutated, st.just(CTGOV_FILE), EDITS, st.none() | st.integers(1, len(CTGOV_FILE))),
    )
)
def test_ctgov_reader(data: bytes) -> None:
    """Mutated and cut-off downloads: the tables of the studies read, or a CtgovError naming the file."""
    path = _file(".json", data)
    out = Path(tempfile.mkdtemp())
    try:
        details = build_tables(iter_studies(path), CTGOV_COLUMNS, out)
        assert details["studies"] + details["duplicates_skipped"] <= 2  # the file holds two study objects
        if data == CTGOV_FILE:
            assert details["studies"] == 2 and details["rows"]["outcome_analysis_groups"] == 4
    except CtgovError as exc:
        assert str(path) in str(exc)
    finally:
        path.unlink()
        shutil.rmtree(out, ignore_errors=True)
