"""AACT tables from ClinicalTrials.gov's own API v2 JSON (`sources.aact.kind: ctgov`): equal to AACT's rows for
the same studies, the same graph outputs, every packaging of the download, and clear errors for bad ones.

The real records are in `shared/real/` beside the repository (127 studies as `NCT*.json`, and the same studies
as AACT flat files written by a converter that follows AACT's loader)."""

import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl
import pytest
import yaml
from polars.testing import assert_frame_equal

from benchmarks.efficacy_real import export_overrides
from clinical_mining.config import PROJECT_ROOT, AactTableConfig, ConfigError, load_config
from clinical_mining.sources import ctgov, ctgov_json, ctgov_shards
from clinical_mining.sources.aact import read_flatfile
from clinical_mining.sources.ctgov import build_tables, needed_columns, read_ctgov_table
from clinical_mining.sources.ctgov_json import CtgovError, iter_studies
from clinical_mining.sources.ctgov_tables import TABLES
from clinical_mining.steps.evidence.aact import TRIAL_METADATA, select_trials
from clinical_mining_tests.conftest import DEFAULT_CONFIG, REAL_TRIAL_METADATA, run_config
from clinical_mining_tests.synthetic.ctgov import SAMPLE, write_download

REAL = PROJECT_ROOT.parent / "shared" / "real"
CTGOV = REAL / "ctgov"
EXPORT = REAL / "aact_export"
needs_real = pytest.mark.skipif(
    not CTGOV.is_dir() or not EXPORT.is_dir(),
    reason=f"the real ClinicalTrials.gov records and their AACT export are not at {REAL} (shared/ beside the clone)",
)
# What a foreign key points at: compared by the content of that row, since ids are sequence numbers
FOREIGN_KEYS = {
    "design_group_id": "design_groups",
    "intervention_id": "interventions",
    "outcome_id": "outcomes",
    "outcome_analysis_id": "outcome_analyses",
    "result_group_id": "result_groups",
}


def _default_tables() -> dict[str, AactTableConfig]:
    return load_config(DEFAULT_CONFIG).sources.aact.tables  # type: ignore[union-attr]


def _as_exported(frame: pl.DataFrame) -> pl.DataFrame:
    """Text as AACT's flat-file export gives it back: embedded quotes dropped, each run of line breaks one
    line break (the export writes one '~' for it, and a '~' reads back as a line break), empty text null."""
    return frame.with_columns(
        pl.col(column)
        .str.replace_all('"', "", literal=True)
        .str.replace_all("~", "\n", literal=True)
        .str.replace_all(r"[\r\n]+", "\n")
        .pipe(lambda text: pl.when(text != "").then(text))
        for column, dtype in frame.schema.items()
        if dtype == pl.String
    )


def _by_content(frames: dict[str, pl.DataFrame], table: str, done: dict[str, pl.DataFrame]) -> pl.DataFrame:
    """`table` without its id, each foreign key replaced by the content of the row it points at."""
    if table in done:
        return done[table]
    frame = frames[table]
    for key, target in FOREIGN_KEYS.items():
        if key in frame.columns and target in frames:
            pointed = _by_content(frames, target, done)
            pointed = pointed.select(pl.struct(pointed.columns).alias(f"{key}->"), frames[target]["id"].alias(key))
            frame = frame.join(pointed, on=key, how="left", nulls_equal=False).drop(key)
    done[table] = frame.drop("id", strict=False)
    return done[table]


def _sorted(frame: pl.DataFrame) -> pl.DataFrame:
    keys = [column for column, dtype in frame.schema.items() if not isinstance(dtype, pl.Struct)]
    return frame.sort(keys, nulls_last=True, maintain_order=True).select(sorted(frame.columns))


