"""AACT from a real PostgreSQL (through connectorx) and from the flat-file export: same frames, clear errors."""

import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from dagster import AssetCheckSeverity, DagsterEventType, DagsterInstance
from polars.testing import assert_frame_equal

from clinical_mining.config import PROJECT_ROOT, AactTableConfig
from clinical_mining.sources.aact import AactError, flatfile_path, read_flatfile, read_postgres
from clinical_mining.sources.database import DatabaseTarget
from clinical_mining_tests.conftest import (
    DEFAULT_CONFIG,
    REAL_TRIAL_METADATA,
    Postgres,
    output,
    run_config,
    run_texts,
)
from clinical_mining_tests.synthetic.aact import export_equivalent, generate_aact, write_flatfiles, write_postgres

PASSWORD = "Visible-S3cret/pa:ss@word"
QUIRKS = pl.DataFrame(
    {
        "id": [2_147_483_600, 2_147_483_601, 2_147_483_602, 2_147_483_603],
        "nct_id": ["NCT01000000"] * 4,
        "intervention_type": ["DRUG", "DRUG", "BIOLOGICAL", None],
        "name": ["Matching placebo", 'Drug "X" | 5 mg\nsecond line', "", None],
        "description": [None, "multi\nline\ntext", "a|b|c", ""],
    }
)


@pytest.fixture(scope="module")
def fixture_tables() -> dict[str, pl.DataFrame]:
    tables = generate_aact(120, seed=3)
    tables["interventions"] = pl.concat([tables["interventions"], QUIRKS])
    return tables


@pytest.fixture(scope="module")
def loaded(postgres: Postgres, fixture_tables: dict[str, pl.DataFrame], tmp_path_factory: pytest.TempPathFactory):
    """The fixture in PostgreSQL (schema ctgov) and as an export folder and zip."""
    write_postgres(fixture_tables, postgres.uri, "ctgov")
    postgres.add_password_user("aact_reader", PASSWORD, "ctgov")
    folder = tmp_path_factory.mktemp("export") / "aact"
    write_flatfiles(fixture_tables, folder)
    archive = Path(shutil.make_archive(str(folder.parent / "export"), "zip", folder.parent, "aact"))
    return folder, archive


def test_both_kinds_give_equal_frames_for_every_table(
    postgres: Postgres, fixture_tables: dict[str, pl.DataFrame], loaded: tuple[Path, Path], tmp_path: Path
) -> None:
    folder, archive = loaded
    target = DatabaseTarget(postgres.uri)
    for table, frame in fixture_tables.items():
        spec = AactTableConfig(columns=frame.columns)
        from_db, details = read_postgres(target, "ctgov", table, spec, partitions=3)
        from_files = read_flatfile(flatfile_path(folder, table, tmp_path), table, spec)
        from_zip = read_flatfile(flatfile_path(archive, table, tmp_path / "cache"), table, spec)
        key = "id" if "id" in frame.columns else "nct_id"
        # the database returns what was stored (empty text as null); the export drops embedded quotes
        assert_frame_equal(from_db.sort(key), export_equivalent(frame).sort(key).pipe(_quotes_kept, frame.sort(key)))
        assert_frame_equal(export_equivalent(from_db).sort(key), from_files.sort(key))
        assert_frame_equal(from_zip, from_files)
        assert details["partitions"] == (3 if "id" in frame.columns else 1)
    quirks = read_postgres(target, "ctgov", "interventions", AactTableConfig(columns=["id", "name"]), 2)[0]
    row = quirks.filter(id=2_147_483_601).row(0)
    assert row == (2_147_483_601, 'Drug "X" | 5 mg\nsecond line')
    assert quirks.schema == pl.Schema({"id": pl.Int64, "name": pl.String})


