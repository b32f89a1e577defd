"""Each kind of config error is reported with the step and key at fault, and all of them at once."""

from collections.abc import Callable
from pathlib import Path

import pytest

from clinical_mining.config import ConfigError, load_config

STEP = "clinical_mining_tests.step_functions"


def problems(path: Path) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(path) in str(caught.value)
    return caught.value.problems


def final(**parameters: object) -> dict[str, object]:
    return {"name": "final_df", "function": f"{STEP}.numbers", "parameters": {"start": 1, "count": 2, **parameters}}


def test_unknown_stage_and_unknown_key(write_config: Callable[..., Path]) -> None:
    found = problems(write_config({"process": [{**final(), "colour": "red"}], "teardown": []}))
    assert "pipeline.teardown: unknown key" in found
    assert "pipeline.process[0] (step 'final_df').colour: unknown key" in found


def test_function_that_does_not_import(write_config: Callable[..., Path]) -> None:
    steps = [
        {"name": "a", "function": "clinical_mining_tests.no_such_module.f"},
        {"name": "b", "function": f"{STEP}.no_such_function"},
        final(),
    ]
    found = problems(write_config({"process": steps}))
    assert (
        found[0] == "pipeline.process[0] (step 'a').function: 'clinical_mining_tests' has no attribute 'no_such_module'"
    )
    assert found[1] == (
        "pipeline.process[1] (step 'b').function: 'clinical_mining_tests.step_functions' has no attribute"
        " 'no_such_function'"
    )


def test_reference_to_nothing(write_config: Callable[..., Path]) -> None:
    found = problems(
        write_config(
            {
                "process": [
                    {"name": "final_df", "function": f"{STEP}.scaled", "parameters": {"frame": "$ghost", "factor": 2}}
                ]
            }
        )
    )
    assert found == ["pipeline.process[0] (step 'final_df').parameters.frame: $ghost refers to nothing (sources: )"]


def test_duplicate_step_name(write_config: Callable[..., Path]) -> None:
    numbers = {"name": "final_df", "function": f"{STEP}.numbers", "parameters": {"start": 1, "count": 1}}
    found = problems(write_config({"setup": [numbers], "process": [final()]}))
    assert found == [
        "pipeline.process[0] (step 'final_df').name: duplicate name 'final_df' (already a source or an earlier step)"
    ]


def test_name_that_is_not_an_identifier(write_config: Callable[..., Path]) -> None:
    step = {"name": "my-step", "function": f"{STEP}.numbers", "parameters": {"start": 1, "count": 1}}
    found = problems(write_config({"setup": [step], "process": [final()]}))
    assert found == [
        "pipeline.setup[0] (step 'my-step').name: 'my-step' is not a valid identifier"
        " (letters, digits and _, not starting with a digit)"
    ]


def test_reference_to_a_later_step(write_config: Callable[..., Path]) -> None:
    early = {"name": "early", "function": f"{STEP}.scaled", "parameters": {"frame": "$late", "factor": 2}}
    late = {"name": "late", "function": f"{STEP}.numbers", "parameters": {"start": 1, "count": 1}}
    found = problems(write_config({"setup": [early, late], "process": [final()]}))
    assert found == [
        "pipeline.setup[0] (step 'early').parameters.frame: $late refers to a later step (pipeline.setup[1]);"
        " a step may only use sources and earlier steps"
    ]


def test_parameter_the_function_does_not_accept(write_config: Callable[..., Path]) -> None:
    found = problems(write_config({"process": [final(colour="red")]}))
    assert found == [
        f"pipeline.process[0] (step 'final_df').parameters.colour: {STEP}.numbers does not accept a parameter"
        " 'colour' (it takes: count, start)"
    ]


def test_required_parameter_missing(write_config: Callable[..., Path]) -> None:
    step = {"name": "final_df", "function": f"{STEP}.numbers", "parameters": {"start": 1}}
    assert problems(write_config({"process": [step]})) == [
        f"pipeline.process[0] (step 'final_df').parameters: required parameter 'count' of {STEP}.numbers is missing"
    ]


def test_last_process_step_must_be_final_df(write_config: Callable[..., Path]) -> None:
    step = {"name": "result", "function": f"{STEP}.numbers", "parameters": {"start": 1, "count": 1}}
    assert problems(write_config({"process": [step]})) == [
        "pipeline.process: the last step must be named 'final_df', found 'result'"
    ]


def test_function_outside_the_allowed_modules(write_config: Callable[..., Path]) -> None:
    step = {"name": "final_df", "function": "os.system", "parameters": {}}
    found = problems(write_config({"process": [step]}))
    assert found == [
        "pipeline.process[0] (step 'final_df').function: 'os.system' is outside the allowed modules"
        " ['clinical_mining', 'clinical_mining_tests'] (config key allowed_function_modules)"
    ]


def test_every_problem_is_reported_at_once(write_config: Callable[..., Path]) -> None:
    steps = [
        {"name": "bad-name", "function": f"{STEP}.numbers", "parameters": {"start": 1, "count": 1}},
        {"name": "x", "function": f"{STEP}.scaled", "parameters": {"frame": "$nothing", "factor": 1, "y": 2}},
        {"name": "final_df", "function": f"{STEP}.numbers", "parameters": {"start": 1}},
    ]
    found = problems(write_config({"process": steps}))
    assert len(found) == 1  # the identifier error is structural: pydantic stops before the semantic checks
    found = problems(write_config({"process": steps[1:]}))
    assert [problem.split(":")[0] for problem in found] == [
        "pipeline.process[0] (step 'x').parameters.frame",
        "pipeline.process[0] (step 'x').parameters.y",
        "pipeline.process[1] (step 'final_df').parameters",
    ]


def test_missing_environment_variable_and_unreadable_file(write_config: Callable[..., Path], tmp_path: Path) -> None:
    path = write_config({"process": [final()]}, output={"dir": "${NO_SUCH_VARIABLE_FOR_TESTS}"})
    assert problems(path) == [
        "output.dir: environment variable NO_SUCH_VARIABLE_FOR_TESTS is not set and has no default"
    ]
    missing = tmp_path / "absent.yaml"
    assert problems(missing) == ["cannot read the config file: No such file or directory"]


def test_relative_paths_resolve_against_the_config_folder(write_config: Callable[..., Path], tmp_path: Path) -> None:
    path = write_config({"process": [final()]}, sources={"pmda": {"path": "../pdfs/list.pdf"}})
    config = load_config(path)
    assert config.output.dir == tmp_path / "out"
    assert config.sources.pmda is not None and config.sources.pmda.path == tmp_path.parent / "pdfs" / "list.pdf"


def test_output_on_object_storage_keeps_the_url(write_config: Callable[..., Path], tmp_path: Path) -> None:
    from clinical_mining.definitions import build_definitions

    step = final()
    path = write_config(
        {"process": [step]},
        output={"dir": "s3://bucket/clinical-mining", "storage_options": {"aws_region": "eu-west-2"}},
    )
    config = load_config(path)
    assert config.output.dir == "s3://bucket/clinical-mining"
    io_manager = build_definitions(config).resources["io_manager"]
    assert (io_manager.base_dir, io_manager.cloud_storage_options) == (
        "s3://bucket/clinical-mining",
        {"aws_region": "eu-west-2"},
    )
