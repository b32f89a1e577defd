"""The AACT tables made from a study's posted results, by AACT's loader's rules.

Every results module has its own result groups (AACT's `result_groups`, told apart by `result_type`): the
baseline, participant-flow and adverse-event modules once per study, each outcome measure its own. A row that
names a group by its code (`OG000`, `EG001`, ...) points at the group of its own module, and for outcome rows of
its own outcome: the same code in two modules is two groups. See `ctgov_tables` for the rules in words.
"""

from collections.abc import Callable, Iterator
from typing import Any

from clinical_mining.sources.ctgov_rows import (
    Column,
    Row,
    StudyRows,
    Table,
    as_list,
    at,
    const,
    entry,
    frozen,
    one,
    tag,
    up,
    with_ids,
    with_many,
)

_RESULTS = "resultsSection"
_OUTCOMES = (_RESULTS, "outcomeMeasuresModule", "outcomeMeasures")
_BASELINE = (_RESULTS, "baselineCharacteristicsModule")
_PERIODS = (_RESULTS, "participantFlowModule", "periods")
_EVENTS = (_RESULTS, "adverseEventsModule")
_GROUP_MODULES = (
    ("Baseline", (*_BASELINE, "groups")),
    ("Participant Flow", (_RESULTS, "participantFlowModule", "groups")),
    ("Reported Event", (*_EVENTS, "eventGroups")),
)


def _result_groups(s: StudyRows) -> list[Row]:
    """Each module's groups (identical groups of a module once: AACT's `unique: true`), then each outcome
    measure's own groups; indexes their ids by code for the rows that point at them."""
    pairs: list[tuple[Any, Any]] = []
    keys: list[tuple[str, Any, int | None]] = []  # result_type, code, outcome index
    for result_type, path in _GROUP_MODULES:
        codes: set[Any] = set()
        seen: set[Any] = set()  # whole groups, compared only once a code repeats
        for group in as_list(s.module(*path)):
            code = group.get("id")
            if code in codes:
                if not seen:
                    seen = {frozen(g) for g, t in pairs if t == result_type}
                if (whole := frozen(group)) in seen:
                    continue
                seen.add(whole)
            codes.add(code)
            pairs.append((group, result_type))
            keys.append((result_type, code, None))
    outcomes = as_list(s.module(*_OUTCOMES))
    for index, outcome in enumerate(outcomes):
        for group in as_list(outcome.get("groups")):
            pairs.append((group, "Outcome"))
            keys.append(("Outcome", group.get("id"), index))
    rows = s.numbered("result_groups", pairs)
    s.outcome_group_ids = [{} for _ in outcomes]
    for row, (result_type, code, index) in zip(rows, keys, strict=True):
        if index is None:
            s.group_ids.setdefault(result_type, {})[code] = row[0]  # type: ignore[assignment]
        else:
            s.outcome_group_ids[index][code] = row[0]  # type: ignore[assignment]
    return rows


def _groups(s: StudyRows, result_type: str) -> dict[Any, int]:
    """The ids of a module's result groups by code (built with the `result_groups` rows)."""
    s.rows("result_groups")
    return s.group_ids.get(result_type, {})


def _outcome_groups(s: StudyRows, outcome_index: int) -> dict[Any, int]:
    """The ids of one outcome measure's result groups by code."""
    s.rows("result_groups")
    return s.outcome_group_ids[outcome_index]


def _group_of(key: str | None) -> Callable[[Row], Any]:
    """The id of the result group whose code the row gives (its entry's `key`, or the entry itself when None),
    among the groups its parent (`up`) holds."""
    if key is None:
        return with_many(lambda r: r[2]["groups"].get(r[1]), lambda rows: [r[2]["groups"].get(r[1]) for r in rows])
    return with_many(
        lambda r: r[2]["groups"].get(r[1].get(key)), lambda rows: [r[2]["groups"].get(r[1].get(key)) for r in rows]
    )


