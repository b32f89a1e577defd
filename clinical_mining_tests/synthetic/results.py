"""AACT's results tables for the generated studies: arms, result groups, outcomes and analyses with the quirks of
the real registry, and a few hand-built trials whose verdicts are known, for the sample and its tests.

About 14% of studies post results (ClinicalTrials.gov's own statistics); here, every generated completed or
terminated interventional study of phase 2 or later with a drug posts them, which is about that share. The
quirks, each at a rate: result group titles unlike arm titles ("(FAS)", doses), placebo arms typed OTHER or
EXPERIMENTAL, crossover groups ("Placebo->OL X"), groups that match no arm ("Cohort 1"), one-sided tests,
non-inferiority analyses whose margin is written only in the description, several analyses per outcome,
primary outcomes without analysis (pharmacokinetics), p-values written "<0.001", ">0.05", "=0.247", "NA",
and 90% intervals. Randomness comes from hashing row numbers, as in `synthetic.aact`.
"""

from datetime import date
from typing import NamedTuple

import polars as pl

from clinical_mining_tests.synthetic.aact import PLACEBOS, _ids, _pick, _uniform

RESULTS_PHASES = ["PHASE2", "PHASE2/PHASE3", "PHASE3", "PHASE4"]
EARLY_PHASES = ["PHASE1", "PHASE1/PHASE2"]  # a completed early trial posts results now and then
EARLY_POSTING_SHARE = 0.25
RESULTS_STATUSES = ["COMPLETED", "TERMINATED"]
P_VALUES = ["<0.001", "<0.001", "=0.247", "0.03", ">0.05", "0.0004", "0.12", "<0.05", "NA", "0.05", "p=0.008", "0.61"]
PLACEBO_TYPES = ["PLACEBO_COMPARATOR", "PLACEBO_COMPARATOR", "PLACEBO_COMPARATOR", "OTHER", "EXPERIMENTAL"]
PLACEBO_GROUP_TITLES = ["Placebo", "Matching Placebo", "Placebo Group", "Vehicle"]
OUTCOME_TITLES = [
    "Change From Baseline in HbA1c at Week 24",
    "Proportion of Participants Achieving ACR20 at Week 12",
    "Overall Survival",
    "Progression-free Survival",
    "Change in Systolic Blood Pressure",
    "Percentage of Participants With Clinical Response",
]
PARAM_TYPES = ["Mean Difference (Final Values)", "Hazard Ratio (HR)", "Odds Ratio (OR)", "Risk Difference (RD)"]
SECONDARY_TITLES = [
    "Change From Baseline in Quality of Life Score",
    "Number of Participants With Treatment-Emergent Adverse Events",
    "Time to Treatment Failure",
    "Percentage of Participants With Complete Response",
    "Area Under the Concentration-Time Curve (AUC)",
    "Change From Baseline in Pain Score at Week 12",
    "Duration of Response",
]
# the registry's mix of hypothesis types over posted analyses (DATA_FACTS: 432 primary-outcome analyses of 220
# phase 2/3 drug trials), cumulative: most are the pre-2017 form's "superiority or other"
HYPOTHESIS_MIX = [
    (0.45, "SUPERIORITY"),
    (0.73, "SUPERIORITY_OR_OTHER"),
    (0.84, "OTHER"),
    (0.94, "SUPERIORITY_OR_OTHER_LEGACY"),
    (0.975, "EQUIVALENCE"),
    (0.99, "NON_INFERIORITY"),
    (0.995, "NON_INFERIORITY_OR_EQUIVALENCE"),
    (1.0, "NON_INFERIORITY_OR_EQUIVALENCE_LEGACY"),
]
TIME_POINTS = ["Week 4", "Week 8", "Week 12", "Week 24", "Week 36", "Week 52"]
RESULT_TABLES = (
    "design_groups",
    "design_group_interventions",
    "result_groups",
    "outcomes",
    "outcome_analyses",
    "outcome_analysis_groups",
    "outcome_measurements",
    "reported_event_totals",
    "reported_events",
)
RESULT_ID_BASES = {
    "design_groups": 460_000_000,
    "design_group_interventions": 470_000_000,
    "result_groups": 480_000_000,
    "outcomes": 490_000_000,
    "outcome_analyses": 500_000_000,
    "outcome_analysis_groups": 510_000_000,
    "outcome_measurements": 720_000_000,  # about 3 M rows at scale 1
    "reported_event_totals": 520_000_000,
    "reported_events": 800_000_000,  # about 9 M rows at scale 1
}
# (term, organ system) as MedDRA writes them, with each term's usual rate among "other" events
EVENT_TERMS = [
    ("Headache", "Nervous system disorders"),
    ("Dizziness", "Nervous system disorders"),
    ("Nausea", "Gastrointestinal disorders"),
    ("Diarrhoea", "Gastrointestinal disorders"),
    ("Vomiting", "Gastrointestinal disorders"),
    ("Constipation", "Gastrointestinal disorders"),
    ("Nasopharyngitis", "Infections and infestations"),
    ("Upper respiratory tract infection", "Infections and infestations"),
    ("Urinary tract infection", "Infections and infestations"),
    ("Pneumonia", "Infections and infestations"),
    ("Fatigue", "General disorders and administration site conditions"),
    ("Injection site reaction", "General disorders and administration site conditions"),
    ("Pyrexia", "General disorders and administration site conditions"),
    ("Back pain", "Musculoskeletal and connective tissue disorders"),
    ("Arthralgia", "Musculoskeletal and connective tissue disorders"),
    ("Myalgia", "Musculoskeletal and connective tissue disorders"),
    ("Rash", "Skin and subcutaneous tissue disorders"),
    ("Pruritus", "Skin and subcutaneous tissue disorders"),
    ("Hypertension", "Vascular disorders"),
    ("Hypotension", "Vascular disorders"),
    ("Flushing", "Vascular disorders"),
    ("Cough", "Respiratory, thoracic and mediastinal disorders"),
    ("Dyspnoea", "Respiratory, thoracic and mediastinal disorders"),
    ("Anaemia", "Blood and lymphatic system disorders"),
    ("Neutropenia", "Blood and lymphatic system disorders"),
    ("Alanine aminotransferase increased", "Investigations"),
    ("Aspartate aminotransferase increased", "Investigations"),
    ("Hepatotoxicity", "Hepatobiliary disorders"),
    ("Cholelithiasis", "Hepatobiliary disorders"),
    ("Insomnia", "Psychiatric disorders"),
    ("Depression", "Psychiatric disorders"),
    ("Atrial fibrillation", "Cardiac disorders"),
    ("Myocardial infarction", "Cardiac disorders"),
    ("Acute kidney injury", "Renal and urinary disorders"),
    ("Hypoglycaemia", "Metabolism and nutrition disorders"),
    ("Decreased appetite", "Metabolism and nutrition disorders"),
    ("Pancreatitis", "Gastrointestinal disorders"),
    ("Fall", "Injury, poisoning and procedural complications"),
    ("Syncope", "Nervous system disorders"),
    ("Dyspepsia", "Gastrointestinal disorders"),
    ("Abdominal pain", "Gastrointestinal disorders"),
    ("Abdominal pain upper", "Gastrointestinal disorders"),
    ("Gastrooesophageal reflux disease", "Gastrointestinal disorders"),
    ("Dry mouth", "Gastrointestinal disorders"),
    ("Somnolence", "Nervous system disorders"),
    ("Paraesthesia", "Nervous system disorders"),
    ("Tremor", "Nervous system disorders"),
    ("Migraine", "Nervous system disorders"),
    ("Influenza", "Infections and infestations"),
    ("Sinusitis", "Infections and infestations"),
    ("Bronchitis", "Infections and infestations"),
    ("Gastroenteritis", "Infections and infestations"),
    ("Cellulitis", "Infections and infestations"),
    ("Sepsis", "Infections and infestations"),
    ("Oedema peripheral", "General disorders and administration site conditions"),
    ("Asthenia", "General disorders and administration site conditions"),
    ("Chest pain", "General disorders and administration site conditions"),
    ("Influenza like illness", "General disorders and administration site conditions"),
    ("Pain in extremity", "Musculoskeletal and connective tissue disorders"),
    ("Muscle spasms", "Musculoskeletal and connective tissue disorders"),
    ("Neck pain", "Musculoskeletal and connective tissue disorders"),
    ("Osteoarthritis", "Musculoskeletal and connective tissue disorders"),
    ("Alopecia", "Skin and subcutaneous tissue disorders"),
    ("Erythema", "Skin and subcutaneous tissue disorders"),
    ("Urticaria", "Skin and subcutaneous tissue disorders"),
    ("Hyperhidrosis", "Skin and subcutaneous tissue disorders"),
    ("Deep vein thrombosis", "Vascular disorders"),
    ("Haematoma", "Vascular disorders"),
    ("Oropharyngeal pain", "Respiratory, thoracic and mediastinal disorders"),
    ("Nasal congestion", "Respiratory, thoracic and mediastinal disorders"),
    ("Pulmonary embolism", "Respiratory, thoracic and mediastinal disorders"),
    ("Epistaxis", "Respiratory, thoracic and mediastinal disorders"),
    ("Thrombocytopenia", "Blood and lymphatic system disorders"),
    ("Leukopenia", "Blood and lymphatic system disorders"),
    ("Blood creatinine increased", "Investigations"),
    ("Weight increased", "Investigations"),
    ("Weight decreased", "Investigations"),
    ("Blood creatine phosphokinase increased", "Investigations"),
    ("Anxiety", "Psychiatric disorders"),
    ("Confusional state", "Psychiatric disorders"),
    ("Palpitations", "Cardiac disorders"),
    ("Tachycardia", "Cardiac disorders"),
    ("Cardiac failure", "Cardiac disorders"),
    ("Haematuria", "Renal and urinary disorders"),
    ("Pollakiuria", "Renal and urinary disorders"),
    ("Hyperglycaemia", "Metabolism and nutrition disorders"),
    ("Hypokalaemia", "Metabolism and nutrition disorders"),
    ("Dehydration", "Metabolism and nutrition disorders"),
    ("Contusion", "Injury, poisoning and procedural complications"),
    ("Vision blurred", "Eye disorders"),
    ("Conjunctivitis", "Eye disorders"),
    ("Vertigo", "Ear and labyrinth disorders"),
]
TERMS_PER_STUDY = 72  # about the registry's 8.6 M event rows over 72 k studies with results and their groups
SERIOUS_TERMS_PER_STUDY = 16
EVENT_CLASSIFICATIONS = {
    "serious": "Total, serious adverse events",
    "other": "Total, other adverse events",
    "deaths": "Total, all-cause mortality",
}