def test_a_table_without_id_configured_is_read_in_ranges_of_its_id(
    postgres: Postgres, loaded: tuple[Path, Path]
) -> None:
    """reported_events and outcome_measurements are configured without their id: the read selects it for the
    ranges and returns the configured columns only, the same rows as one read."""
    target = DatabaseTarget(postgres.uri)
    spec = AactTableConfig(columns=["nct_id", "ctgov_group_code", "adverse_event_term", "subjects_affected"])
    ranged, details = read_postgres(target, "ctgov", "reported_events", spec, 3)
    whole, single = read_postgres(target, "ctgov", "reported_events", spec, 1)
    assert (details["partitions"], single["partitions"]) == (3, 1)
    columns = '"nct_id", "ctgov_group_code", "adverse_event_term", "subjects_affected"'
    assert details["query"] == f'SELECT {columns}, "id" FROM "ctgov"."reported_events"'
    assert single["query"] == f'SELECT {columns} FROM "ctgov"."reported_events"'
    assert ranged.columns == spec.columns and ranged.height == whole.height > 100
    assert_frame_equal(ranged.sort(ranged.columns), whole.sort(whole.columns))


def _quotes_kept(expected: pl.DataFrame, original: pl.DataFrame) -> pl.DataFrame:
    """The original text (with its quotes), empty text as null: what the database kind returns."""
    return expected.with_columns(
        pl.when(original[c] != "").then(original[c]).alias(c) for c, t in original.schema.items() if t == pl.String
    )


def test_where_and_distinct_agree(postgres: Postgres, loaded: tuple[Path, Path], tmp_path: Path) -> None:
    folder, _ = loaded
    target = DatabaseTarget(postgres.uri)
    filtered = AactTableConfig(columns=["id", "name"], where={"intervention_type": ["DRUG", "BIOLOGICAL"]})
    db = read_postgres(target, "ctgov", "interventions", filtered, 2)[0].sort("id")
    files = read_flatfile(folder / "interventions.txt", "interventions", filtered).sort("id")
    assert_frame_equal(export_equivalent(db), files)
    assert db.height == read_postgres(target, "ctgov", "interventions", filtered, 1)[0].height
    distinct = AactTableConfig(columns=["nct_id"], distinct=True)
    db_distinct, details = read_postgres(target, "ctgov", "conditions", distinct, 4)
    # duplicates dropped in Polars; the table's id, not configured, read only for the four range reads
    assert details["query"] == 'SELECT "nct_id", "id" FROM "ctgov"."conditions"'
    assert details["partitions"] == 4
    assert db_distinct.columns == ["nct_id"]
    assert db_distinct["nct_id"].is_unique().all()
    assert sorted(db_distinct["nct_id"]) == sorted(
        read_flatfile(folder / "conditions.txt", "conditions", distinct)["nct_id"]
    )


def _aact_config(
    write_config: Callable[..., Path],
    aact: dict[str, Any],
    table: str = "interventions",
    columns: tuple[str, ...] = ("id", "nct_id", "name"),
) -> Path:
    step = {
        "name": "final_df",
        "function": "clinical_mining_tests.step_functions.passthrough",
        "parameters": {"frame": f"${table}"},
    }
    return write_config({"process": [step]}, sources={"aact": {"tables": {table: {"columns": list(columns)}}, **aact}})


def test_postgres_asset_metadata_and_no_password_anywhere(
    postgres: Postgres,
    loaded: tuple[Path, Path],
    write_config: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    fixture_tables: dict[str, pl.DataFrame],
) -> None:
    monkeypatch.setenv("AACT_USER", "aact_reader")
    monkeypatch.setenv("AACT_PASSWORD", PASSWORD)
    uri = f"postgresql://localhost/postgres?host={postgres.socket_dir}"
    path = _aact_config(write_config, {"kind": "postgres", "uri": uri, "partitions": 2})
    instance = DagsterInstance.ephemeral()
    result = run_config(path, instance=instance)
    assert result.success
    assert output(path, "interventions").height == fixture_tables["interventions"].height
    metadata = result.asset_materializations_for_node("interventions")[0].metadata
    assert metadata["query"].value == 'SELECT "id", "nct_id", "name" FROM "ctgov"."interventions"'
    assert metadata["dagster/row_count"].value == fixture_tables["interventions"].height
    assert metadata["rows_per_second"].value > 0 and metadata["read_seconds"].value >= 0
    assert len(metadata["preview"].records) == 5
    texts = run_texts(instance, result.run_id)
    assert "rows_per_second" in texts and "aact_reader" not in texts.replace("AACT_USER", "")
    assert PASSWORD not in texts

    failing = _aact_config(write_config, {"kind": "postgres", "uri": uri}, columns=("id", "name", "bogus_column"))
    failed = run_config(failing, instance=instance)
    assert not failed.success
    message = failed.get_step_failure_events()[0].step_failure_data.error.message
    assert "has no column 'bogus_column'" in message and "ctgov.interventions" in message
    assert PASSWORD not in run_texts(instance, failed.run_id)


