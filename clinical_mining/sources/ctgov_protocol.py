"""The AACT tables made from a study's protocol (and derived) sections, by AACT's loader's rules.

See `ctgov_tables` for the rules in words; each table's row builder and columns follow the `add_mapping` of its
AACT model (app/models/<model>.rb in ctti-clinicaltrials/aact).
"""

from collections.abc import Callable
from typing import Any

from clinical_mining.sources.ctgov_rows import (
    Column,
    Row,
    StudyRows,
    Table,
    as_list,
    at,
    const,
    dig,
    each,
    entry,
    lower,
    one,
    tag,
    tagged,
    with_ids,
)

_PROTOCOL = "protocolSection"
_ARMS = (_PROTOCOL, "armsInterventionsModule")
_IDENTIFICATION = (_PROTOCOL, "identificationModule")
_LOCATIONS = (_PROTOCOL, "contactsLocationsModule", "locations")
_SPONSORS = (_PROTOCOL, "sponsorCollaboratorsModule")
# the modules the `studies` columns read, looked up once per study
_STUDY_MODULES = {
    "identification": _IDENTIFICATION,
    "status": (_PROTOCOL, "statusModule"),
    "design": (_PROTOCOL, "designModule"),
    "oversight": (_PROTOCOL, "oversightModule"),
    "ipd": (_PROTOCOL, "ipdSharingStatementModule"),
    "arms": _ARMS,
    "baseline": ("resultsSection", "baselineCharacteristicsModule"),
    "more_info": ("resultsSection", "moreInfoModule"),
}


def _study_row(s: StudyRows) -> list[Row]:
    modules = {name: dig(s.study, *path) for name, path in _STUDY_MODULES.items()}
    return [(None, s.study, {name: module if module.__class__ is dict else {} for name, module in modules.items()})]


def _in(module: str, *path: str) -> Callable[[Row], Any]:
    """The value at `path` inside one of the study's modules."""
    if len(path) == 1:
        key = path[0]
        return lambda r: r[2][module].get(key)
    return lambda r: dig(r[2][module], *path)


def _phase(r: Row) -> str | None:
    phases = r[2]["design"].get("phases")
    return "/".join(phases) if phases.__class__ is list and phases else None


def _interventional(r: Row) -> bool:
    study_type = r[2]["design"].get("studyType")
    return study_type.__class__ is str and "interventional" in study_type.lower()


def _arms(r: Row) -> int | None:
    return len(as_list(r[2]["arms"].get("armGroups"))) or None


def _dates(module: str, *path: str) -> tuple[Column, Column]:
    """A date as written (`..._month_year`) and as AACT's date (a month as its last day)."""
    return Column(_in(module, *path)), Column(_in(module, *path), "date")


_START, _START_DATE = _dates("status", "startDateStruct", "date")
_COMPLETION, _COMPLETION_DATE = _dates("status", "completionDateStruct", "date")
_PRIMARY, _PRIMARY_DATE = _dates("status", "primaryCompletionDateStruct", "date")
_VERIFIED, _VERIFIED_DATE = _dates("status", "statusVerifiedDate")