def _codes(prefix: str, *over: str) -> pl.Expr:
    """The registry's group codes ("OG000", "OG001", ...), numbered within `over`."""
    return pl.format("{}{}", pl.lit(prefix), pl.int_range(pl.len()).over(*over).cast(pl.String).str.zfill(3))


def _hypothesis(draw: pl.Expr) -> pl.Expr:
    """A hypothesis type drawn with the registry's mix (`HYPOTHESIS_MIX`)."""
    chosen = pl.when(draw < HYPOTHESIS_MIX[0][0]).then(pl.lit(HYPOTHESIS_MIX[0][1]))
    for bound, name in HYPOTHESIS_MIX[1:]:
        chosen = chosen.when(draw < bound).then(pl.lit(name))
    return chosen.otherwise(pl.lit(HYPOTHESIS_MIX[-1][1]))


def generate_results(tables: dict[str, pl.DataFrame], seed: int) -> dict[str, pl.DataFrame]:
    """The results tables at the registry's shape: arms for every interventional study with a drug; for the
    studies that post results (about 13% of all, completed or terminated phase 2+ mostly) the four results
    modules' groups (Participant Flow, Baseline with its Total, Reported Event, and each outcome's own groups),
    about 7 outcomes of which 1-3 primary, analyses with the registry's mix of hypothesis types, several
    measurements per group and outcome (time points, categories), and adverse events at the registry's density
    (about 9 M rows at scale 1)."""
    studies_frame = tables["studies"].with_columns(early=_uniform(seed, 39) < EARLY_POSTING_SHARE)
    interventional = studies_frame.filter(pl.col("study_type") == "INTERVENTIONAL")
    posting_studies = interventional.filter(
        pl.col("overall_status").is_in(RESULTS_STATUSES),
        pl.col("phase").is_in(RESULTS_PHASES) | (pl.col("phase").is_in(EARLY_PHASES) & pl.col("early")),
    ).select("nct_id")
    drugs = (
        tables["interventions"]
        .join(interventional.select("nct_id"), on="nct_id", how="semi")
        .filter(
            pl.col("intervention_type").is_in(["DRUG", "BIOLOGICAL"]),
            ~pl.col("name").str.to_lowercase().str.contains("placebo"),
        )
        .select("nct_id", intervention_id="id", name="name")
        .sort("nct_id", "intervention_id")
    )
    studies = drugs.select("nct_id").unique(maintain_order=True)
    placebo_names = (
        tables["interventions"]
        .join(studies, on="nct_id", how="semi")
        .filter(pl.col("name").is_in(PLACEBOS))
        .group_by("nct_id", maintain_order=True)
        .agg(placebo_id=pl.col("id").min())
    )
    # arms: one per drug intervention, and a placebo arm, typed as sponsors type them
    experimental = drugs.with_columns(group_type=pl.lit("EXPERIMENTAL"), title=pl.col("name"), control=pl.lit(False))
    control = studies.join(placebo_names, on="nct_id", how="left").select(
        "nct_id",
        intervention_id="placebo_id",
        name=pl.lit("Placebo"),
        group_type=_pick(PLACEBO_TYPES, seed, 40),
        title=pl.lit("Placebo"),
        control=pl.lit(True),
    )
    arms = pl.concat([experimental, control], how="vertical_relaxed").sort("nct_id", "control", maintain_order=True)
    arms = arms.with_columns(arm_id=_ids("design_groups", arms.height, RESULT_ID_BASES))
    design_groups = arms.select(
        id="arm_id",
        nct_id="nct_id",
        group_type="group_type",
        title="title",
        description=pl.format("Participants receive {}", pl.col("name")),
    )
    links = arms.filter(pl.col("intervention_id").is_not_null())
    design_group_interventions = links.select(
        id=_ids("design_group_interventions", links.height, RESULT_ID_BASES),
        nct_id="nct_id",
        design_group_id="arm_id",
        intervention_id="intervention_id",
    )
    posted_arms = arms.join(posting_studies, on="nct_id", how="semi")
    # each arm's title in the outcome tables, unlike the arm's: some crossover, some matching nothing
    draw = _uniform(seed, 41)
    outcome_title = (
        pl.when(pl.col("control"))
        .then(_pick(PLACEBO_GROUP_TITLES, seed, 42))
        .when(draw < 0.04)
        .then(pl.format("Placebo->OL {}", pl.col("name")))
        .when(draw < 0.08)
        .then(pl.format("Cohort {}", (_uniform(seed, 43) * 9).cast(pl.Int64) + 1))
        .when(draw < 0.55)
        .then(pl.format("{} (FAS)", pl.col("name")))
        .otherwise(pl.format("{} {} mg", pl.col("name"), (_uniform(seed, 44) * 40).cast(pl.Int64) * 5 + 5))
    )
    posted_arms = posted_arms.with_columns(outcome_title=outcome_title)
    # outcomes: 1-3 primary (some pharmacokinetic, never analysed), then secondary and other pre-specified ones
    counts = posting_studies.join(studies, on="nct_id", how="semi").with_columns(
        primary=pl.when(_uniform(seed, 45) < 0.65).then(1).when(_uniform(seed, 65) < 0.57).then(2).otherwise(3),
        secondary=(_uniform(seed, 66) * 11).cast(pl.Int64),
    )
    outcomes = counts.select(pl.all().repeat_by(pl.col("primary") + pl.col("secondary"))).explode(pl.all())
    outcomes = outcomes.with_columns(
        position=pl.int_range(pl.len()).over("nct_id"), outcome_id=_ids("outcomes", outcomes.height, RESULT_ID_BASES)
    )
    is_primary = pl.col("position") < pl.col("primary")
    pk = _uniform(seed, 46) < 0.1
    outcomes = outcomes.with_columns(
        outcome_type=pl.when(is_primary)
        .then(pl.lit("PRIMARY"))
        .when(_uniform(seed, 67) < 0.9)
        .then(pl.lit("SECONDARY"))
        .otherwise(pl.lit("OTHER_PRE_SPECIFIED")),
        title=pl.when(pk)
        .then(pl.lit("Maximum Plasma Concentration (Cmax)"))
        .when(is_primary)
        .then(_pick(OUTCOME_TITLES, seed, 47))
        .otherwise(_pick(SECONDARY_TITLES, seed, 68)),
        analysed=~pk & (_uniform(seed, 69) < pl.when(is_primary).then(0.65).otherwise(0.35)),
        # which groups the outcome reports: every arm, the drugs' arms only, every arm and a pooled total, or the
        # first arm only (a subgroup or pharmacokinetic measure)
        scope=pl.when(is_primary | (_uniform(seed, 70) < 0.4))
        .then(pl.lit("arms"))
        .when(_uniform(seed, 71) < 0.58)
        .then(pl.lit("drugs"))
        .when(_uniform(seed, 75) < 0.4)
        .then(pl.lit("total"))
        .otherwise(pl.lit("first")),
    )
    outcomes_table = outcomes.select(
        id="outcome_id",
        nct_id="nct_id",
        outcome_type="outcome_type",
        title="title",
        description=pl.lit(None, pl.String),
        time_frame=pl.lit("Baseline to week 24"),
        units=pl.lit("percent"),
        param_type=pl.lit("Least Squares Mean"),
    )
    # result groups: each module has its own; each outcome lists its own groups, with codes of its own
    arm_columns = ("nct_id", "arm_id", "name", "control", "title", "outcome_title")
    per_outcome = outcomes.select("nct_id", "outcome_id", "scope", "analysed").join(
        posted_arms.select(arm_columns), on="nct_id"
    )
    per_outcome = per_outcome.filter(
        ((pl.col("scope") != "drugs") | ~pl.col("control"))
        & ((pl.col("scope") != "first") | (pl.int_range(pl.len()).over("outcome_id") == 0))
    )
    totals_rows = outcomes.filter(pl.col("scope") == "total").select(
        "nct_id",
        "outcome_id",
        "scope",
        "analysed",
        arm_id=pl.lit(None, pl.Int64),
        name=pl.lit("Total"),
        control=pl.lit(False),
        title=pl.lit("Total"),
        outcome_title=pl.lit("Total"),
    )
    outcome_groups = pl.concat([per_outcome, totals_rows]).sort("outcome_id", maintain_order=True)
    baseline_total = posted_arms.unique("nct_id", keep="first", maintain_order=True).with_columns(
        arm_id=pl.lit(None, pl.Int64), name=pl.lit("Total"), control=pl.lit(False), title=pl.lit("Total")
    )
    with_total = pl.concat([posted_arms, baseline_total.select(posted_arms.columns)])
    module_groups = pl.concat(
        frame.select(
            *arm_columns[:5], result_type=pl.lit(module), group_title="title", ctgov_group_code=_codes(prefix, "nct_id")
        )
        for module, prefix, frame in (
            ("Participant Flow", "FG", posted_arms),
            ("Baseline", "BG", with_total),
            ("Reported Event", "EG", posted_arms),
        )
    ).with_columns(outcome_id=pl.lit(None, pl.Int64))
    outcome_groups = outcome_groups.with_columns(
        result_type=pl.lit("Outcome"), group_title="outcome_title", ctgov_group_code=_codes("OG", "outcome_id")
    )
    columns = ["nct_id", "arm_id", "name", "control", "result_type", "group_title", "ctgov_group_code", "outcome_id"]
    groups = pl.concat([module_groups.select(columns), outcome_groups.select(columns)]).sort(
        "nct_id", maintain_order=True
    )
    groups = groups.with_columns(group_id=_ids("result_groups", groups.height, RESULT_ID_BASES))
    result_groups = groups.select(
        id="group_id",
        nct_id="nct_id",
        ctgov_group_code="ctgov_group_code",
        result_type="result_type",
        title="group_title",
        description=pl.format("{} as randomised", pl.col("name")),
    )
    # analyses: each analysed outcome compares its first one or two drug groups with its placebo group, and
    # a quarter of the comparisons give a second estimate (another time point or measure of the same one)
    in_outcomes = groups.filter(pl.col("result_type") == "Outcome", pl.col("arm_id").is_not_null())
    drug_groups = (
        in_outcomes.filter(~pl.col("control"))
        .group_by("outcome_id", maintain_order=True)
        .agg(drug_group=pl.col("group_id").head(2))
        .explode("drug_group")
    )
    placebo_group = in_outcomes.filter("control").select("outcome_id", placebo_group="group_id")
    analysed = (
        outcomes.filter("analysed")
        .select("nct_id", "outcome_id")
        .join(drug_groups, on="outcome_id")
        .join(placebo_group, on="outcome_id")
        .sort("outcome_id", "drug_group")
    )
    analysed = analysed.with_columns(n=pl.when(_uniform(seed, 48) < 0.25).then(2).otherwise(1))
    analyses = analysed.select(pl.all().repeat_by("n")).explode(pl.all())
    analyses = analyses.with_columns(analysis_id=_ids("outcome_analyses", analyses.height, RESULT_ID_BASES))
    hypothesis = _hypothesis(_uniform(seed, 49))
    lower = (_uniform(seed, 50) * 2 - 1.2).round(2)
    is_ni = hypothesis.str.starts_with("NON_INFERIORITY")
    outcome_analyses = analyses.select(
        id="analysis_id",
        nct_id="nct_id",
        outcome_id="outcome_id",
        non_inferiority_type=hypothesis,
        non_inferiority_description=pl.when(is_ni).then(pl.lit("The non-inferiority margin was -0.4.")),
        param_type=_pick(PARAM_TYPES, seed, 51),
        param_value=(lower + 0.3).round(2),
        p_value_raw=pl.when(_uniform(seed, 72) < 0.2).then(None).otherwise(_pick(P_VALUES, seed, 52)),
        ci_n_sides=pl.when(_uniform(seed, 53) < 0.05).then(pl.lit("ONE_SIDED")).otherwise(pl.lit("TWO_SIDED")),
        ci_percent=pl.when(_uniform(seed, 54) < 0.1).then(90.0).otherwise(95.0),
        ci_lower_limit=lower,
        ci_upper_limit=(lower + 0.6).round(2),
        method=pl.lit("ANCOVA"),
        p_value_description=pl.lit(None, pl.String),
        estimate_description=pl.lit(None, pl.String),
    )
    members = pl.concat(
        [
            analyses.select("analysis_id", "nct_id", group_id="drug_group"),
            analyses.select("analysis_id", "nct_id", group_id="placebo_group"),
        ]
    ).sort("analysis_id", "group_id")
    outcome_analysis_groups = members.join(
        result_groups.select(group_id="id", ctgov_group_code="ctgov_group_code"), on="group_id"
    ).select(
        id=_ids("outcome_analysis_groups", members.height, RESULT_ID_BASES),
        nct_id="nct_id",
        outcome_analysis_id="analysis_id",
        result_group_id="group_id",
        ctgov_group_code="ctgov_group_code",
    )
    # each outcome group's values: one row, or one per time point or category (what says which way it went)
    valued = groups.filter(pl.col("result_type") == "Outcome").with_columns(
        rows=pl.when(_uniform(seed, 73) < 0.55).then(1).otherwise((_uniform(seed, 74) * 5).cast(pl.Int64) + 2)
    )
    measured = (
        valued.select("nct_id", "outcome_id", "group_id", "ctgov_group_code", "rows")
        .select(
            pl.exclude("rows").repeat_by("rows"),
            classification=pl.int_ranges("rows").list.eval(
                pl.when(pl.element() > 0).then(pl.lit(pl.Series(TIME_POINTS)).gather(pl.element() % len(TIME_POINTS)))
            ),
        )
        .explode(pl.all())
    )
    outcome_measurements = measured.select(
        id=_ids("outcome_measurements", measured.height, RESULT_ID_BASES),
        nct_id="nct_id",
        outcome_id="outcome_id",
        result_group_id="group_id",
        ctgov_group_code="ctgov_group_code",
        classification="classification",
        category=pl.lit(None, pl.String),
        param_type=pl.lit("MEAN"),
        param_value_num=(_uniform(seed, 60) * 100).round(1),
    ).with_columns(param_value=pl.col("param_value_num").cast(pl.String))
    # adverse-event totals per 'Reported Event' group: serious, other and deaths; a few groups not monitored
    event_groups = groups.filter(result_type="Reported Event")
    at_risk = pl.when(_uniform(seed, 55) < 0.03).then(0).otherwise((_uniform(seed, 56) * 300).cast(pl.Int64) + 20)
    per_group = event_groups.select(
        "nct_id",
        "ctgov_group_code",
        at_risk=at_risk,
        serious=_uniform(seed, 57) * 0.2,
        other=_uniform(seed, 58) * 0.6,
        deaths=_uniform(seed, 59) * 0.03,
    )
    totals = pl.concat(
        [
            per_group.select(
                "nct_id",
                "ctgov_group_code",
                event_type=pl.lit(event_type),
                classification=pl.lit(classification),
                subjects_affected=(pl.col("at_risk") * pl.col(event_type)).cast(pl.Int64),
                subjects_at_risk="at_risk",
            )
            for event_type, classification in EVENT_CLASSIFICATIONS.items()
        ]
    ).sort("nct_id", "ctgov_group_code", "event_type")
    reported_event_totals = totals.with_columns(
        id=_ids("reported_event_totals", totals.height, RESULT_ID_BASES)
    ).select(
        "id", "nct_id", "ctgov_group_code", "event_type", "classification", "subjects_affected", "subjects_at_risk"
    )
    reported_events = _reported_events(event_groups, per_group, seed)
    return {
        "reported_event_totals": reported_event_totals,
        "design_groups": design_groups,
        "design_group_interventions": design_group_interventions,
        "result_groups": result_groups,
        "outcomes": outcomes_table,
        "outcome_analyses": outcome_analyses,
        "outcome_analysis_groups": outcome_analysis_groups,
        "outcome_measurements": outcome_measurements,
        "reported_events": reported_events,
    }