@needs_real
def test_every_table_equals_aacts_rows_for_the_same_studies(tmp_path: Path) -> None:
    """Every AACT table the default config reads, and every other table of the export this kind gives (results
    included): the same rows in every column both hold, ids compared by what they point at."""
    studies = sorted(path.stem for path in CTGOV.glob("NCT*.json"))
    exported = sorted(path.stem for path in EXPORT.glob("*.txt"))
    tables = sorted((set(_default_tables()) & set(exported)) | {t for t in exported if t in TABLES})
    # the export was written without sponsors: the JSON's sponsors are checked against the records themselves
    assert set(_default_tables()) - set(exported) == {"sponsors"}, "the export lacks a table the default config reads"
    specs = {}
    for table in tables:
        header = pl.read_csv(EXPORT / f"{table}.txt", separator="|", n_rows=0).columns
        assert set(header) <= set(TABLES[table].columns), f"{table}: a column of AACT's that the reader does not give"
        specs[table] = AactTableConfig(columns=header)
    columns = needed_columns(specs)
    ours = {t: _as_exported(read_ctgov_table(CTGOV, t, specs[t], columns, tmp_path)[0]) for t in tables}
    theirs = {
        t: _as_exported(read_flatfile(EXPORT / f"{t}.txt", t, specs[t]).filter(pl.col("nct_id").is_in(studies)))
        for t in tables
    }
    ours_done: dict[str, pl.DataFrame] = {}
    theirs_done: dict[str, pl.DataFrame] = {}
    compared = {}
    for table in tables:
        mine, aact = _by_content(ours, table, ours_done), _by_content(theirs, table, theirs_done)
        assert mine.height == aact.height > 0, table
        assert_frame_equal(_sorted(mine), _sorted(aact), check_exact=False, rel_tol=1e-12)
        compared[table] = len(specs[table].columns)
    assert compared["outcome_analyses"] >= 20 and compared["outcome_measurements"] >= 20
    assert compared["studies"] >= 10 and len(compared) >= 20


@needs_real
def test_trial_metadata_from_the_json_as_the_records_give_it(tmp_path: Path) -> None:
    """The default config's sponsors, study_references, designs and studies read from the JSON of the real studies
    give each trial's metadata as the record states it (read by hand: `REAL_TRIAL_METADATA`)."""
    specs = _default_tables()
    columns = needed_columns(specs)
    read = {
        table: read_ctgov_table(CTGOV, table, specs[table], columns, tmp_path)[0].lazy()
        for table in ("studies", "sponsors", "study_references", "designs")
    }
    trials = select_trials(read["studies"], None, read["sponsors"], read["study_references"], read["designs"])
    got = {
        row["nct_id"]: {column: row[column] for column in TRIAL_METADATA}
        for row in trials.filter(pl.col("nct_id").is_in(list(REAL_TRIAL_METADATA))).iter_rows(named=True)
    }
    assert got == REAL_TRIAL_METADATA
    assert read["sponsors"].collect()["lead_or_collaborator"].unique().to_list() == ["lead"]  # the config's where
    # a reference without a PubMed id (NCT01367860 cites one paper without) is no literature entry
    cited = json.loads((CTGOV / "NCT01367860.json").read_text())["protocolSection"]["referencesModule"]["references"]
    literature = trials.filter(nct_id="NCT01367860")["literature"].item()
    assert len(literature) == len([r for r in cited if r.get("pmid")]) == len(cited) - 1 == 21


def _frozen_graph(tmp_path: Path, name: str, aact: dict[str, Any], assets: list[str]) -> dict[str, pl.DataFrame]:
    """The default graph reading only what AACT's export holds (`export_overrides`), with the AACT source
    replaced, materialised in process; its `assets` read back."""
    overrides = export_overrides(EXPORT) | {f"sources.aact.{key}": value for key, value in aact.items()}
    result = run_config(DEFAULT_CONFIG, overrides=overrides | {"output.dir": str(tmp_path / name)})
    assert result.success, [e.step_failure_data.error.message for e in result.get_step_failure_events()]
    return {asset: pl.read_parquet(tmp_path / name / f"{asset}.parquet") for asset in assets}


def _export_of(studies: list[str], folder: Path) -> Path:
    """AACT's export restricted to `studies`, in its own format (the lines kept as written)."""
    folder.mkdir()
    for file in EXPORT.glob("*.txt"):
        frame = pl.read_csv(file, separator="|", quote_char='"', infer_schema=False)
        frame.filter(pl.col("nct_id").is_in(studies)).write_csv(folder / file.name, separator="|", null_value="")
    return folder


