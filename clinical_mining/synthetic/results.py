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

from clinical_mining.synthetic.aact import PLACEBOS, _pick, _uniform

RESULTS_PHASES = ["PHASE2", "PHASE2/PHASE3", "PHASE3", "PHASE4"]
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
    "outcome_measurements": 515_000_000,
    "reported_event_totals": 520_000_000,
    "reported_events": 530_000_000,
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
TERMS_PER_STUDY = 80  # about the registry's 8.6 M event rows over 72 k studies with results and their groups
SERIOUS_TERMS_PER_STUDY = 16
EVENT_CLASSIFICATIONS = {
    "serious": "Total, serious adverse events",
    "other": "Total, other adverse events",
    "deaths": "Total, all-cause mortality",
}


def _id(table: str, height: int) -> pl.Expr:
    return pl.int_range(height, dtype=pl.Int64) * 3 + RESULT_ID_BASES[table]


def generate_results(tables: dict[str, pl.DataFrame], seed: int) -> dict[str, pl.DataFrame]:
    """The six results tables for the studies of `tables` that post results."""
    posting = tables["studies"].filter(
        pl.col("study_type") == "INTERVENTIONAL",
        pl.col("phase").is_in(RESULTS_PHASES),
        pl.col("overall_status").is_in(RESULTS_STATUSES),
    )
    drugs = (
        tables["interventions"]
        .join(posting.select("nct_id"), on="nct_id", how="semi")
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
    arms = pl.concat([experimental, control], how="vertical_relaxed").sort("nct_id", "control")
    arms = arms.with_columns(arm_id=_id("design_groups", arms.height))
    design_groups = arms.select(
        id="arm_id",
        nct_id="nct_id",
        group_type="group_type",
        title="title",
        description=pl.format("Participants receive {}", pl.col("name")),
    )
    links = arms.filter(pl.col("intervention_id").is_not_null())
    design_group_interventions = links.select(
        id=_id("design_group_interventions", links.height),
        nct_id="nct_id",
        design_group_id="arm_id",
        intervention_id="intervention_id",
    )
    # result groups: one per arm per module, titled unlike the arm; some crossover, some matching nothing
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
    groups = pl.concat(
        [
            arms.with_columns(result_type=pl.lit("Outcome"), group_title=outcome_title, code_prefix=pl.lit("OG")),
            arms.with_columns(result_type=pl.lit("Reported Event"), group_title="title", code_prefix=pl.lit("EG")),
        ]
    ).with_columns(
        ctgov_group_code=pl.format(
            "{}{}", "code_prefix", pl.int_range(pl.len()).over("nct_id", "result_type").cast(pl.String).str.zfill(3)
        )
    )
    groups = groups.with_columns(group_id=_id("result_groups", groups.height))
    result_groups = groups.select(
        id="group_id",
        nct_id="nct_id",
        ctgov_group_code="ctgov_group_code",
        result_type="result_type",
        title="group_title",
        description=pl.format("{} as randomised", pl.col("name")),
    )
    # outcomes: one to three per study, the first primary; some primaries are pharmacokinetics, never analysed
    counts = studies.with_columns(n=(_uniform(seed, 45) * 3).cast(pl.Int64) + 1)
    outcomes = counts.select(pl.col("nct_id").repeat_by("n")).explode("nct_id")
    outcomes = outcomes.with_columns(
        position=pl.int_range(pl.len()).over("nct_id"), outcome_id=_id("outcomes", outcomes.height)
    )
    pk = _uniform(seed, 46) < 0.1
    outcomes = outcomes.with_columns(
        outcome_type=pl.when(pl.col("position") < 2).then(pl.lit("PRIMARY")).otherwise(pl.lit("SECONDARY")),
        title=pl.when(pk)
        .then(pl.lit("Maximum Plasma Concentration (Cmax)"))
        .otherwise(_pick(OUTCOME_TITLES, seed, 47)),
        analysed=~pk,
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
    # analyses: each analysed outcome compares the first experimental group with the placebo group, and every
    # third outcome also gives a second analysis (another estimate of the same comparison)
    outcome_groups = groups.filter(result_type="Outcome")
    first_drug = outcome_groups.filter(~pl.col("control")).group_by("nct_id").agg(drug_group=pl.col("group_id").min())
    placebo_group = outcome_groups.filter("control").select("nct_id", placebo_group="group_id")
    analysed = (
        outcomes.filter("analysed")
        .join(first_drug, on="nct_id")
        .join(placebo_group, on="nct_id")
        .with_columns(n=pl.when(_uniform(seed, 48) < 0.33).then(2).otherwise(1))
    )
    analyses = analysed.select(pl.all().repeat_by("n")).explode(pl.all())
    analyses = analyses.with_columns(analysis_id=_id("outcome_analyses", analyses.height))
    kind = _uniform(seed, 49)
    lower = (_uniform(seed, 50) * 2 - 1.2).round(2)
    is_ni = kind < 0.08
    outcome_analyses = analyses.select(
        id="analysis_id",
        nct_id="nct_id",
        outcome_id="outcome_id",
        non_inferiority_type=pl.when(is_ni)
        .then(pl.lit("NON_INFERIORITY"))
        .when(kind < 0.12)
        .then(pl.lit("OTHER"))
        .otherwise(pl.lit("SUPERIORITY")),
        non_inferiority_description=pl.when(is_ni).then(pl.lit("The non-inferiority margin was -0.4.")),
        param_type=_pick(PARAM_TYPES, seed, 51),
        param_value=(lower + 0.3).round(2),
        p_value_raw=pl.when(kind < 0.2).then(None).otherwise(_pick(P_VALUES, seed, 52)),
        ci_n_sides=pl.when(_uniform(seed, 53) < 0.05).then(pl.lit("ONE_SIDED")).otherwise(pl.lit("TWO_SIDED")),
        ci_percent=pl.when(_uniform(seed, 54) < 0.1).then(90.0).otherwise(95.0),
        ci_lower_limit=lower,
        ci_upper_limit=(lower + 0.6).round(2),
        method=pl.lit("ANCOVA"),
        p_value_description=pl.lit(None, pl.String),
        estimate_description=pl.lit(None, pl.String),
    )
    # each outcome group's value on each analysed outcome: what says which way a difference goes
    measured = outcomes.filter("analysed").join(
        outcome_groups.select("nct_id", "group_id", "ctgov_group_code"), on="nct_id"
    )
    outcome_measurements = measured.select(
        id=_id("outcome_measurements", measured.height),
        nct_id="nct_id",
        outcome_id="outcome_id",
        result_group_id="group_id",
        ctgov_group_code="ctgov_group_code",
        classification=pl.lit(None, pl.String),
        category=pl.lit(None, pl.String),
        param_type=pl.lit("MEAN"),
        param_value_num=(_uniform(seed, 60) * 100).round(1),
    ).with_columns(param_value=pl.col("param_value_num").cast(pl.String))
    members = pl.concat(
        [
            analyses.select("analysis_id", "nct_id", group_id="drug_group"),
            analyses.select("analysis_id", "nct_id", group_id="placebo_group"),
        ]
    ).sort("analysis_id", "group_id")
    outcome_analysis_groups = members.join(
        result_groups.select(group_id="id", ctgov_group_code="ctgov_group_code"), on="group_id"
    ).select(
        id=_id("outcome_analysis_groups", members.height),
        nct_id="nct_id",
        outcome_analysis_id="analysis_id",
        result_group_id="group_id",
        ctgov_group_code="ctgov_group_code",
    )
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
    reported_event_totals = totals.with_columns(id=_id("reported_event_totals", totals.height)).select(
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
        id=_id("reported_events", posted.height),
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