def _reported_events(event_groups: pl.DataFrame, per_group: pl.DataFrame, seed: int) -> pl.DataFrame:
    """Adverse-event terms per 'Reported Event' group at the registry's density: each study draws its terms (a
    few serious, the rest other), and each group posts each term with its own count; a group leaves out an
    "other" term now and then (below the frequency threshold) and a serious term it had none of."""
    studies = event_groups.select("nct_id").unique().sort("nct_id")
    slots = studies.select(pl.col("nct_id").repeat_by(TERMS_PER_STUDY)).explode("nct_id")
    slots = slots.with_columns(slot=pl.int_range(pl.len()).over("nct_id"))
    picked = slots.with_columns(term=(_uniform(seed, 61) * len(EVENT_TERMS)).cast(pl.Int64)).unique(
        ["nct_id", "term"], keep="first", maintain_order=True
    )
    terms = pl.DataFrame(
        {
            "term": range(len(EVENT_TERMS)),
            "adverse_event_term": [t for t, _ in EVENT_TERMS],
            "organ_system": [o for _, o in EVENT_TERMS],
        },
        schema_overrides={"term": pl.Int64},
    )
    study_terms = picked.join(terms, on="term").with_columns(
        event_type=pl.when(pl.col("slot") < SERIOUS_TERMS_PER_STUDY).then(pl.lit("serious")).otherwise(pl.lit("other"))
    )
    groups = event_groups.select("nct_id", "ctgov_group_code", result_group_id="group_id").join(
        per_group.select("nct_id", "ctgov_group_code", "at_risk"), on=["nct_id", "ctgov_group_code"]
    )
    rows = study_terms.join(groups, on="nct_id").sort("nct_id", "ctgov_group_code", "slot")
    rate = (
        pl.when(pl.col("event_type") == "serious").then(_uniform(seed, 62) * 0.03).otherwise(_uniform(seed, 63) * 0.2)
    )
    posted = rows.with_columns(_keep=_uniform(seed, 64), _rate=rate).filter(
        pl.when(pl.col("event_type") == "serious").then(pl.col("_keep") < 0.7).otherwise(pl.col("_keep") < 0.93)
    )
    return posted.select(
        id=_ids("reported_events", posted.height, RESULT_ID_BASES),
        nct_id="nct_id",
        result_group_id="result_group_id",
        ctgov_group_code="ctgov_group_code",
        event_type="event_type",
        subjects_affected=(pl.col("at_risk") * pl.col("_rate")).cast(pl.Int64),
        subjects_at_risk="at_risk",
        organ_system="organ_system",
        adverse_event_term="adverse_event_term",
        frequency_threshold=pl.when(pl.col("event_type") == "other").then(pl.lit("5")).otherwise(pl.lit("0")),
        vocab=pl.lit("MedDRA (25.0)"),
    )