@needs_real
def test_the_graph_gives_the_same_outputs_from_the_json_as_from_aacts_export(tmp_path: Path) -> None:
    """The default graph with its AACT source switched to the JSON of the 127 real studies, against the same
    graph on AACT's export of those studies: the same final_df (its trial metadata included), trials,
    trial_efficacy and trial_safety, both reading the tables and columns the export holds."""
    assets = ["final_df", "trials", "trial_efficacy", "trial_safety"]
    studies = sorted(path.stem for path in CTGOV.glob("NCT*.json"))
    from_json = _frozen_graph(tmp_path, "ctgov", {"kind": "ctgov", "path": str(CTGOV)}, assets)
    export = _export_of(studies, tmp_path / "export")
    from_export = _frozen_graph(tmp_path, "flatfiles", {"kind": "flatfiles", "path": str(export)}, assets)
    assert from_json["trials"]["literature"].drop_nulls().len() > 50  # the references, which both hold
    for asset in assets:
        assert from_json[asset].height > 0, asset
        mine = _ids_as_content(_as_exported(from_json[asset]), tmp_path / "ctgov")
        aact = _ids_as_content(_as_exported(from_export[asset]), tmp_path / "flatfiles")
        assert_frame_equal(_sorted(mine), _sorted(aact), check_exact=False, rel_tol=1e-12)


def _ids_as_content(frame: pl.DataFrame, output: Path) -> pl.DataFrame:
    """AACT row ids in an output (trial_efficacy's outcome and analysis) replaced by the rows they name."""
    for key, table in {"outcome_id": "outcomes", "analysis_id": "outcome_analyses"}.items():
        if key in frame.columns:
            rows = _as_exported(pl.read_parquet(output / f"{table}.parquet"))
            content = [c for c in rows.columns if c not in ("id", "outcome_id")]
            named = rows.select(pl.col("id").alias(key), pl.struct(content).alias(f"{key}->"))
            frame = frame.join(named, on=key, how="left").drop(key)
    return frame


# --- every packaging of a download gives the same tables --------------------------------------------------------

SOME_TABLES = {
    "studies": AactTableConfig(columns=["nct_id", "phase", "start_date", "number_of_arms", "enrollment"]),
    "interventions": AactTableConfig(columns=["id", "nct_id", "intervention_type", "name"]),
    "design_group_interventions": AactTableConfig(columns=["id", "nct_id", "design_group_id", "intervention_id"]),
    "result_groups": AactTableConfig(columns=["id", "nct_id", "ctgov_group_code", "result_type", "title"]),
    "outcome_analyses": AactTableConfig(columns=["id", "outcome_id", "p_value_raw", "p_value", "ci_percent"]),
    "outcome_analysis_groups": AactTableConfig(columns=["id", "outcome_analysis_id", "result_group_id"]),
    "reported_events": AactTableConfig(columns=["id", "result_group_id", "adverse_event_term", "subjects_affected"]),
}


def _tables_of(path: Path, cache: Path) -> dict[str, pl.DataFrame]:
    columns = needed_columns(SOME_TABLES)
    return {t: read_ctgov_table(path, t, spec, columns, cache)[0] for t, spec in SOME_TABLES.items()}


def _records(folder: Path) -> list[dict[str, Any]]:
    return [json.loads(path.read_text()) for path in sorted(folder.glob("NCT*.json"))]