def _outcomes(s: StudyRows) -> list[Row]:
    return s.numbered("outcomes", ((measure, index) for index, measure in enumerate(as_list(s.module(*_OUTCOMES)))))


def _outcome_analyses(s: StudyRows) -> list[Row]:
    pairs = []
    for outcome in s.rows("outcomes"):
        parent = {"outcome_id": outcome[0], "outcome_index": outcome[2]}
        pairs += [(analysis, parent) for analysis in as_list(outcome[1].get("analyses"))]
    return s.numbered("outcome_analyses", pairs)


def _outcome_analysis_groups(s: StudyRows) -> list[Row]:
    pairs = []
    for analysis in s.rows("outcome_analyses"):
        parent = {"analysis_id": analysis[0], "groups": _outcome_groups(s, analysis[2]["outcome_index"])}
        pairs += [(code, parent) for code in as_list(analysis[1].get("groupIds"))]
    return s.numbered("outcome_analysis_groups", pairs)


def _categories(classes: list[Any]) -> Iterator[tuple[Any, Any, list[Any]]]:
    """(class, category, measurements) of a measure's classes. As AACT's flattening does, when the first class
    has no `categories` key, each class without one gives one empty row; empty lists give no rows."""
    fill = bool(classes) and classes[0].__class__ is dict and "categories" not in classes[0]
    for cls in classes:
        categories = cls.get("categories")
        if categories is None and fill:
            categories = [{"measurements": [{}]}]
        for category in as_list(categories):
            yield cls, category, as_list(category.get("measurements"))


# a measure's own fields, copied into each category's parent once, so a column reads one key per row
_MEASURE_FIELDS = {
    "title": "title",
    "description": "description",
    "units": "unitOfMeasure",
    "param_type": "paramType",
    "dispersion_type": "dispersionType",
    "population_description": "populationDescription",
    "number_analyzed_units": "denomUnitsSelected",
    "calculate_percentage": "calculatePct",
}


def _measure_parent(measure: dict[str, Any], cls: dict[str, Any], category: dict[str, Any]) -> dict[str, Any]:
    parent = {field: measure.get(key) for field, key in _MEASURE_FIELDS.items()}
    parent["classification"], parent["category"] = cls.get("title"), category.get("title")
    return parent


def _outcome_measurements(s: StudyRows) -> list[Row]:
    pairs = []
    for outcome in s.rows("outcomes"):
        groups = _outcome_groups(s, outcome[2])
        for cls, category, measurements in _categories(as_list(outcome[1].get("classes"))):
            parent = {**_measure_parent(outcome[1], cls, category), "outcome_id": outcome[0], "groups": groups}
            pairs += [(measurement, parent) for measurement in measurements]
    return s.numbered("outcome_measurements", pairs)


def _outcome_counts(s: StudyRows) -> list[Row]:
    pairs = []
    for outcome in s.rows("outcomes"):
        groups = _outcome_groups(s, outcome[2])
        for denom in as_list(outcome[1].get("denoms")):
            parent = {"outcome_id": outcome[0], "units": denom.get("units"), "groups": groups}
            pairs += [(count, parent) for count in as_list(denom.get("counts"))]
    return s.numbered("outcome_counts", pairs)


def _baseline_counts(s: StudyRows) -> list[Row]:
    pairs = []
    groups = _groups(s, "Baseline")
    for denom in as_list(s.module(*_BASELINE, "denoms")):
        parent = {"units": denom.get("units"), "groups": groups}
        pairs += [(count, parent) for count in as_list(denom.get("counts"))]
    return s.numbered("baseline_counts", pairs)


def _number_analyzed(s: StudyRows, measure: Any, cls: Any, code: Any) -> Any:
    """The group's count in the denominators of the measure's selected units: the class's own denominators,
    else the measure's, else the module's overall ones (AACT's `BaselineMeasurement.number_analyzed`)."""
    units = measure.get("denomUnitsSelected") or "Participants"
    denoms = cls.get("denoms") or measure.get("denoms") or s.module(*_BASELINE, "denoms")
    for denom in as_list(denoms):
        if denom.get("units") == units:
            return next((c.get("value") for c in as_list(denom.get("counts")) if c.get("groupId") == code), None)
    return None