def test_a_password_percent_encoded_in_the_uri_is_encoded_once(
    postgres: Postgres, loaded: tuple[Path, Path], fixture_tables: dict[str, pl.DataFrame]
) -> None:
    """`p@ss/w%rd` written into a URI as `p%40ss%2Fw%25rd` (as URIs must) is the password, not the text."""
    postgres.add_password_user("encoded_reader", "p@ss/w%rd", "ctgov")
    uri = f"postgresql://encoded_reader:p%40ss%2Fw%25rd@localhost/postgres?host={postgres.socket_dir}"
    target = DatabaseTarget(uri)
    assert target.columns("ctgov", "interventions")[:3] == ["id", "nct_id", "intervention_type"]
    frame = target.read('SELECT count(*) AS n FROM "ctgov"."interventions"')
    assert frame["n"].to_list() == [fixture_tables["interventions"].height]
    assert "p%40ss" not in target.scrub(f"failed for {uri}") and "p@ss/w%rd" not in target.scrub("p@ss/w%rd")


def test_wrong_password_fails_at_once_naming_the_database(
    postgres: Postgres, loaded: tuple[Path, Path], write_config: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AACT_USER", "aact_reader")
    monkeypatch.setenv("AACT_PASSWORD", PASSWORD + "-wrong")
    uri = f"postgresql://localhost/postgres?host={postgres.socket_dir}"
    instance = DagsterInstance.ephemeral()
    result = run_config(_aact_config(write_config, {"kind": "postgres", "uri": uri}), instance=instance)
    assert not result.success
    message = result.get_step_failure_events()[0].step_failure_data.error.message
    assert 'password authentication failed for user "aact_reader"' in message
    assert "AACT database localhost/postgres" in message
    assert not [e for e in result.all_events if e.event_type == DagsterEventType.STEP_UP_FOR_RETRY]
    assert PASSWORD not in run_texts(instance, result.run_id)


def test_unreachable_database_is_retried_then_named(
    write_config: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AACT_PASSWORD", PASSWORD)
    aact = {
        "kind": "postgres",
        "uri": "postgresql://reader@127.0.0.1:1/aact",
        "retries": 2,
        "retry_delay_seconds": 0.05,
    }
    instance = DagsterInstance.ephemeral()
    result = run_config(_aact_config(write_config, aact), instance=instance)
    assert not result.success
    retries = [e for e in result.all_events if e.event_type == DagsterEventType.STEP_UP_FOR_RETRY]
    assert len(retries) == 2
    error = result.get_step_failure_events()[0].step_failure_data.error
    assert error.message.startswith("Exceeded max_retries of 2")
    message = error.to_string()
    assert "AACT database 127.0.0.1:1/aact is unreachable or failed" in message
    assert "Connection refused" in message
    assert PASSWORD not in run_texts(instance, result.run_id)


def test_missing_table_is_named(postgres: Postgres, loaded: tuple[Path, Path]) -> None:
    with pytest.raises(AactError, match=r"AACT table ctgov.no_such_table does not exist in localhost/postgres"):
        read_postgres(DatabaseTarget(postgres.uri), "ctgov", "no_such_table", AactTableConfig(columns=["id"]), 1)


def test_flatfile_folder_missing_a_table(
    write_config: Callable[..., Path], loaded: tuple[Path, Path], tmp_path: Path
) -> None:
    folder, _ = loaded
    with pytest.raises(AactError, match=r"has no countries.txt \(table 'countries' is configured\)"):
        flatfile_path(folder, "countries", tmp_path)
    result = run_config(_aact_config(write_config, {"kind": "flatfiles", "path": str(folder)}, table="interventions"))
    assert result.success
    path = _aact_config(write_config, {"kind": "flatfiles", "path": str(folder)}, table="countries", columns=("id",))
    failed = run_config(path)
    assert "AACT flat-file export" in failed.get_step_failure_events()[0].step_failure_data.error.message


def test_empty_table_warns_and_the_run_goes_on(postgres: Postgres, write_config: Callable[..., Path]) -> None:
    write_postgres({"interventions": generate_aact(5)["interventions"].head(0)}, postgres.uri, "ctgov_empty")
    uri = f"postgresql://postgres@localhost/postgres?host={postgres.socket_dir}"
    result = run_config(_aact_config(write_config, {"kind": "postgres", "uri": uri, "schema": "ctgov_empty"}))
    assert result.success
    check = result.get_asset_check_evaluations()[0]
    assert (check.check_name, check.passed, check.severity) == ("not_empty", False, AssetCheckSeverity.WARN)
    assert check.description == "AACT ctgov_empty.interventions has no rows"


def test_a_read_that_stalls_times_out_and_is_retried(
    postgres: Postgres, loaded: tuple[Path, Path], write_config: Callable[..., Path]
) -> None:
    """Another session holds a lock on the table, so the read waits: the statement timeout ends it."""
    import psycopg

    uri = f"postgresql://postgres@localhost/postgres?host={postgres.socket_dir}"
    aact = {"kind": "postgres", "uri": uri, "statement_timeout_seconds": 1, "retries": 1, "retry_delay_seconds": 0.05}
    with psycopg.connect(postgres.uri) as locker:
        locker.execute("LOCK TABLE ctgov.interventions IN ACCESS EXCLUSIVE MODE")  # held until the block ends
        started = time.monotonic()
        result = run_config(_aact_config(write_config, aact))
        waited = time.monotonic() - started
    assert not result.success
    assert len([e for e in result.all_events if e.event_type == DagsterEventType.STEP_UP_FOR_RETRY]) == 1
    message = result.get_step_failure_events()[0].step_failure_data.error.to_string()
    assert "AACT database localhost/postgres is unreachable or failed: the read took longer than 1 s" in message
    assert waited < 30


def test_trial_metadata_is_the_same_from_postgres_as_from_the_flat_files(postgres: Postgres, tmp_path: Path) -> None:
    """The embedded sample loaded into PostgreSQL and read there by the default config gives the same trials and
    final_df as its flat files: a real trial's sponsor, literature, enrollment, dates, design and results as its
    record gives them, in the trials asset and in every sources entry of its pairs."""
    sample = PROJECT_ROOT / "clinical_mining" / "sample_data" / "aact"
    tables = {}
    for path in sorted(sample.glob("*.txt")):
        header = pl.read_csv(path, separator="|", n_rows=0).columns
        tables[path.stem] = read_flatfile(path, path.stem, AactTableConfig(columns=header))
    write_postgres(tables, postgres.uri, "sample")
    kinds = {
        "flatfiles": {},
        "postgres": {
            "sources.aact.kind": "postgres",
            "sources.aact.uri": postgres.uri,
            "sources.aact.schema": "sample",
        },
    }
    outputs = {}
    for kind, overrides in kinds.items():
        result = run_config(DEFAULT_CONFIG, overrides=overrides | {"output.dir": str(tmp_path / kind)})
        assert result.success, kind
        outputs[kind] = {
            asset: pl.read_parquet(tmp_path / kind / f"{asset}.parquet") for asset in ("trials", "final_df")
        }
    assert_frame_equal(outputs["postgres"]["final_df"], outputs["flatfiles"]["final_df"])
    assert_frame_equal(outputs["postgres"]["trials"].sort("nct_id"), outputs["flatfiles"]["trials"].sort("nct_id"))
    expected = REAL_TRIAL_METADATA["NCT02552212"]
    trials, final = outputs["postgres"]["trials"], outputs["postgres"]["final_df"]
    assert trials.filter(nct_id="NCT02552212").select(list(expected)).row(0, named=True) == expected
    entries = final.select(pl.col("sources").explode()).unnest("sources").filter(studyId="NCT02552212")
    assert entries.height > 0 and all(row == expected for row in entries.select(list(expected)).iter_rows(named=True))