STUDY_COLUMNS: dict[str, Column] = {
    "nct_id": Column(_in("identification", "nctId")),
    "nlm_download_date_description": Column(const(None)),
    "study_first_submitted_date": Column(_in("status", "studyFirstSubmitDate"), "date"),
    "study_first_submitted_qc_date": Column(_in("status", "studyFirstSubmitQcDate"), "date"),
    "study_first_posted_date": Column(_in("status", "studyFirstPostDateStruct", "date"), "date"),
    "study_first_posted_date_type": Column(_in("status", "studyFirstPostDateStruct", "type")),
    "results_first_submitted_date": Column(_in("status", "resultsFirstSubmitDate"), "date"),
    "results_first_submitted_qc_date": Column(_in("status", "resultsFirstSubmitQcDate"), "date"),
    "results_first_posted_date": Column(_in("status", "resultsFirstPostDateStruct", "date"), "date"),
    "results_first_posted_date_type": Column(_in("status", "resultsFirstPostDateStruct", "type")),
    "disposition_first_submitted_date": Column(_in("status", "dispFirstSubmitDate"), "date"),
    "disposition_first_submitted_qc_date": Column(_in("status", "dispFirstSubmitQcDate"), "date"),
    "disposition_first_posted_date": Column(_in("status", "dispFirstPostDateStruct", "date"), "date"),
    "disposition_first_posted_date_type": Column(_in("status", "dispFirstPostDateStruct", "type")),
    "last_update_submitted_date": Column(_in("status", "lastUpdateSubmitDate"), "date"),
    # AACT's mapping fills the QC date from the submission date too
    "last_update_submitted_qc_date": Column(_in("status", "lastUpdateSubmitDate"), "date"),
    "last_update_posted_date": Column(_in("status", "lastUpdatePostDateStruct", "date"), "date"),
    "last_update_posted_date_type": Column(_in("status", "lastUpdatePostDateStruct", "type")),
    "start_month_year": _START,
    "start_date_type": Column(_in("status", "startDateStruct", "type")),
    "start_date": _START_DATE,
    "verification_month_year": _VERIFIED,
    "verification_date": _VERIFIED_DATE,
    "completion_month_year": _COMPLETION,
    "completion_date_type": Column(_in("status", "completionDateStruct", "type")),
    "completion_date": _COMPLETION_DATE,
    "primary_completion_month_year": _PRIMARY,
    "primary_completion_date_type": Column(_in("status", "primaryCompletionDateStruct", "type")),
    "primary_completion_date": _PRIMARY_DATE,
    "target_duration": Column(_in("design", "targetDuration")),
    "study_type": Column(_in("design", "studyType")),
    "acronym": Column(_in("identification", "acronym")),
    "baseline_population": Column(_in("baseline", "populationDescription")),
    "brief_title": Column(_in("identification", "briefTitle")),
    "official_title": Column(_in("identification", "officialTitle")),
    "overall_status": Column(_in("status", "overallStatus")),
    "last_known_status": Column(_in("status", "lastKnownStatus")),
    "why_stopped": Column(_in("status", "whyStopped")),
    "delayed_posting": Column(lambda r: "Yes" if r[2]["status"].get("delayedPosting") else None),
    "phase": Column(_phase),
    "enrollment": Column(_in("design", "enrollmentInfo", "count"), "int"),
    "enrollment_type": Column(_in("design", "enrollmentInfo", "type")),
    "source": Column(_in("identification", "organization", "fullName")),
    "source_class": Column(_in("identification", "organization", "class")),
    "limitations_and_caveats": Column(_in("more_info", "limitationsAndCaveats", "description")),
    "number_of_arms": Column(lambda r: _arms(r) if _interventional(r) else None, "int"),
    "number_of_groups": Column(lambda r: None if _interventional(r) else _arms(r), "int"),
    "has_expanded_access": Column(_in("status", "expandedAccessInfo", "hasExpandedAccess"), "bool"),
    "expanded_access_nctid": Column(_in("status", "expandedAccessInfo", "nctId")),
    "expanded_access_status_for_nctid": Column(_in("status", "expandedAccessInfo", "statusForNctId")),
    "expanded_access_type_individual": Column(_in("design", "expandedAccessTypes", "individual"), "bool"),
    "expanded_access_type_intermediate": Column(_in("design", "expandedAccessTypes", "intermediate"), "bool"),
    "expanded_access_type_treatment": Column(_in("design", "expandedAccessTypes", "treatment"), "bool"),
    "has_dmc": Column(_in("oversight", "oversightHasDmc"), "bool"),
    "is_fda_regulated_drug": Column(_in("oversight", "isFdaRegulatedDrug"), "bool"),
    "is_fda_regulated_device": Column(_in("oversight", "isFdaRegulatedDevice"), "bool"),
    "is_unapproved_device": Column(_in("oversight", "isUnapprovedDevice"), "bool"),
    "is_ppsd": Column(_in("oversight", "isPpsd"), "bool"),
    "is_us_export": Column(_in("oversight", "isUsExport"), "bool"),
    "fdaaa801_violation": Column(_in("oversight", "fdaaa801Violation"), "bool"),
    "biospec_retention": Column(_in("design", "bioSpec", "retention")),
    "biospec_description": Column(_in("design", "bioSpec", "description")),
    "plan_to_share_ipd": Column(_in("ipd", "ipdSharing")),
    "plan_to_share_ipd_description": Column(_in("ipd", "description")),
    "ipd_time_frame": Column(_in("ipd", "timeFrame")),
    "ipd_access_criteria": Column(_in("ipd", "accessCriteria")),
    "ipd_url": Column(_in("ipd", "url")),
    "baseline_type_units_analyzed": Column(_in("baseline", "typeUnitsAnalyzed")),
    "created_at": Column(const(None)),
    "updated_at": Column(const(None)),
}