@needs_real
def test_array_zip_folder_and_api_pages_give_the_same_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    records = _records(CTGOV)
    expected = _tables_of(CTGOV, tmp_path / "cache")
    assert expected["studies"].height == len(records) and expected["outcome_analyses"].height > 500
    array = tmp_path / "ctg-studies.json"
    write_download(records, array)
    archive = tmp_path / "ctg-studies.json.zip"
    write_download(records, archive)
    pages = tmp_path / "pages"
    pages.mkdir()
    for page, start in enumerate(range(0, len(records), 50)):
        token = {"nextPageToken": f"token{page}"} if start + 50 < len(records) else {}
        (pages / f"page-{page:03d}.json").write_text(json.dumps({"studies": records[start : start + 50], **token}))
    per_study = tmp_path / "per_study.zip"
    with zipfile.ZipFile(per_study, "w") as handle:
        for record in records:
            nct_id = record["protocolSection"]["identificationModule"]["nctId"]
            handle.writestr(f"ctg-studies/{nct_id}.json", json.dumps(record, indent=2))
    for download in (array, archive, pages, per_study):
        got = _tables_of(download, tmp_path / "cache")
        for table, frame in expected.items():
            assert_frame_equal(got[table], frame, check_exact=True), (download, table)
    # a study cut by a chunk's end is read whole; rows written in many small chunks are the same rows
    monkeypatch.setattr(ctgov_json, "CHUNK_CHARACTERS", 997)
    monkeypatch.setattr(ctgov, "ROWS_PER_CHUNK", 64)
    small = _tables_of(array, tmp_path / "cache_small")
    for table, frame in expected.items():
        assert_frame_equal(small[table], frame, check_exact=True)
    assert len(list((tmp_path / "cache_small").rglob("result_groups/part-*.parquet"))) > 10


