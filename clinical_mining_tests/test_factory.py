"""The YAML-to-asset factory: references, literals, lists mixing both, static methods, union and order."""

from collections.abc import Callable
from pathlib import Path

import polars as pl
from dagster import AssetKey

from clinical_mining.config import load_config
from clinical_mining.definitions import build_definitions
from clinical_mining_tests.conftest import output, run_config

STEP = "clinical_mining_tests.step_functions"


def test_references_literals_and_static_methods(write_config: Callable[..., Path]) -> None:
    path = write_config(
        {
            "setup": [{"name": "base", "function": f"{STEP}.numbers", "parameters": {"start": 1, "count": 3}}],
            "process": [
                {
                    "name": "tripled",
                    "function": f"{STEP}.scaled",
                    "parameters": {"frame": "$base", "factor": 3, "label": "$$literal"},
                },
                {"name": "doubled", "function": f"{STEP}.Steps.doubled", "parameters": {"frame": "$tripled"}},
                {
                    "name": "total",
                    "function": f"{STEP}.lazy_sum",
                    "parameters": {"frames": ["$base", "$doubled"], "literals": [100, 1000]},
                },
                {"name": "final_df", "function": f"{STEP}.Steps.counted", "parameters": {"frame": "$doubled"}},
            ],
        }
    )
    result = run_config(path)
    assert result.success
    assert output(path, "tripled").to_dict(as_series=False) == {"n": [3, 6, 9], "label": ["$literal"] * 3}
    assert output(path, "doubled")["n"].to_list() == [6, 12, 18]
    # 1+2+3 from $base, 6+12+18 from $doubled, and the two literals of the same list
    assert output(path, "total")["total"].to_list() == [6 + 36 + 1100]
    assert output(path, "final_df").to_dicts() == [{"rows": 3, "owner": "Steps"}]
    tripled = result.asset_materializations_for_node("tripled")[0].metadata
    assert tripled["factor"].value == 3
    assert tripled["dagster/row_count"].value == 3


def test_union_concatenates_diagonally_and_keeps_a_source_column(write_config: Callable[..., Path]) -> None:
    path = write_config(
        {
            "union": [
                {"name": "first", "function": f"{STEP}.evidence", "parameters": {"label": "a", "rows": 2}},
                {
                    "name": "second",
                    "function": f"{STEP}.labelled",
                    "parameters": {"frame": "$first", "source": "ChEMBL"},
                },
            ],
            "process": [
                {
                    "name": "final_df",
                    "function": f"{STEP}.passthrough",
                    "parameters": {"frame": "$union", "options": {"keep": "$$x", "n": 1}},
                },
            ],
        }
    )
    result = run_config(path)
    assert result.success
    union = output(path, "final_df")  # what a step reading $union gets: the view of the union steps' files
    assert union.columns == ["drug_name", "a", "source", "options"]
    assert union.drop("options").rows() == [
        ("a0", 1, "first"),
        ("a1", 1, "first"),
        ("a0", 1, "ChEMBL"),
        ("a1", 1, "ChEMBL"),
    ]
    assert union["options"].unique().to_list() == ["[('keep', '$x'), ('n', 1)]"]
    metadata = result.asset_materializations_for_node("union")[0].metadata
    assert (metadata["rows/first"].value, metadata["rows/second"].value, metadata["dagster/row_count"].value) == (
        2,
        2,
        4,
    )


def test_graph_shape_groups_and_order(write_config: Callable[..., Path]) -> None:
    path = write_config(
        {
            "setup": [{"name": "base", "function": f"{STEP}.numbers", "parameters": {"start": 0, "count": 2}}],
            "union": [{"name": "ev", "function": f"{STEP}.evidence", "parameters": {"label": "b", "rows": 1}}],
            "process": [
                {"name": "step_one", "function": f"{STEP}.Steps.doubled", "parameters": {"frame": "$base"}},
                {"name": "final_df", "function": f"{STEP}.passthrough", "parameters": {"frame": "$union"}},
            ],
        }
    )
    defs = build_definitions(load_config(path))
    graph = defs.resolve_asset_graph()
    shape = {
        key.to_user_string(): (
            graph.get(key).group_name,
            sorted(dep.to_user_string() for dep in graph.get(key).parent_keys),
        )
        for key in graph.get_all_asset_keys()
    }
    assert shape == {
        "base": ("setup", []),
        "ev": ("union", []),
        "union": ("union", ["ev"]),
        "step_one": ("process", ["base"]),
        "final_df": ("process", ["union"]),
    }
    spec = graph.get(AssetKey("step_one"))
    assert spec.description == "Step step_one (clinical_mining_tests.step_functions.Steps.doubled)."
    assert spec.metadata["step/function"] == f"{STEP}.Steps.doubled"
    references = spec.metadata["dagster/code_references"].code_references
    yaml_line = next(i for i, text in enumerate(path.read_text().splitlines(), 1) if "name: step_one" in text)
    assert (references[0].file_path, references[0].line_number) == (str(path), yaml_line)
    assert references[1].file_path.endswith("step_functions.py")


def test_a_step_returning_something_else_fails_with_its_name(write_config: Callable[..., Path]) -> None:
    path = write_config(
        {"process": [{"name": "final_df", "function": "clinical_mining.config.config_path", "parameters": {}}]}
    )
    result = run_config(path)
    assert not result.success
    failure = result.get_step_failure_events()[0].step_failure_data.error
    assert failure is not None
    assert "step 'final_df' (clinical_mining.config.config_path) returned PosixPath" in failure.cause.message


def test_lazy_annotation_gets_a_scan_and_others_a_frame() -> None:
    from clinical_mining.step_spec import lazy_parameters, step_arguments
    from clinical_mining_tests import step_functions

    assert lazy_parameters(step_functions.lazy_sum) == {"frames", "return"}
    assert lazy_parameters(step_functions.scaled) == set()
    upstream = {"base": pl.LazyFrame({"n": [1, 2]})}
    lazy = step_arguments({"frames": ["$base"], "literals": [7]}, upstream, lazy_parameters(step_functions.lazy_sum))
    assert isinstance(lazy["frames"][0], pl.LazyFrame) and lazy["literals"] == [7]
    eager = step_arguments({"frame": "$base", "factor": 3}, upstream, lazy_parameters(step_functions.scaled))
    assert isinstance(eager["frame"], pl.DataFrame) and eager["frame"]["n"].to_list() == [1, 2]
    assert step_functions.scaled(**eager)["n"].to_list() == [3, 6]