def _who_masked(role: str) -> Callable[[Row], Any]:
    def masked(r: Row) -> bool | None:
        who = dig(r[1], "maskingInfo", "whoMasked")
        return role in who if who.__class__ is list else None

    return masked


def _std_age(age: str) -> Callable[[Row], Any]:
    def has(r: Row) -> bool | None:
        ages = r[1].get("stdAges")
        return age in ages if ages.__class__ is list else None

    return has


def _design_group_interventions(s: StudyRows) -> list[Row]:
    """An intervention's arm labels that are an arm's title exactly (the last arm of that title, as AACT's
    index of arms by title keeps); labels naming no arm give no row."""
    arm_ids = {row[1].get("label"): row[0] for row in s.rows("design_groups")}
    return s.numbered(
        "design_group_interventions",
        (
            (label, (intervention[0], arm_ids[label]))
            for intervention in s.rows("interventions")
            for label in as_list(intervention[1].get("armGroupLabels"))
            if label in arm_ids
        ),
    )


def _intervention_other_names(s: StudyRows) -> list[Row]:
    return s.numbered(
        "intervention_other_names",
        (
            (name, intervention[0])
            for intervention in s.rows("interventions")
            for name in as_list(intervention[1].get("otherNames"))
        ),
    )


def _sponsors(s: StudyRows) -> list[Row]:
    lead = s.module(*_SPONSORS, "leadSponsor")
    pairs = [(lead, "lead")] if lead.__class__ is dict else []
    collaborators = [(c, "collaborator") for c in as_list(s.module(*_SPONSORS, "collaborators"))]
    return s.numbered("sponsors", pairs + collaborators)


def _countries(s: StudyRows) -> list[Row]:
    """The locations' countries and the removed ones, each once per study (AACT's `unique: true`)."""
    located = [(location.get("country"), False) for location in as_list(s.module(*_LOCATIONS))]
    removed = [(name, True) for name in as_list(s.module("derivedSection", "miscInfoModule", "removedCountries"))]
    return s.numbered("countries", dict.fromkeys(located + removed))


def _id_information(s: StudyRows) -> list[Row]:
    org = s.module(*_IDENTIFICATION, "orgStudyIdInfo")
    return s.numbered(
        "id_information",
        [({"id": alias}, "nct_alias") for alias in as_list(s.module(*_IDENTIFICATION, "nctIdAliases"))]
        + ([(org, "org_study_id")] if org.__class__ is dict else [])
        + [(secondary, "secondary_id") for secondary in as_list(s.module(*_IDENTIFICATION, "secondaryIdInfos"))],
    )


def _browse(table: str, module: str) -> Table:
    """MeSH terms ClinicalTrials.gov assigned (`mesh-list`) and their ancestors (`mesh-ancestor`)."""
    rows = tagged(
        table,
        ("mesh-list", ("derivedSection", module, "meshes")),
        ("mesh-ancestor", ("derivedSection", module, "ancestors")),
    )
    columns = {
        "mesh_term": Column(at("term")),
        "downcase_mesh_term": Column(lower(at("term"))),
        "mesh_type": Column(tag),
    }
    return Table(rows, with_ids(columns))


_NAMES = {"name": Column(entry), "downcase_name": Column(lower(entry))}