def _baseline_measurements(s: StudyRows) -> list[Row]:
    pairs = []
    groups = _groups(s, "Baseline")
    for measure in as_list(s.module(*_BASELINE, "measures")):
        for cls, category, measurements in _categories(as_list(measure.get("classes"))):
            parent = {**_measure_parent(measure, cls, category), "groups": groups}
            for measurement in measurements:
                code = measurement.get("groupId")
                pairs.append((measurement, {**parent, "number_analyzed": _number_analyzed(s, measure, cls, code)}))
    return s.numbered("baseline_measurements", pairs)


def _flow_rows(
    s: StudyRows,
    table: str,
    entries: str,
    children: str,
    parent_of: Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]],
) -> list[Row]:
    """Participant-flow rows: one per child of each entry of each period, milestones and withdrawals alike."""
    pairs = []
    groups = _groups(s, "Participant Flow")
    for period in as_list(s.module(*_PERIODS)):
        for item in as_list(period.get(entries)):
            parent = {**parent_of(period, item), "groups": groups}
            pairs += [(child, parent) for child in as_list(item.get(children))]
    return s.numbered(table, pairs)


def _milestones(s: StudyRows) -> list[Row]:
    return _flow_rows(
        s,
        "milestones",
        "milestones",
        "achievements",
        lambda period, milestone: {
            "title": milestone.get("type"),
            "period": period.get("title"),
            "milestone_description": milestone.get("comment"),
        },
    )


def _drop_withdrawals(s: StudyRows) -> list[Row]:
    return _flow_rows(
        s,
        "drop_withdrawals",
        "dropWithdraws",
        "reasons",
        lambda period, drop: {
            "period": period.get("title"),
            "reason": drop.get("type"),
            "drop_withdraw_comment": drop.get("comment"),
        },
    )


def _reported_events(s: StudyRows) -> list[Row]:
    module = s.module(*_EVENTS)
    if module.__class__ is not dict:
        return []
    groups = _groups(s, "Reported Event")
    shared = {
        "time_frame": module.get("timeFrame"),
        "description": module.get("description"),
        "frequency_threshold": module.get("frequencyThreshold"),
        "groups": groups,
    }
    pairs = []
    for event_type, key in (("serious", "seriousEvents"), ("other", "otherEvents")):
        for event in as_list(module.get(key)):
            parent = {
                **shared,
                "event_type": event_type,
                "adverse_event_term": event.get("term"),
                "organ_system": event.get("organSystem"),
                "vocab": event.get("sourceVocabulary"),
                "assessment": event.get("assessmentType"),
            }
            pairs += [(stat, parent) for stat in as_list(event.get("stats"))]
    return s.numbered("reported_events", pairs)


_TOTALS = (
    ("serious", "Total, serious adverse events", "seriousNumAffected", "seriousNumAtRisk"),
    ("other", "Total, other adverse events", "otherNumAffected", "otherNumAtRisk"),
    ("deaths", "Total, all-cause mortality", "deathsNumAffected", "deathsNumAtRisk"),
)


def _reported_event_totals(s: StudyRows) -> list[Row]:
    """Three rows per adverse-event group (serious, other, deaths), posted or not, as AACT's mapping gives."""
    groups = as_list(s.module(*_EVENTS, "eventGroups"))
    return s.numbered("reported_event_totals", ((group, total) for total in _TOTALS for group in groups))


