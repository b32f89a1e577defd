"""What the columns of an evidence row mean: written by the union steps (one row per source record and
drug-disease pair) and completed by the mapping step (`mapping.map_evidence`), which all declare this one text."""

_METHOD = (
    "How {side}_id was found, most trusted first: source (the source gave it) or the source's own method"
    " (text_match: found in PMDA's notes or EMA's indication text; mesh: an EMA MeSH area), curation (ChEMBL's"
    " curation of the study's label), exact, cleaned"
    " (without {cleaned}){qualified}, other_name, mesh (AACT rows), combination (a component of a combination)"
)
EVIDENCE_COLUMNS = {
    "studyId": "Where the record comes from: the NCT id for AACT, the reference id for ChEMBL, the product for PMDA,"
    " the EMA product number, the TTD drug id",
    "drug_name": "The drug as the source writes it (a combination's component, where one was split off)",
    "disease_name": "The disease as the source writes it",
    "intervention_id": "AACT intervention (interventions.id) the row is for; null for other sources",
    "source": "Where it is written: AACT, a ChEMBL reference type (FDA, EMA, DailyMed, INN, ...), PMDA, EMA (its"
    " medicines list) or TTD",
    "url": "Link to the record",
    "phase": "The phase as the source writes it (AACT's phase, ChEMBL's max_phase_for_ind, EMA's medicine"
    " status, TTD's clinical status)",
    "clinical_stage": "The phase on one ranked scale: APPROVAL > PHASE_4 > PHASE_3 > PHASE_2_3 > PHASE_2 >"
    " PHASE_1_2 > PHASE_1 > EARLY_PHASE_1 > PRECLINICAL > UNKNOWN",
    "overall_status": "AACT's status of the study (a WITHDRAWN study never enrolled: no drug withdrawal)",
    "why_stopped": "AACT's free text on why the study stopped",
    "start_date": "AACT start date of the study",
    "completion_date": "AACT completion date of the study",
    "drug_id": "ChEMBL id of the drug (a salt's id is its parent's); null when unmapped",
    "disease_id": "EFO/MONDO/HP/Orphanet id of the disease, with _; null when unmapped",
    "drug_method": _METHOD.format(side="drug", cleaned="doses, forms, salts", qualified=""),
    "disease_method": _METHOD.format(
        side="disease", cleaned="parentheses, inversion", qualified=", qualified (without leading qualifiers)"
    ),
    "drug_candidates": "The ids an ambiguous drug label matches at its best tier; the row then stays unmapped",
    "disease_candidates": "The ids an ambiguous disease label matches at its best tier; the row stays unmapped",
    "combination_label": "The whole label of a combination this row's drug was split from",
    "drug_vocabulary_name": "The drug's name in the drug vocabulary",
    "disease_vocabulary_name": "The disease's name in the disease vocabulary",
    "approval_date": "Date of the approval (PMDA; EMA's marketing authorisation date)",
    "approval_year": "Year of the approval (PMDA)",
    "brand_name": "Brand name of the approved product (PMDA; EMA's name of the medicine)",
    "regulatory_status": "The record's status as its source writes it: EMA's medicine status (Authorised,"
    " Withdrawn, Refused, Application withdrawn, ...), TTD's clinical status (Approved, Phase 2a, Terminated, ...)",
    "status_date": "Date of what became of an EMA authorisation or application: withdrawal, expiry, revocation,"
    " lapse or suspension, refusal, or the application's withdrawal",
    "approval_type": "Kind of approval (PMDA)",
}