PROTOCOL_TABLES: dict[str, Table] = {
    "studies": Table(_study_row, STUDY_COLUMNS),
    "brief_summaries": Table(
        one("brief_summaries", _PROTOCOL, "descriptionModule"), with_ids({"description": Column(at("briefSummary"))})
    ),
    "detailed_descriptions": Table(
        one("detailed_descriptions", _PROTOCOL, "descriptionModule"),
        with_ids({"description": Column(at("detailedDescription"))}),
    ),
    "designs": Table(
        one("designs", _PROTOCOL, "designModule", "designInfo"),
        with_ids(
            {
                "allocation": Column(at("allocation")),
                "intervention_model": Column(at("interventionModel")),
                "observational_model": Column(at("observationalModel")),
                "primary_purpose": Column(at("primaryPurpose")),
                "time_perspective": Column(at("timePerspective")),
                "masking": Column(at("maskingInfo", "masking")),
                "masking_description": Column(at("maskingInfo", "maskingDescription")),
                "intervention_model_description": Column(at("interventionModelDescription")),
                "subject_masked": Column(_who_masked("PARTICIPANT"), "bool"),
                "caregiver_masked": Column(_who_masked("CARE_PROVIDER"), "bool"),
                "investigator_masked": Column(_who_masked("INVESTIGATOR"), "bool"),
                "outcomes_assessor_masked": Column(_who_masked("OUTCOMES_ASSESSOR"), "bool"),
            }
        ),
    ),
    "eligibilities": Table(
        one("eligibilities", _PROTOCOL, "eligibilityModule"),
        with_ids(
            {
                "sampling_method": Column(at("samplingMethod")),
                "gender": Column(at("sex")),
                "minimum_age": Column(lambda r: r[1].get("minimumAge") or "N/A"),
                "maximum_age": Column(lambda r: r[1].get("maximumAge") or "N/A"),
                "healthy_volunteers": Column(at("healthyVolunteers")),
                "population": Column(at("studyPopulation")),
                "criteria": Column(at("eligibilityCriteria")),
                "gender_description": Column(at("genderDescription")),
                "gender_based": Column(at("genderBased"), "bool"),
                "adult": Column(_std_age("ADULT"), "bool"),
                "child": Column(_std_age("CHILD"), "bool"),
                "older_adult": Column(_std_age("OLDER_ADULT"), "bool"),
            }
        ),
    ),
    "conditions": Table(each("conditions", _PROTOCOL, "conditionsModule", "conditions"), with_ids(_NAMES)),
    "keywords": Table(each("keywords", _PROTOCOL, "conditionsModule", "keywords"), with_ids(_NAMES)),
    "browse_conditions": _browse("browse_conditions", "conditionBrowseModule"),
    "browse_interventions": _browse("browse_interventions", "interventionBrowseModule"),
    "design_groups": Table(
        each("design_groups", *_ARMS, "armGroups"),
        with_ids(
            {"group_type": Column(at("type")), "title": Column(at("label")), "description": Column(at("description"))}
        ),
    ),
    "interventions": Table(
        each("interventions", *_ARMS, "interventions"),
        with_ids(
            {
                "intervention_type": Column(at("type")),
                "name": Column(at("name")),
                "description": Column(at("description")),
            }
        ),
    ),
    "intervention_other_names": Table(
        _intervention_other_names, with_ids({"intervention_id": Column(tag, "int"), "name": Column(entry)})
    ),
    "design_group_interventions": Table(
        _design_group_interventions,
        with_ids(
            {"design_group_id": Column(lambda r: r[2][1], "int"), "intervention_id": Column(lambda r: r[2][0], "int")}
        ),
    ),
    "design_outcomes": Table(
        tagged(
            "design_outcomes",
            ("primary", (_PROTOCOL, "outcomesModule", "primaryOutcomes")),
            ("secondary", (_PROTOCOL, "outcomesModule", "secondaryOutcomes")),
            ("other", (_PROTOCOL, "outcomesModule", "otherOutcomes")),
        ),
        with_ids(
            {
                "outcome_type": Column(tag),
                "measure": Column(at("measure")),
                "time_frame": Column(at("timeFrame")),
                "population": Column(const(None)),
                "description": Column(at("description")),
            }
        ),
    ),
    "sponsors": Table(
        _sponsors,
        with_ids(
            {"agency_class": Column(at("class")), "lead_or_collaborator": Column(tag), "name": Column(at("name"))}
        ),
    ),
    "countries": Table(_countries, with_ids({"name": Column(entry), "removed": Column(tag, "bool")})),
    "facilities": Table(
        each("facilities", *_LOCATIONS),
        with_ids(
            {
                "status": Column(at("status")),
                "name": Column(at("facility")),
                "city": Column(at("city")),
                "state": Column(at("state")),
                "zip": Column(at("zip")),
                "country": Column(at("country")),
            }
        ),
    ),
    "overall_officials": Table(
        each("overall_officials", _PROTOCOL, "contactsLocationsModule", "overallOfficials"),
        with_ids({"role": Column(at("role")), "name": Column(at("name")), "affiliation": Column(at("affiliation"))}),
    ),
    "id_information": Table(
        _id_information,
        with_ids(
            {
                "id_source": Column(tag),
                "id_value": Column(at("id")),
                "id_type": Column(at("type")),
                "id_type_description": Column(at("domain")),
                "id_link": Column(at("link")),
            }
        ),
    ),
    "study_references": Table(
        each("study_references", _PROTOCOL, "referencesModule", "references"),
        with_ids(
            {"pmid": Column(at("pmid")), "reference_type": Column(at("type")), "citation": Column(at("citation"))}
        ),
    ),
}