@needs_real
def test_a_big_download_is_parsed_in_shards_into_the_same_tables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cut into shards parsed at once (the second in a helper process), a download gives the tables of one
    pass, ids included; a study that a later shard repeats is dropped; a bad study is named as one pass names
    it (the read falls back to one pass)."""
    records = _records(CTGOV)
    array = tmp_path / "ctg-studies.json"
    write_download(records, array)
    expected = _tables_of(array, tmp_path / "one_pass")
    monkeypatch.setattr(ctgov_shards, "MIN_BYTES_PER_SHARD", 1 << 20)
    monkeypatch.setattr(ctgov, "PROCESSES", 2)
    assert len(ctgov_shards.plan(array, 2)) == 2
    sharded = _tables_of(array, tmp_path / "sharded")
    assert list((tmp_path / "sharded").rglob("shard-1/result_groups/*.parquet"))
    for table, frame in expected.items():
        assert_frame_equal(sharded[table], frame, check_exact=True)
    folder = tmp_path / "per_study"
    folder.mkdir()
    for record in records:
        (folder / f"{record['protocolSection']['identificationModule']['nctId']}.json").write_text(json.dumps(record))
    by_files = _tables_of(folder, tmp_path / "by_files")
    for table, frame in expected.items():
        assert_frame_equal(by_files[table], frame, check_exact=True)

    repeated = tmp_path / "repeated.json"
    write_download([*records, records[3], records[90]], repeated)  # both read before: dropped in the second shard
    frames = {
        t: read_ctgov_table(repeated, t, spec, needed_columns(SOME_TABLES), tmp_path / "r")
        for t, spec in SOME_TABLES.items()
    }
    assert frames["studies"][1]["duplicate_studies_skipped"] == 2
    assert "read again later" in frames["studies"][1]["warning"]
    for table, frame in expected.items():
        assert_frame_equal(frames[table][0], frame, check_exact=True)  # the repeats came last: no ids shifted

    bad = tmp_path / "bad.json"
    write_download([*records[:100], {"protocolSection": {}}, *records[100:]], bad)
    with pytest.raises(CtgovError, match=r"bad.json: \[100\] has no NCT id"):
        _tables_of(bad, tmp_path / "bad")


# --- AACT's rules, each shown on a study ----------------------------------------------------------------------


def _study(nct_id: str = "NCT00000001", **sections: Any) -> dict[str, Any]:
    protocol = {"identificationModule": {"nctId": nct_id, "briefTitle": "A study"}, **sections.pop("protocol", {})}
    return {"protocolSection": protocol, **sections}


def _read(tmp_path: Path, studies: list[dict[str, Any]], tables: dict[str, list[str]]) -> dict[str, pl.DataFrame]:
    path = tmp_path / "download.json"
    write_download(studies, path)
    specs = {table: AactTableConfig(columns=columns) for table, columns in tables.items()}
    columns = needed_columns(specs)
    return {t: read_ctgov_table(path, t, spec, columns, tmp_path / "cache")[0] for t, spec in specs.items()}


def test_aacts_rules_for_dates_phases_arms_and_links(tmp_path: Path) -> None:
    interventional = _study(
        protocol={
            "statusModule": {
                "startDateStruct": {"date": "2021-02"},
                "completionDateStruct": {"date": "2023"},
                "primaryCompletionDateStruct": {"date": "2022-06-15"},
            },
            "designModule": {
                "studyType": "INTERVENTIONAL",
                "phases": ["PHASE1", "PHASE2"],
                "enrollmentInfo": {"count": 40},
            },
            "armsInterventionsModule": {
                "armGroups": [
                    {"label": "Drug A", "type": "EXPERIMENTAL"},
                    {"label": "Placebo", "type": "PLACEBO_COMPARATOR"},
                ],
                "interventions": [
                    {
                        "type": "DRUG",
                        "name": "A",
                        "armGroupLabels": ["Drug A", "drug a"],
                        "otherNames": ["A-1", "Alpha"],
                    },
                    {"type": "DRUG", "name": "Placebo", "armGroupLabels": ["Placebo"]},
                ],
            },
            "conditionsModule": {"conditions": ["Heart Failure", "ÉCZÉMA"]},
            "eligibilityModule": {"healthyVolunteers": True, "stdAges": ["ADULT"]},
        }
    )
    observational = _study(
        "NCT00000002",
        protocol={
            "designModule": {"studyType": "OBSERVATIONAL"},
            "armsInterventionsModule": {"armGroups": [{"label": "Cohort"}]},
        },
    )
    got = _read(
        tmp_path,
        [interventional, observational],
        {
            "studies": ["nct_id", "start_date", "completion_date", "primary_completion_date", "start_month_year",
                        "phase", "number_of_arms", "number_of_groups", "enrollment"],
            "design_groups": ["id", "title"],
            "interventions": ["id", "name"],
            "design_group_interventions": ["design_group_id", "intervention_id"],
            "intervention_other_names": ["intervention_id", "name"],
            "conditions": ["name", "downcase_name"],
            "eligibilities": ["healthy_volunteers", "adult", "child"],
        },
    )  # fmt: skip
    studies = got["studies"].sort("nct_id").rows(named=True)
    assert studies[0]["start_date"].isoformat() == "2021-02-28"  # a month: its last day
    assert studies[0]["completion_date"].isoformat() == "2023-12-31"  # a year: its last day
    assert studies[0]["primary_completion_date"].isoformat() == "2022-06-15"
    assert (studies[0]["start_month_year"], studies[0]["phase"], studies[0]["enrollment"]) == (
        "2021-02",
        "PHASE1/PHASE2",
        40,
    )
    assert (studies[0]["number_of_arms"], studies[0]["number_of_groups"]) == (2, None)
    assert (studies[1]["number_of_arms"], studies[1]["number_of_groups"], studies[1]["phase"]) == (None, 1, None)
    arms = dict(got["design_groups"].select("title", "id").iter_rows())
    interventions = dict(got["interventions"].select("name", "id").iter_rows())
    links = set(got["design_group_interventions"].iter_rows())  # "drug a" is no arm's title: no link
    assert links == {(arms["Drug A"], interventions["A"]), (arms["Placebo"], interventions["Placebo"])}
    assert sorted(got["intervention_other_names"].iter_rows()) == [
        (interventions["A"], "A-1"),
        (interventions["A"], "Alpha"),
    ]
    assert sorted(got["conditions"].iter_rows()) == [("Heart Failure", "heart failure"), ("ÉCZÉMA", "éczéma")]
    assert got["eligibilities"].row(0) == ("t", True, False)  # text from JSON true is ActiveRecord's 't'


def test_aacts_rules_for_results(tmp_path: Path) -> None:
    groups = [{"id": "OG000", "title": "Drug"}, {"id": "OG001", "title": "Placebo"}]
    study = _study(
        resultsSection={
            "baselineCharacteristicsModule": {"groups": [{"id": "BG000", "title": "Drug"}] * 2},
            "participantFlowModule": {"groups": [{"id": "FG000", "title": "Drug"}]},
            "outcomeMeasuresModule": {
                "outcomeMeasures": [
                    {
                        "type": "PRIMARY", "title": "Response", "groups": groups, "anticipatedPostingDate": "2030-05",
                        "classes": [{"categories": [{"measurements": [
                            {"groupId": "OG000", "value": "30."}, {"groupId": "OG001", "value": "12.5"}]}]}],
                        "analyses": [
                            {"groupIds": ["OG000", "OG001"], "pValue": "<0.001", "paramValue": "1.5 (approx)",
                             "ciPctValue": "95", "ciLowerLimit": "NA"},
                            {"groupIds": ["OG000", "OG009"], "pValue": "= 0.25"},
                        ],
                    },
                    {"type": "SECONDARY", "title": "Pain", "groups": groups},
                ]
            },
            "adverseEventsModule": {
                "frequencyThreshold": "5",
                "eventGroups": [{"id": "EG000", "seriousNumAffected": 2, "seriousNumAtRisk": 10}],
                "seriousEvents": [
                    {"term": "Headache", "stats": [{"groupId": "EG000", "numAffected": 1, "numAtRisk": 10}]}
                ],
            },
        }
    )  # fmt: skip
    got = _read(
        tmp_path,
        [study],
        {
            "result_groups": ["id", "ctgov_group_code", "result_type"],
            "outcomes": ["id", "title", "anticipated_posting_date"],
            "outcome_analyses": ["id", "outcome_id", "p_value_raw", "p_value_modifier", "p_value", "param_value",
                                 "ci_percent", "ci_lower_limit", "ci_lower_limit_raw"],
            "outcome_analysis_groups": ["outcome_analysis_id", "result_group_id", "ctgov_group_code"],
            "outcome_measurements": ["outcome_id", "result_group_id", "param_value", "param_value_num"],
            "reported_event_totals": ["ctgov_group_code", "event_type", "classification", "subjects_affected"],
            "reported_events": ["result_group_id", "adverse_event_term", "frequency_threshold"],
        },
    )  # fmt: skip
    groups_frame = got["result_groups"]
    # one Baseline group (the identical repeat dropped), one Participant Flow group, Outcome groups per outcome
    assert groups_frame.group_by("result_type").len().sort("result_type").rows() == [
        ("Baseline", 1), ("Outcome", 4), ("Participant Flow", 1), ("Reported Event", 1)
    ]  # fmt: skip
    outcome_groups = groups_frame.filter(result_type="Outcome")["id"].to_list()  # outcome 1: OG000, OG001; outcome 2
    outcomes = got["outcomes"]
    assert outcomes["anticipated_posting_date"][0].isoformat() == "2030-05-01"  # AACT's first-of-month rule here
    first, second = got["outcome_analyses"].sort("id").rows(named=True)
    assert (first["p_value_raw"], first["p_value_modifier"], first["p_value"]) == ("<0.001", "<", 0.001)
    assert (first["param_value"], first["ci_percent"], first["ci_lower_limit"], first["ci_lower_limit_raw"]) == (
        1.5, 95.0, None, "NA"
    )  # fmt: skip
    assert (second["p_value_modifier"], second["p_value"]) == ("=", 0.25)
    assert first["outcome_id"] == second["outcome_id"] == outcomes["id"][0]
    links = got["outcome_analysis_groups"].sort("outcome_analysis_id", "ctgov_group_code").rows()
    assert links == [
        (first["id"], outcome_groups[0], "OG000"),
        (first["id"], outcome_groups[1], "OG001"),
        (second["id"], outcome_groups[0], "OG000"),
        (second["id"], None, "OG009"),  # a code that names no group of the outcome points at none
    ]
    measurements = got["outcome_measurements"].sort("result_group_id").rows()
    assert measurements == [
        (outcomes["id"][0], outcome_groups[0], "30.", None),
        (outcomes["id"][0], outcome_groups[1], "12.5", 12.5),
    ]
    totals = got["reported_event_totals"].sort("event_type").rows()
    assert totals == [
        ("EG000", "deaths", "Total, all-cause mortality", None),
        ("EG000", "other", "Total, other adverse events", None),
        ("EG000", "serious", "Total, serious adverse events", 2),
    ]
    event_group = groups_frame.filter(result_type="Reported Event")["id"][0]
    assert got["reported_events"].rows() == [(event_group, "Headache", 5)]


# --- bad downloads are named: file, member, position ------------------------------------------------------------

GOOD = _study()


def _bad(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def _error(path: Path) -> str:
    with pytest.raises(CtgovError) as caught:
        list(iter_studies(path))
    return str(caught.value)


def test_bad_downloads_are_named_with_the_file_and_the_study(tmp_path: Path) -> None:
    good = json.dumps(GOOD)
    other = json.dumps(_study("NCT00000002"))
    cases = {
        "not_json.json": ("this is not json", r"not_json.json is not JSON: it starts with 'this is not json'"),
        "empty.json": ("  ", r"empty.json is empty"),
        "broken.json": (
            f"[{good},{other.replace(':', ';', 3)}]",
            r"broken.json is not valid JSON: \[1\]: Expecting ':'",
        ),
        "number.json": (f"[{good}, 42]", r"number.json: \[1\] is not a study object \(it is a int"),
        "object.json": (f'[{good}, {{"a": 1}}]', r"object.json: \[1\] is not a study object"),
        "no_id.json": (
            json.dumps([{"protocolSection": {"identificationModule": {}}}]),
            r"no_id.json: \[0\] has no NCT id",
        ),
        "cut.json": (f"[{good},{other}"[:-40], r"cut.json is truncated: \[1\] is cut off by the end of the file"),
        "unclosed.json": (
            f"[{good}",
            r"unclosed.json is truncated: it ends where ',' or '\]' after \[0\] should follow",
        ),
        "trailing.json": (f"[{good}] [", r"trailing.json is not valid JSON: unexpected text after the end"),
        "page.json": (
            json.dumps({"studies": [GOOD, {"protocolSection": {}}]}),
            r"page.json: studies\[1\] has no NCT id",
        ),
        "latin1.json": (
            b'[{"protocolSection": {"identificationModule": {"nctId": "NCT0\xe9"}}}]',
            r"latin1.json is not UTF-8",
        ),
    }
    for name, (data, message) in cases.items():
        assert re.search(message, _error(_bad(tmp_path, name, data))), (name, _error(tmp_path / name))
    archive = tmp_path / "download.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as handle:
        handle.writestr("ctg-studies/NCT00000001.json", good)
        handle.writestr("ctg-studies/NCT00000002.json", other[:-3])
    assert "download.zip (member ctg-studies/NCT00000002.json) is truncated: the study is cut off" in _error(archive)
    cut_zip = _bad(tmp_path, "cut.zip", archive.read_bytes()[:-60])
    assert "cut.zip" in _error(cut_zip) and "cannot be read" in _error(cut_zip)
    empty_folder = tmp_path / "nothing"
    empty_folder.mkdir()
    assert f"ClinicalTrials.gov folder {empty_folder} has no .json files" in _error(empty_folder)
    assert "does not exist (config key sources.aact.path)" in _error(tmp_path / "missing.json")


def test_a_bad_download_fails_its_assets_naming_it_and_a_repeated_study_is_skipped(
    tmp_path: Path, write_config: Callable[..., Path]
) -> None:
    from clinical_mining_tests.conftest import output, run_config

    def config(path: Path) -> Path:
        step = {"name": "final_df", "function": "clinical_mining_tests.step_functions.passthrough",
                "parameters": {"frame": "$studies"}}  # fmt: skip
        aact = {"kind": "ctgov", "path": str(path), "tables": {"studies": {"columns": ["nct_id", "brief_title"]}}}
        return write_config({"process": [step]}, sources={"aact": aact})

    cut = _bad(tmp_path, "cut.json", f"[{json.dumps(GOOD)},{json.dumps(_study('NCT00000002'))}"[:-30])
    failed = run_config(config(cut))
    assert not failed.success
    assert (
        "cut.json is truncated: [1] is cut off" in failed.get_step_failure_events()[0].step_failure_data.error.message
    )
    repeated = _bad(tmp_path, "repeated.json", json.dumps([GOOD, _study("NCT00000002"), GOOD]))
    result = run_config(config(repeated))
    assert result.success
    assert output(config(repeated), "studies")["nct_id"].to_list() == ["NCT00000001", "NCT00000002"]
    metadata = result.asset_materializations_for_node("studies")[0].metadata
    assert metadata["duplicate_studies_skipped"].value == 1 and metadata["studies"].value == 2
    assert "repeated.json [2] (NCT00000001)" in metadata["warning"].value


def test_a_table_or_column_the_json_cannot_give_fails_the_config(tmp_path: Path) -> None:
    raw = {"extends": str(DEFAULT_CONFIG), "sources": {"aact": {"kind": "ctgov", "path": str(SAMPLE), "tables": {
        "studies": {"columns": ["nct_id", "bogus"]}, "calculated_values": {"columns": ["nct_id"]}}}}}  # fmt: skip
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(raw))
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert "AACT table studies read from ClinicalTrials.gov JSON has no column 'bogus'" in message
    assert "table 'calculated_values' cannot be read from ClinicalTrials.gov JSON" in message


# --- the shipped config on the shipped download -------------------------------------------------------------------


def test_the_ctgov_config_runs_the_whole_graph_on_the_shipped_download(tmp_path: Path) -> None:
    path, overrides = PROJECT_ROOT / "config" / "ctgov.yaml", {"output.dir": str(tmp_path / "out")}
    config = load_config(path, overrides)
    assert config.sources.aact is not None and config.sources.aact.kind == "ctgov"
    assert config.sources.aact.path == SAMPLE and SAMPLE.is_file()
    assert config.pipeline.model_dump() == load_config(DEFAULT_CONFIG).pipeline.model_dump()  # inherited steps
    result = run_config(path, overrides=overrides)
    assert result.success
    studies = pl.read_parquet(tmp_path / "out" / "studies.parquet")
    assert studies.height == len(list(iter_studies(SAMPLE))) == 51
    for asset in ("final_df", "trial_efficacy", "trial_safety"):
        assert pl.read_parquet(tmp_path / "out" / f"{asset}.parquet").height > 0, asset
    # GET73's trial, with its metadata as the record gives it, in the trials and in every pair it is evidence for
    expected = REAL_TRIAL_METADATA["NCT03418623"]
    trials = pl.read_parquet(tmp_path / "out" / "trials.parquet").filter(nct_id="NCT03418623")
    assert trials.select(list(expected)).row(0, named=True) == expected
    final = pl.read_parquet(tmp_path / "out" / "final_df.parquet")
    entries = final.select(pl.col("sources").explode()).unnest("sources").filter(studyId="NCT03418623")
    assert entries.height > 0 and set(entries["source"]) == {"AACT"}
    assert all(entry == expected for entry in entries.select(list(expected)).iter_rows(named=True))


def test_extends_merges_mappings_and_refuses_a_cycle(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("extends: b.yaml\nsources: {aact: {kind: ctgov}}\n")
    (tmp_path / "b.yaml").write_text("extends: a.yaml\n")
    with pytest.raises(ConfigError, match="extends itself"):
        load_config(tmp_path / "a.yaml")
    local = tmp_path / "local.yaml"
    local.write_text(f"extends: {DEFAULT_CONFIG}\nsources:\n  aact:\n    kind: ctgov\n    path: {SAMPLE}\n")
    config = load_config(local, {"output.dir": str(tmp_path / "out")})
    assert config.sources.aact.kind == "ctgov" and config.sources.aact.tables == _default_tables()  # type: ignore[union-attr]


def test_chunks_of_a_big_file_keep_memory_flat(tmp_path: Path) -> None:
    """The parse holds one chunk of text and one chunk of rows: more studies, more Parquet parts, same buffers."""
    studies = [_study(f"NCT{n:08d}", protocol={"conditionsModule": {"conditions": ["A", "B"]}}) for n in range(300)]
    path = tmp_path / "big.json"
    write_download(studies, path)
    columns = {"conditions": ["id", "nct_id", "name"]}
    original = ctgov.ROWS_PER_CHUNK
    try:
        ctgov.ROWS_PER_CHUNK = 100
        details = build_tables(iter_studies(path), columns, tmp_path / "out")
    finally:
        ctgov.ROWS_PER_CHUNK = original
    assert details["rows"] == {"conditions": 600} and details["studies"] == 300
    assert len(list((tmp_path / "out" / "conditions").glob("part-*.parquet"))) == 6
    frame = pl.read_parquet(tmp_path / "out" / "conditions" / "*.parquet")
    assert frame["id"].to_list() == list(range(1, 601))
