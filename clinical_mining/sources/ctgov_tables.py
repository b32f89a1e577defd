"""Which AACT row and column each part of a ClinicalTrials.gov API v2 study becomes, by AACT's own loader's rules.

AACT (ctti-clinicaltrials/aact) loads the same JSON through a mapping of JSON paths to tables and columns
(`add_mapping` in each model under app/models, applied by `StudyJsonRecord::Worker`). The rules it applies,
written here as the rows each table gets from one study:
- dates: `YYYY-MM-DD` as written, a month (`YYYY-MM`) as the month's last day, a year as its last day
  (`Worker#date`); `outcomes.anticipated_posting_date` alone takes the month's first day (`date_first_of_month`);
- `phase` is the registered phases joined by '/' (`PHASE1/PHASE2`), enums are stored as the API spells them;
- `downcase_*` columns are the text in lower case; `number_of_arms` counts the arms of interventional studies,
  `number_of_groups` those of the others;
- an intervention is linked to an arm (`design_group_interventions`) only where one of its arm labels is an
  arm's title exactly;
- every results module has its own `result_groups`: Baseline, Participant Flow and Reported Event groups once per
  study (identical ones once), Outcome groups once per outcome measure, keyed by their `ctgov_group_code`; a row
  that names a group (`outcome_analysis_groups`, `outcome_measurements`, `reported_events`, `milestones`, ...)
  points at the group of its own module (and outcome) with that code;
- `outcome_analyses.p_value_modifier` is the posted p-value without digits, '.' and '-', `p_value` the text
  without '<', '>', '=' and spaces read as a number, `p_value_raw` the text as posted; the `_raw` columns keep
  the text and their numeric twins are the text read strictly as a number (null when it is not one);
- values land in AACT's column types as ActiveRecord casts them: text from a JSON true/false is 't'/'f', a
  number read from text takes its leading number (`to_i`, `to_d`), blank text is null.

Row ids are sequence numbers in the order the studies are read (AACT's are too; their values differ), and the
foreign keys use them, so a table's links hold within one read. Each table lists the columns it can give; only
the configured ones are built. The protocol tables are in `ctgov_protocol`, the results tables in
`ctgov_results`, the pieces they are written in in `ctgov_rows`.
"""

from typing import Any

from clinical_mining.sources.ctgov_protocol import PROTOCOL_TABLES
from clinical_mining.sources.ctgov_results import RESULTS_TABLES
from clinical_mining.sources.ctgov_rows import StudyRows, Table

TABLES: dict[str, Table] = {**PROTOCOL_TABLES, **RESULTS_TABLES}


def study_rows(study: dict[str, Any], nct_id: str, counters: dict[str, int]) -> StudyRows:
    """The rows of every table one study gives, built on demand; `counters` carries the ids across studies."""
    return StudyRows(study, nct_id, counters, TABLES)


def unreadable(table: str, columns: list[str]) -> str | None:
    """Why `table` with `columns` cannot be read from ClinicalTrials.gov JSON, or None when it can."""
    if table not in TABLES:
        return f"table {table!r} cannot be read from ClinicalTrials.gov JSON (it gives: {', '.join(sorted(TABLES))})"
    missing = [column for column in dict.fromkeys(columns) if column not in TABLES[table].columns]
    if missing:
        return (
            f"AACT table {table} read from ClinicalTrials.gov JSON has no column {', '.join(map(repr, missing))}"
            f" (it has: {', '.join(TABLES[table].columns)})"
        )
    return None