class Known(NamedTuple):
    """A hand-built trial with posted results whose verdicts are known (see `KNOWN_VERDICTS`)."""

    nct_id: str
    condition: str
    arms: tuple[tuple[str, str, tuple[str, ...]], ...]  # (title, group type, intervention names)
    groups: tuple[str, ...]  # outcome result group titles
    outcomes: tuple[tuple[str, str, tuple[dict[str, object], ...]], ...]  # (type, title, analyses)
    events: tuple[tuple[int, int, int | None], ...] = ()  # per arm: serious affected, at risk, deaths
    stopped: str | None = None  # why the trial stopped; None for a completed one
    phase: str = "PHASE3"
    status: str = "TERMINATED"  # when it stopped
    values: tuple[tuple[float, ...], ...] = ()  # per outcome: each outcome group's posted value, in group order
    # (event type, term, organ system, affected per arm; None where the arm did not post the term)
    adverse_events: tuple[tuple[str, str, str, tuple[int | None, ...]], ...] = ()


SAMPLE_TRIALS: tuple[Known, ...] = (
    Known(  # placebo arm typed OTHER, group titles unlike arm titles
        "NCT09100001",
        "type 2 diabetes mellitus",
        (("Sitagliptin 100 mg QD", "EXPERIMENTAL", ("Sitagliptin",)), ("Placebo", "OTHER", ("Placebo",))),
        ("Sitagliptin 100 mg QD (FAS)", "Matching Placebo"),
        (
            (
                "PRIMARY",
                "Change From Baseline in HbA1c at Week 24",
                (
                    {
                        "groups": (0, 1),
                        "p_value_raw": "<0.001",
                        "param_type": "Mean Difference (Final Values)",
                        "param_value": -0.7,
                        "ci_percent": 95.0,
                        "ci_lower_limit": -0.9,
                        "ci_upper_limit": -0.5,
                    },
                ),
            ),
        ),
        ((12, 300, 1), (6, 298, 0)),
        values=((-0.8, -0.1),),  # HbA1c change: lower is better
        adverse_events=(
            ("serious", "Pancreatitis", "Gastrointestinal disorders", (2, None)),
            ("other", "Nasopharyngitis", "Infections and infestations", (30, 18)),
            ("other", "Headache", "Nervous system disorders", (15, None)),
        ),
    ),
    Known(  # non-inferiority against an active drug, the margin only in the description
        "NCT09100002",
        "type 2 diabetes mellitus",
        (
            ("Dapagliflozin 10 mg", "EXPERIMENTAL", ("Dapagliflozin",)),
            ("Sitagliptin 100 mg", "ACTIVE_COMPARATOR", ("Sitagliptin",)),
        ),
        ("Dapagliflozin", "Sitagliptin"),
        (
            (
                "PRIMARY",
                "Change From Baseline in HbA1c at Week 52",
                (
                    {
                        "groups": (0, 1),
                        "non_inferiority_type": "NON_INFERIORITY",
                        "non_inferiority_description": "Non-inferiority was concluded if the upper limit of the"
                        " two-sided 95% CI was below the margin of 0.35%.",
                        "param_type": "Mean Difference (Final Values)",
                        "param_value": -0.05,
                        "ci_percent": 95.0,
                        "ci_lower_limit": -0.15,
                        "ci_upper_limit": 0.05,
                    },
                ),
            ),
        ),
    ),
    Known(  # an add-on to a backbone in both arms: only the add-on is credited
        "NCT09100003",
        "rheumatoid arthritis",
        (
            ("Adalimumab + Methotrexate", "EXPERIMENTAL", ("Adalimumab", "Methotrexate")),
            ("Placebo + Methotrexate", "PLACEBO_COMPARATOR", ("Placebo", "Methotrexate")),
        ),
        ("Adalimumab 40 mg eow + MTX", "Placebo + Methotrexate"),
        (
            (
                "PRIMARY",
                "Percentage of Participants Achieving ACR20 at Week 24",
                ({"groups": (0, 1), "p_value_raw": "=0.002", "param_type": "Risk Difference (RD)"},),
            ),
        ),
        values=((61.0, 32.0),),  # ACR20 responders, percent
    ),
    Known(  # a pharmacokinetic primary outcome: nothing to analyse
        "NCT09100004",
        "COVID-19",
        (("Remdesivir 200 mg", "EXPERIMENTAL", ("Remdesivir",)),),
        ("Remdesivir",),
        (("PRIMARY", "Maximum Plasma Concentration (Cmax) of Remdesivir", ()),),
    ),
    Known(  # a one-sided test at alpha 0.025, a crossover group beside it
        "NCT09100005",
        "coronary artery disease",
        (("Atorvastatin 80 mg", "EXPERIMENTAL", ("Atorvastatin",)), ("Placebo", "PLACEBO_COMPARATOR", ("Placebo",))),
        ("Atorvastatin 80 mg", "Placebo", "Placebo->OL Atorvastatin"),
        (
            (
                "PRIMARY",
                "Major Adverse Cardiac Events",
                (
                    {
                        "groups": (0, 1),
                        "p_value_raw": "0.03",
                        "ci_n_sides": "ONE_SIDED",
                        "method": "Log Rank, one-sided",
                        "param_type": "Hazard Ratio (HR)",
                    },
                ),
            ),
        ),
        ((30, 500, 4), (0, 0, None)),  # the placebo arm not monitored
        "Terminated early on the DSMB's recommendation for futility at the planned interim analysis; no safety"
        " concerns were identified.",
    ),
    Known(  # a vehicle named after the drug, its arm typed EXPERIMENTAL
        "NCT09100006",
        "osteoarthritis",
        (("Celecoxib Gel", "EXPERIMENTAL", ("Celecoxib",)), ("Vehicle Gel", "EXPERIMENTAL", ("Vehicle",))),
        ("Celecoxib Gel 2%", "Celecoxib Gel Vehicle"),
        (("PRIMARY", "WOMAC Pain at Week 12", ({"groups": (0, 1), "p_value_raw": "=0.004"},)),),
        ((0, 120, 0), (0, 118, 0)),  # zero cells
        values=((3.1, 4.4),),  # pain: lower is better
    ),
    Known(  # one arm only: strata and a test against baseline
        "NCT09100007",
        "hepatocellular carcinoma",
        (("Sorafenib 400 mg BID", "EXPERIMENTAL", ("Sorafenib",)),),
        ("Sorafenib - Asian", "Sorafenib - non-Asian"),
        (
            (
                "PRIMARY",
                "Overall Survival",
                ({"groups": (0, 1), "p_value_raw": "0.01"}, {"groups": (0,), "p_value_raw": "<0.001"}),
            ),
        ),
    ),
    Known(  # a p-value that is text and a 90% interval: cannot tell
        "NCT09100008",
        "chronic myelogenous leukemia",
        (("Imatinib 400 mg", "EXPERIMENTAL", ("Imatinib",)), ("Placebo", "PLACEBO_COMPARATOR", ("Placebo",))),
        ("Imatinib", "Placebo"),
        (
            (
                "PRIMARY",
                "Major Molecular Response",
                (
                    {
                        "groups": (0, 1),
                        "p_value_raw": "see text",
                        "param_type": "Hazard Ratio (HR)",
                        "ci_percent": 90.0,
                        "ci_lower_limit": 0.5,
                        "ci_upper_limit": 0.9,
                    },
                ),
            ),
        ),
        (),
        "Study halted after two treatment-related deaths; this was not due to lack of efficacy.",
    ),
    # the repurposing examples (`KNOWN_CANDIDATES`): drugs approved for other diseases in the sample
    Known(  # approved for erectile dysfunction; met its primary outcome in another therapeutic area
        "NCT09100009",
        "pulmonary arterial hypertension",
        (("Sildenafil 20 mg TID", "EXPERIMENTAL", ("Sildenafil",)), ("Placebo", "PLACEBO_COMPARATOR", ("Placebo",))),
        ("Sildenafil 20 mg", "Placebo"),
        (
            (
                "PRIMARY",
                "Change From Baseline in 6-Minute Walk Distance at Week 12",
                (
                    {
                        "groups": (0, 1),
                        "p_value_raw": "<0.001",
                        "param_type": "Mean Difference (Final Values)",
                        "param_value": 45.0,
                        "ci_percent": 95.0,
                        "ci_lower_limit": 30.0,
                        "ci_upper_limit": 60.0,
                    },
                ),
            ),
        ),
        values=((49.0, 4.0),),  # walk distance gained, metres
    ),
    Known(  # approved for coronary artery disease; its only trial in pulmonary arterial hypertension failed
        "NCT09100010",
        "pulmonary arterial hypertension",
        (("Atorvastatin 10 mg", "EXPERIMENTAL", ("Atorvastatin",)), ("Placebo", "PLACEBO_COMPARATOR", ("Placebo",))),
        ("Atorvastatin", "Placebo"),
        (
            (
                "PRIMARY",
                "Change in Pulmonary Vascular Resistance at Month 6",
                ({"groups": (0, 1), "p_value_raw": "=0.61", "param_type": "Mean Difference (Final Values)"},),
            ),
        ),
    ),
    Known(  # approved for lymphoma; completed in adult lymphoma, a narrower disease, with nothing analysed
        "NCT09100011",
        "adult lymphoma",
        (("Rituximab 375 mg/m2", "EXPERIMENTAL", ("Rituximab",)),),
        ("Rituximab",),
        (("PRIMARY", "Rituximab Trough Concentration at Cycle 4", ()),),
    ),
    Known(  # never approved: met its phase 2 primary outcome...
        "NCT09100012",
        "asthma",
        (("CLM-0417 200 mg", "EXPERIMENTAL", ("CLM-0417",)), ("Placebo", "PLACEBO_COMPARATOR", ("Placebo",))),
        ("CLM-0417 200 mg", "Placebo"),
        (("PRIMARY", "Change From Baseline in FEV1 at Week 12", ({"groups": (0, 1), "p_value_raw": "=0.004"},)),),
        phase="PHASE2",
        values=((0.21, 0.04),),  # FEV1 change, litres
    ),
    Known(  # ...and its phase 3 trial was withdrawn for business reasons: a shelved asset
        "NCT09100013",
        "asthma",
        (("CLM-0417 200 mg", "EXPERIMENTAL", ("CLM-0417",)), ("Placebo", "PLACEBO_COMPARATOR", ("Placebo",))),
        (),
        (),
        stopped="Sponsor decision to discontinue the development program for business reasons; not related to"
        " safety or efficacy.",
        status="WITHDRAWN",
    ),
)
# (study, drug) -> (serious events affected, at risk, the comparator's, and the comparator's at risk)
KNOWN_SAFETY = {
    ("NCT09100001", "CHEMBL1422"): (12, 300, 6, 298),
    ("NCT09100005", "CHEMBL1487"): (30, 500, 0, 0),
    ("NCT09100006", "CHEMBL118"): (0, 120, 0, 118),
}
# study -> the group its stop reason is in
KNOWN_STOP_GROUPS = {"NCT09100005": "Negative", "NCT09100008": "Safety", "NCT09100013": "Neutral"}
# (drug key, disease id) -> (tier, relation, shelved) of the repurposing candidates the trials above make
KNOWN_CANDIDATES = {
    ("CHEMBL192", "EFO_0001361"): ("TIER_1", "NEW_THERAPEUTIC_AREA", False),
    ("CHEMBL1487", "EFO_0001361"): ("FAILED", "SAME_THERAPEUTIC_AREA", False),
    ("CHEMBL1201576", "MONDO_0003660"): ("TIER_2", "DESCENDANT_OF_APPROVED", False),
    ("clm 0417", "MONDO_0004979"): ("TIER_1", None, True),
}
# (study, drug) -> primary verdict, as a trial statistician reads the trials above
KNOWN_VERDICTS = {
    ("NCT09100001", "CHEMBL1422"): "MET",
    ("NCT09100002", "CHEMBL429910"): "NON_INFERIOR",
    ("NCT09100002", "CHEMBL1422"): "NO_COMPARATOR",
    ("NCT09100003", "CHEMBL1201580"): "MET",
    ("NCT09100003", "CHEMBL34259"): "NO_COMPARATOR",
    ("NCT09100004", "CHEMBL4065616"): "NO_ANALYSIS",
    ("NCT09100005", "CHEMBL1487"): "NOT_MET",
    ("NCT09100006", "CHEMBL118"): "MET",
    ("NCT09100007", "CHEMBL1336"): "NO_COMPARATOR",
    ("NCT09100008", "CHEMBL941"): "INDETERMINATE",
    ("NCT09100009", "CHEMBL192"): "MET",
    ("NCT09100010", "CHEMBL1487"): "NOT_MET",
    ("NCT09100011", "CHEMBL1201576"): "NO_ANALYSIS",
    ("NCT09100012", "clm 0417"): "MET",
}
ANALYSIS_DEFAULTS: dict[str, object] = {
    "non_inferiority_type": "SUPERIORITY",
    "non_inferiority_description": None,
    "param_type": None,
    "param_value": None,
    "p_value_raw": None,
    "ci_n_sides": "TWO_SIDED",
    "ci_percent": None,
    "ci_lower_limit": None,
    "ci_upper_limit": None,
    "method": "ANCOVA",
    "p_value_description": None,
    "estimate_description": None,
}