def _measurement_columns() -> dict[str, Column]:
    """Columns outcome and baseline measurements share; `measure` in `up` is the outcome or baseline measure."""
    return {
        "result_group_id": Column(_group_of("groupId"), "int"),
        "ctgov_group_code": Column(at("groupId")),
        "classification": Column(up("classification")),
        "category": Column(up("category")),
        "title": Column(up("title")),
        "description": Column(up("description")),
        "units": Column(up("units")),
        "param_type": Column(up("param_type")),
        "param_value": Column(at("value")),
        "param_value_num": Column(at("value"), "number"),
        "dispersion_type": Column(up("dispersion_type")),
        "dispersion_value": Column(at("spread")),
        "dispersion_value_num": Column(at("spread"), "number"),
        "dispersion_lower_limit": Column(at("lowerLimit"), "number"),
        "dispersion_upper_limit": Column(at("upperLimit"), "number"),
        "explanation_of_na": Column(at("comment")),
    }


def _calculate_percentage(r: Row) -> str | None:
    calculate = r[2]["calculate_percentage"]
    return None if calculate is None else ("No" if calculate is False else "Yes")


RESULTS_TABLES: dict[str, Table] = {
    "participant_flows": Table(
        one("participant_flows", _RESULTS, "participantFlowModule"),
        with_ids(
            {
                "recruitment_details": Column(at("recruitmentDetails")),
                "pre_assignment_details": Column(at("preAssignmentDetails")),
                "units_analyzed": Column(at("typeUnitsAnalyzed")),
            }
        ),
    ),
    "result_groups": Table(
        _result_groups,
        with_ids(
            {
                "ctgov_group_code": Column(at("id")),
                "result_type": Column(tag),
                "title": Column(at("title")),
                "description": Column(at("description")),
            }
        ),
    ),
    "outcomes": Table(
        _outcomes,
        with_ids(
            {
                "outcome_type": Column(at("type")),
                "title": Column(at("title")),
                "description": Column(at("description")),
                "time_frame": Column(at("timeFrame")),
                "population": Column(at("populationDescription")),
                "anticipated_posting_date": Column(at("anticipatedPostingDate"), "date_first"),
                "anticipated_posting_month_year": Column(at("anticipatedPostingDate")),
                "units": Column(at("unitOfMeasure")),
                "units_analyzed": Column(at("typeUnitsAnalyzed")),
                "dispersion_type": Column(at("dispersionType")),
                "param_type": Column(at("paramType")),
            }
        ),
    ),
    "outcome_analyses": Table(
        _outcome_analyses,
        with_ids(
            {
                "outcome_id": Column(up("outcome_id"), "int"),
                "non_inferiority_type": Column(at("nonInferiorityType")),
                "non_inferiority_description": Column(at("nonInferiorityComment")),
                "param_type": Column(at("paramType")),
                "param_value": Column(at("paramValue"), "loose"),
                "dispersion_type": Column(at("dispersionType")),
                "dispersion_value": Column(at("dispersionValue"), "loose"),
                "p_value_modifier": Column(at("pValue"), "p_value_modifier"),
                "p_value": Column(at("pValue"), "p_value"),
                "p_value_raw": Column(at("pValue")),
                "p_value_description": Column(at("pValueComment")),
                "ci_n_sides": Column(at("ciNumSides")),
                "ci_percent": Column(at("ciPctValue"), "number"),
                "ci_lower_limit": Column(at("ciLowerLimit"), "number"),
                "ci_upper_limit": Column(at("ciUpperLimit"), "number"),
                "ci_upper_limit_na_comment": Column(at("ciUpperLimitComment")),
                "method": Column(at("statisticalMethod")),
                "method_description": Column(at("statisticalComment")),
                "estimate_description": Column(at("estimateComment")),
                "groups_description": Column(at("groupDescription")),
                "other_analysis_description": Column(at("otherAnalysisDescription")),
                "ci_upper_limit_raw": Column(at("ciUpperLimit")),
                "ci_lower_limit_raw": Column(at("ciLowerLimit")),
            }
        ),
    ),
    "outcome_analysis_groups": Table(
        _outcome_analysis_groups,
        with_ids(
            {
                "outcome_analysis_id": Column(up("analysis_id"), "int"),
                "result_group_id": Column(_group_of(None), "int"),
                "ctgov_group_code": Column(entry),
            }
        ),
    ),
    "outcome_measurements": Table(
        _outcome_measurements,
        with_ids(
            {
                "outcome_id": Column(up("outcome_id"), "int"),
                **_measurement_columns(),
                "dispersion_upper_limit_raw": Column(at("upperLimit")),
                "dispersion_lower_limit_raw": Column(at("lowerLimit")),
            }
        ),
    ),
    "outcome_counts": Table(
        _outcome_counts,
        with_ids(
            {
                "outcome_id": Column(up("outcome_id"), "int"),
                "result_group_id": Column(_group_of("groupId"), "int"),
                "ctgov_group_code": Column(at("groupId")),
                "scope": Column(const("Measure")),
                "units": Column(up("units")),
                "count": Column(at("value"), "int"),
            }
        ),
    ),
    "baseline_counts": Table(
        _baseline_counts,
        with_ids(
            {
                "result_group_id": Column(_group_of("groupId"), "int"),
                "ctgov_group_code": Column(at("groupId")),
                "units": Column(up("units")),
                "scope": Column(const("overall")),
                "count": Column(at("value"), "int"),
            }
        ),
    ),
    "baseline_measurements": Table(
        _baseline_measurements,
        with_ids(
            {
                **_measurement_columns(),
                "number_analyzed": Column(up("number_analyzed"), "int"),
                "number_analyzed_units": Column(lambda r: r[2]["number_analyzed_units"] or "Participants"),
                "population_description": Column(up("population_description")),
                "calculate_percentage": Column(_calculate_percentage),
            }
        ),
    ),
    "milestones": Table(
        _milestones,
        with_ids(
            {
                "result_group_id": Column(_group_of("groupId"), "int"),
                "ctgov_group_code": Column(at("groupId")),
                "title": Column(up("title")),
                "period": Column(up("period")),
                "description": Column(at("description")),
                "count": Column(at("numSubjects"), "int"),
                "milestone_description": Column(up("milestone_description")),
                "count_units": Column(at("numUnits")),
            }
        ),
    ),
    "drop_withdrawals": Table(
        _drop_withdrawals,
        with_ids(
            {
                "result_group_id": Column(_group_of("groupId"), "int"),
                "ctgov_group_code": Column(at("groupId")),
                "period": Column(up("period")),
                "reason": Column(up("reason")),
                "count": Column(at("numSubjects"), "int"),
                "drop_withdraw_comment": Column(up("drop_withdraw_comment")),
                "reason_comment": Column(at("comment")),
                "count_units": Column(at("numUnits"), "int"),
            }
        ),
    ),
    "reported_events": Table(
        _reported_events,
        with_ids(
            {
                "result_group_id": Column(_group_of("groupId"), "int"),
                "ctgov_group_code": Column(at("groupId")),
                "time_frame": Column(up("time_frame")),
                "event_type": Column(up("event_type")),
                "default_vocab": Column(const(None)),
                "default_assessment": Column(const(None)),
                "subjects_affected": Column(at("numAffected"), "int"),
                "subjects_at_risk": Column(at("numAtRisk"), "int"),
                "description": Column(up("description")),
                "event_count": Column(at("numEvents"), "int"),
                "organ_system": Column(up("organ_system")),
                "adverse_event_term": Column(up("adverse_event_term")),
                "frequency_threshold": Column(up("frequency_threshold"), "int"),
                "vocab": Column(up("vocab")),
                "assessment": Column(up("assessment")),
            }
        ),
    ),
    "reported_event_totals": Table(
        _reported_event_totals,
        with_ids(
            {
                "ctgov_group_code": Column(at("id")),
                "event_type": Column(lambda r: r[2][0]),
                "classification": Column(lambda r: r[2][1]),
                "subjects_affected": Column(lambda r: r[1].get(r[2][2]), "int"),
                "subjects_at_risk": Column(lambda r: r[1].get(r[2][3]), "int"),
                "created_at": Column(const(None)),
                "updated_at": Column(const(None)),
            }
        ),
    ),
}