KNOWN_RESULTS_POSTED = date(2021, 6, 30)


def known_trials(trials: tuple[Known, ...] = SAMPLE_TRIALS) -> dict[str, pl.DataFrame]:
    """The hand-built trials as rows of the AACT tables (studies, interventions, conditions and the results
    tables), typed as the generator's, to be appended to a generated registry."""
    rows: dict[str, list[dict[str, object]]] = {
        name: [] for name in ("studies", "interventions", "conditions", *RESULT_TABLES)
    }
    next_id = iter(range(600_000_000, 700_000_000, 7))
    for trial in trials:
        rows["studies"].append(
            {
                "nct_id": trial.nct_id,
                "study_type": "INTERVENTIONAL",
                "phase": trial.phase,
                "overall_status": "COMPLETED" if trial.stopped is None else trial.status,
                "why_stopped": trial.stopped,
                "number_of_arms": len(trial.arms),
                "enrollment": 300,
                "brief_title": f"A trial of {trial.arms[0][0]} in {trial.condition}",
                "results_first_posted_date": KNOWN_RESULTS_POSTED if trial.groups or trial.events else None,
            }
        )
        rows["conditions"].append(
            {
                "id": next(next_id),
                "nct_id": trial.nct_id,
                "name": trial.condition,
                "downcase_name": trial.condition.lower(),
            }
        )
        names: dict[str, int] = {}
        for _, _, interventions in trial.arms:
            for name in interventions:
                if name not in names:
                    names[name] = next(next_id)
                    kind = "OTHER" if name == "Vehicle" else "DRUG"
                    rows["interventions"].append(
                        {"id": names[name], "nct_id": trial.nct_id, "intervention_type": kind, "name": name}
                    )
        for title, group_type, interventions in trial.arms:
            arm = next(next_id)
            rows["design_groups"].append(
                {"id": arm, "nct_id": trial.nct_id, "group_type": group_type, "title": title, "description": None}
            )
            rows["design_group_interventions"] += [
                {"id": next(next_id), "nct_id": trial.nct_id, "design_group_id": arm, "intervention_id": names[name]}
                for name in interventions
            ]
        group_ids = [next(next_id) for _ in trial.groups]
        rows["result_groups"] += [
            {
                "id": group,
                "nct_id": trial.nct_id,
                "ctgov_group_code": f"OG{i:03d}",
                "result_type": "Outcome",
                "title": title,
                "description": None,
            }
            for i, (group, title) in enumerate(zip(group_ids, trial.groups, strict=True))
        ]
        for index, (affected, at_risk, deaths) in enumerate(trial.events):
            code = f"EG{index:03d}"
            event_group = next(next_id)
            rows["result_groups"].append(
                {
                    "id": event_group,
                    "nct_id": trial.nct_id,
                    "ctgov_group_code": code,
                    "result_type": "Reported Event",
                    "title": trial.arms[index][0],
                    "description": None,
                }
            )
            rows["reported_events"] += [
                {
                    "id": next(next_id),
                    "nct_id": trial.nct_id,
                    "result_group_id": event_group,
                    "ctgov_group_code": code,
                    "event_type": kind,
                    "subjects_affected": counts[index],
                    "subjects_at_risk": at_risk,
                    "organ_system": system,
                    "adverse_event_term": term,
                    "frequency_threshold": "5" if kind == "other" else "0",
                    "vocab": "MedDRA (25.0)",
                }
                for kind, term, system, counts in trial.adverse_events
                if counts[index] is not None
            ]
            rows["reported_event_totals"] += [
                {
                    "id": next(next_id),
                    "nct_id": trial.nct_id,
                    "ctgov_group_code": code,
                    "event_type": kind,
                    "classification": EVENT_CLASSIFICATIONS[kind],
                    "subjects_affected": value,
                    "subjects_at_risk": at_risk,
                }
                for kind, value in (("serious", affected), ("deaths", deaths))
                if value is not None
            ]
        for position, (outcome_type, title, analyses) in enumerate(trial.outcomes):
            outcome = next(next_id)
            if position < len(trial.values):
                rows["outcome_measurements"] += [
                    {
                        "id": next(next_id),
                        "nct_id": trial.nct_id,
                        "outcome_id": outcome,
                        "result_group_id": group_ids[index],
                        "ctgov_group_code": f"OG{index:03d}",
                        "classification": None,
                        "category": None,
                        "param_type": "MEAN",
                        "param_value": str(value),
                        "param_value_num": value,
                    }
                    for index, value in enumerate(trial.values[position])
                ]
            rows["outcomes"].append(
                {"id": outcome, "nct_id": trial.nct_id, "outcome_type": outcome_type, "title": title}
            )
            for analysis in analyses:
                number = next(next_id)
                values = {key: value for key, value in analysis.items() if key != "groups"}
                rows["outcome_analyses"].append(
                    {"id": number, "nct_id": trial.nct_id, "outcome_id": outcome, **ANALYSIS_DEFAULTS, **values}
                )
                rows["outcome_analysis_groups"] += [
                    {
                        "id": next(next_id),
                        "nct_id": trial.nct_id,
                        "outcome_analysis_id": number,
                        "result_group_id": group_ids[index],
                        "ctgov_group_code": f"OG{index:03d}",
                    }
                    for index in analysis["groups"]  # type: ignore[attr-defined]
                ]
    return {name: pl.DataFrame(frame_rows) for name, frame_rows in rows.items()}
