"""Why did the trial stop? Every stopped study's `why_stopped` read into the Open Targets classes and their group.

The classes and groups are those of Razuvayevskaya et al. (Nature Genetics 2024), decided here by rules in
code, so the same text always gets the same labels and a reader can see why. A text can carry several classes
("Futility and poor accrual"); its group is the most telling of them: Safety, then Negative, then Success, then
Neutral, then Invalid. That order is what a reader of the evidence needs: a trial stopped for toxicity and
low accrual is a safety stop. The groups follow Open Targets' class table (opentargets/stopReasons,
data/classes.csv): No_Context, a reason given without its why ("Terminated by sponsor", "PI decision"), is
Neutral, and Invalid is Invalid_Reason alone, a text that gives no reason at all. Two departures: Endpoint_Met
is Success here (Neutral there) and Business_Administrative is Neutral (there "Suspicious").

Precision comes before recall, because `stopped_for_safety` and `stopped_for_efficacy` are read as evidence
against a drug. The rules were written from the real registry texts of `real/stop_reasons/why_stopped_dev.tsv`
(never from the hand-labelled sample drawn from it), and each family was checked by reading its matches there.
Besides the words "safety", "toxicity", "futility" and "efficacy", they read (`SAFETY_FAMILIES`,
`NEGATIVE_FAMILIES`, `SUCCESS_FAMILIES`, `ENDPOINT_MET_FAMILIES`, by name):
- Safety: harms named outright, poor tolerance in the registry's spellings ("the tolerabilty challenges", "lack
  of efficacy and tolerability", "dose limiting tox") and what animal studies found ("nonclinical findings",
  "Animal Safety Data", `named`); the regulator's and the maker's safety actions (a black-box warning, a field
  safety notice or "security alert", a class I recall, a regulator suspending the marketing authorisation,
  `warnings`); named harms (adverse events, infections, bleeding, rash, deaths, complications, agranulocytosis,
  ...) that came more often than expected or more in one arm ("an imbalance in graft infections", "an excess of
  acute health services utilization in the intervention arm", `more_harm`), or that the text says happened
  ("due to thrombosis", "3 of 10 subjects had hypotension", "in two patients", "Infusion reactions during
  re-induction cycles", `harm_happened`); laboratory findings ("elevation of ALT and AST", "increased LFTs",
  `laboratory`); halting rules met, stopping criteria met for vital signs, a laboratory value or a harm, and
  reactogenicity (`halting`); "one complication event", "isolated events of seizure" and nerve palsies are harms
  that happened; a safety or benefit-risk profile become
  unacceptable or in need of optimisation (`profile`); a risk-benefit no longer favourable and harms that
  outweigh the benefit (`risk_benefit`); a risk foreseen ("potential risk of further dosing", `risk`); concerns
  about safety, harm or an interaction, safety questioned or raised as an issue, a trial judged risky, a
  safety review or safety data given as the cause ("based on preliminary safety data", `safety_words`); a
  review of safety and efficacy together says when the trial was looked at, not what was found, and is an
  interim review (`REVIEW_OF_BOTH`).
- Negative: no difference, effect or response, minimal activity ("no significant difference between groups",
  "Because there were no responses", "clinical activity ... is minimal", `no_difference`, `did_not_work`),
  endpoints or goals not met or that will not or can no longer be ("the primary endpoint would not be met",
  "Primary goal not achievable", first-stage requirements not met, `not_met`), low conditional power or
  probability of success (`unlikely`), a hypothesis not supported (`hypothesis`), results disappointing,
  inconclusive, not favourable or not supporting continuation, a Phase 3 failure, further study not warranted
  (`results`), the drug's own relapses, treatment failures and failure rates (`failures`).
- Success (group of Success and Endpoint_Met): endpoints met, the trial's end or an end criterion the protocol set
  reached ("Protocol-defined criterion of macitentan availability achieved"), the number of events, patients or the
  sample size the analysis needs reached ("minimum required sample size achieved", "the number of participants
  needed for this study has been met"; an enrolment's target or plan reached is a completion, `_NEEDED`,
  `endpoint_met`); objectives or the study's goal reached or considered met, its question answered ("the primary
  objective has already been answered", "a definitive answer", "Study question answered"), a purpose of the study
  achieved, a method validated, a dose-finding study's dose determined ("The RP2D ... was determined",
  `objective_met`, `objectives_met`); efficacy shown ("significant benefit", an efficacy boundary crossed or
  efficacy criteria met, "found superiority", the experimental arm superior, superiority to placebo, "difference
  found ..., not ethical to continue", statistical significance reached, "Significant differences observed between
  groups", "survival advantage demonstrated", the drug proved effective, its efficacy confirmed, `efficacy_shown`,
  `shown_effective`; not "as effective as", nor "proven effective treatments", which are others'); significance
  reached ("Interim review showed a statistically significant treatment effect", "highly significant difference",
  significantly fewer harms in an arm, "significant decrease of perinatal mortality in the cerclage group",
  `SIGNIFICANTLY_FEWER_HARMS`, `significant`, unless it is denied, still to be reached, the control group's or
  another trial's, `SIGNIFICANCE_DENIED`), a clinically meaningful effect shown ("More patients in Cohort 1 ...
  demonstrated a clinically meaningful reduction"); stopped early for efficacy (`stopped_for_efficacy`); enough data
  collected to answer the question ("sufficient data collected for analysis", "Sufficient data regarding the
  dose-response ... had been obtained", "sample size sufficient for final analysis", "further cohorts not needed",
  "no further data is needed", "The required data was obtained", enough patients for the outcomes or through the
  study ("enough subjects had already completed"), "Sufficient enrollment for Month 24 safety and efficacy
  endpoints", "Sufficient acquisitions for DCE-MRI", "sufficient POC", the primary analysis done ("after the primary
  endpoint analysis was completed"), further follow-up not needed or unable to change the outcome, qualitative data
  saturation reached, `enough_data`), and endpoints that will no longer change ("no changes in the endpoints were
  expected in the future", one token: `ENDPOINTS_SETTLED`); a benefit seen, a high response rate or a superior
  effect not the comparator's ("Clinical benefit was noted in the earlier portion of the trial", "superior effect of
  the injection", `benefit_seen`); results that were conclusive or conclusive results obtained (`conclusive`, not
  "no conclusive results", `CONCLUSIVE_DENIED`) or positive (`results_positive`); the regulator's requirements met
  by the results ("satisfaction of post-marketing commitments", "Regulatory agency commitment fulfilled",
  `requirements_met`); positive or favourable results, a positive interim analysis, a successful proof of concept
  (`positive`); approval, clearance, marketing authorisation, licence or label expansion of the drug, not of the
  protocol, nor of another product, "FDA Approval" given alone and commercial availability the protocol set as the
  study's end ("available commercially per protocol", `approval`), not one never received ("Never received FDA
  approval" is Regulatory, `NOT_APPROVED`); a drug named only by its name whose approval is given as the reason
  ("Terminated due to Osimertinib approval") may be a competitor's and is not read. A goal the study stopped before
  reaching ("terminated before the primary endpoint was reached", `BEFORE_REACHED`) is no goal reached.
Some families count only where the text does not name what would explain them otherwise: harms, risks and
"patient safety" beside COVID-19 are the pandemic's (`SAFETY_UNLESS_PANDEMIC`); endpoints that will not be met
for want of patients or data are an enrolment stop, and a comparator's failures are the drug's success
(`NEGATIVE_UNLESS`); "sufficient data" denied ("unable to collect enough data") or said beside the reason the
study stopped for ("Funding exhausted. Sufficient data already collected.", the pandemic, low enrolment, a
safety finding) is no success, nor is enough still awaited ("until sufficient data are collected", "to collect
sufficient data", `ENOUGH_DENIED`), nor an effect shown, a benefit seen or a result found conclusive by another study
or in the comparator's favour (`SUCCESS_UNLESS`). A text read as Negative is not also Success: "no
significant benefit" names the benefit it denies. A success cut short is no enrolment problem:
Insufficient_Enrollment stays beside Success only where the text names a shortfall ("Primary endpoint reached,
slow accrual").

The text is lower-cased and cleaned (`text.clean_text`), then rewritten before any class is looked for:
- committees are one token (`dsmb`): a Data *Safety* Monitoring Board says who stopped the trial, not why, and
  a committee's recommendation given without its reason is No_Context; an "adverse event reporting system" is
  a database, not an event; the death of an investigator is Study_Staff_Moved, not a death in the trial;
- "not met", "did not show", "failed to meet", "would not be achieved" become one token, so "primary endpoint
  not met" is never Endpoint_Met, and "did not reduce mortality" one more, so it is not read as fewer deaths;
  "no positive results" become one, read as negative results, and "not sufficient data" is insufficient data;
  "did not approve" and "not licensed" are one token, so "did not approve this study due to safety concern"
  keeps its cause; "eficacy" is read as "efficacy";
  an enrolment's target or objective ("accrual goal met") is not the study's, and a safety endpoint met is the
  study's endpoint met (Endpoint_Met, as the hand labels read it), no efficacy shown and no harm;
- negated spans are blanked: "not due to safety concerns", "no safety or efficacy issues", "unrelated to
  safety", "rather than safety", "safety concerns were not a factor", "no impact on subject safety", "no
  complications reported", "a reduction in head injuries", "enrolment was completed"; a clause ends at
  punctuation or at "but", "however" and their like, so "not for safety, but for low accrual" keeps the accrual,
  and a list closed by "or" runs on ("not related to the drug, its use, or adverse events").
A mention of the sponsor alone ("Terminated by sponsor") is Business_Administrative only when nothing else is
found. A text that says who stopped the study or that it stopped, and nothing more ("Terminated", "PI
decision", "Per DSMB recommendation"), is No_Context. One that gives no reason at all is Invalid_Reason: a
pointer to another field ("See termination reason in detailed description", "Please see above", `POINTER`),
a completion, a completed enrolment or a target number reached and nothing else ("Study completed",
"Recruitment and follow-up has been completed", "Accrual goal met", "Administratively complete", "End of
study", `COMPLETION`), a placeholder ("N/A", "Unknown reason", "Other", "#NAME?") or a date. A pointer beside
anything else ("Business decision (see below)", "Per DSMB. See detailed description.") is read as that, and a
completion beside anything else ("Enrollment completed. ... due to loss of funding") too. A text that no rule
reads is No_Context with the note "no rule matched", counted in the metadata, never guessed.

Each rule is its own regex (one alternation of them all would outgrow the regex engine's size limit) and runs
once per distinct text: 30,000 texts take about a second.

A text longer than `MAX_LENGTH` (the registry allows 250 characters) is not a stop reason as registries write
them, most likely a field shifted in an export; it is kept with its note and no class, and counted.
"""

import polars as pl

from clinical_mining.column_docs import describes
from clinical_mining.step_stats import record
from clinical_mining.steps.outcomes.arms import require_columns
from clinical_mining.text import clean_text, has_control_characters

STOPPED_STATUSES = ("TERMINATED", "SUSPENDED", "WITHDRAWN")
MAX_LENGTH = 1000
GROUPS = ("Safety", "Negative", "Success", "Neutral", "Invalid")
SCHEMA = {
    "studyId": pl.String,
    "overall_status": pl.String,
    "why_stopped": pl.String,
    "stop_categories": pl.List(pl.String),
    "stop_group": pl.String,
    "note": pl.String,
}

# words that may stand between a verb and what it is about ("failed to meet ITS PRIMARY endpoint")
_FILLER = (
    r"(?:the|its|a|an|any|their|this|primary|secondary|main|key|co-primary|pre-?specified|predefined|statistical|"
    r"statistically|clinically|clinical|significant|meaningful|relevant|desired|expected|study|trial|efficacy|"
    r"treatment|therapeutic|sufficient|sufficiently|substantial|measurable|obvious|apparent|discernible|evident|"
    r"notable|real|clear|convincing|additional|added|further|overall|survival|superior|positive|beneficial|"
    r"protective|anti-?tumou?r|drug|anticipated|hoped|intended|targeted|levels? of|evidence of|signs? of|signals? of|"
    r"it's|and|or|both|either|preliminary|biological|observed|investigational|agent|study's|trial's|major|"
    r"(?:one|some|any|all|each|either|both) of|(?:intermediate|short|long|mid)-?term|interim|"
    r"trends? (?:of|towards?|to)|tendency (?:of|towards?)|preventive|preventative|appreciable|differentiated|"
    r"worthwhile|compelling|robust|conclusive|definitive|incremental|tangible|noticeable|detectable|proof of)"
)
_EFFICACY_OBJECT = (
    r"(?:(?:co-?)?end ?points?|aims?|equivalence|bioequivalence|objectives?|outcomes?|efficacy|effectiveness"
    r"|benefits?|superiority|non-?inferiority|"
    r"differences?|significance|effects?|improvements?|activity|advantages?|hypothes[ie]s)"
)
_SAFETY_TOPIC = (
    r"(?:safety|toxicity|tolerability|reactogenicity|(?:serious\s+)?adverse (?:events?|effects?|reactions?)|saes?|"
    r"side[- ]effects?|harm|deaths?|(?:benefit|risk)[- /](?:risk|benefit))"
)
_EFFICACY_TOPIC = r"(?:efficacy|futility|lack of efficacy)"
_ANY_TOPIC = rf"(?:{_SAFETY_TOPIC}|{_EFFICACY_TOPIC})"
# a negated span runs to the end of its clause, through a list closed by "or" ("not related to the drug, its
# use, or adverse events") and on through a list of the topics a negation names
_SCOPE = (
    r"[^.;:!?,()]*(?:(?:,[^.;:!?,()]*)*,\s*(?:or|nor)\b[^.;:!?,()]*)?"
    rf"(?:,\s*(?:or\s+|and\s+|nor\s+)?{_ANY_TOPIC}\b[^.;:!?,()]*)*"
)
_ISSUE = r"(?:concerns?|issues?|problems?|findings?|signals?|reasons?|considerations?)"
_CAUSE = (
    r"(?:due to|related to|because of|owing to|attributable to|linked to|based on|for|as a result of|a result of|"
    r"caused by|driven by|associated with|connected to|secondary to|motivated by|prompted by|in response to)"
)
_COUNT = (
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|multiple|some|many|numerous|"
    r"all|both|few|a few|a number of|majority of)"
)
_PERSONS = (
    r"(?:patients?|subjects?|participants?|volunteers?|individuals?|children|infants?|neonates?|newborns?|babies|"
    r"pts|persons?|people|women|men|mothers|animals?|rats?|dogs?|monkeys?|mice)"
)
# what befalls a patient that a trial stops for: named harms, not the disease's own course
_HARM = (
    r"(?:adverse (?:events?|effects?|reactions?|drug reactions?|experiences?|outcomes?|incidents?)|side[- ]effects?|"
    r"aes?|saes?|susars?|\w*toxicit(?:y|ies)|dlts?|complications?|(?:serious|severe|cardiac|cardiovascular|"
    r"thromboembolic|thrombotic|bleeding|ha?emorrhagic|hepatic|liver|renal|ocular|neurologic(?:al)?|psychiatric|"
    r"respiratory|gastrointestinal|gi|infusion|injection[- ]site|hypersensitivity|allergic|skin|local|systemic|"
    r"vascular|embolic|isch(?:a|e)?emic|safety|unexpected|unanticipated|orthostatic) (?:events?|reactions?)|"
    r"infections?|sepsis|bleed(?:ing|s)?|ha?emorrhag\w*|thrombo(?:sis|ses|embol\w*)|emboli(?:sm|sms)|strokes?|"
    r"seizures?|convulsions?|hypotension|hypoglyca?emi\w*|hyperkala?emi\w*|hyponatra?emi\w*|hypertriglycerid\w*|"
    r"rash(?:es)?|nausea|vomiting|diarrh(?:o)?ea|pancreatitis|neuropath\w*|pneumonitis|arrh?ythmi\w*|"
    r"myocardial infarctions?|heart attacks?|heart failure|cardiac arrests?|(?:renal|kidney|liver|hepatic) "
    r"(?:failure|injury|damage|dysfunction|impairment)|deaths?|fatalit(?:y|ies)|necrosis|dehiscence|seromas?|"
    r"abscess(?:es)?|occlusions?|hypersensitivity|anaphyla\w*|respiratory depression|over-?sedation|syncope|"
    r"angio-?o?edema|neutropeni\w*|thrombocytopeni\w*|leukopeni\w*|cytopeni\w*|myelosuppression|rhabdomyolysis|"
    r"myopathy|myalgia|encephalopath\w*|hospitali[sz]ations?|qtc? prolongations?|injur(?:y|ies)|harms?|"
    r"adverse\s+(?:[\w'-]+\s+)?findings?|intolerabilit(?:y|ies)|fatal\s+(?:[\w'-]+\s+)?(?:occurrences?|events?|outcomes?|"
    r"cases?|reactions?|complications?|infections?|bleed\w*)|"
    r"agranulocytosis|aplastic ana?emia|(?:hepatic )?vei?no[- ]?oc?clusive disease|"
    r"(?:cranial|facial|nerve|vocal cord)\s+(?:nerve\s+)?"
    r"pals(?:y|ies)|retinal detachments?|myocarditis|"
    r"stevens[- ]johnson|osteonecrosis|re-?admissions?|re-?hospitali[sz]ations?|health ?(?:care|services?) "
    r"utili[sz]ation|"
    r"irritations?|detrimental effects?|bronchospasms?|bronchoconstriction|"
    r"morbidity|mortality)"
)
# what may stand between "no" and the harm it denies ("no new serious drug-related adverse events")
_QUALIFIER = (
    r"(?:new|further|additional|other|serious|severe|major|significant|unexpected|unanticipated|relevant|specific|"
    r"obvious|notable|important|unusual|such|clinically|reported|observed|related|safety|drug[- ]related|"
    r"treatment[- ]related|study[- ]related|device[- ]related|procedure[- ]related|intervention[- ]related|"
    r"intra-?operative|post-?operative|any|the|significant)"
)
_LAB = (
    r"(?:liver (?:function |biochemical |biochemistry |chemistry |blood )?(?:tests?|enzymes?|values?|parameters?|"
    r"function)|lfts?|transaminases?|"
    r"aminotransferases?|alt|ast|alat|asat|bilirubin|creatinine|lipase|amylase|cpk|creatine (?:phospho)?kinase|"
    r"troponin|qtc?(?: interval)?)"
)

# "sufficient" (never "insufficient": the word boundary keeps it out), "enough", "adequate", misspelt as registries do
_ENOUGH = r"(?:sufficient|suffisant|enough|adequate)"
# what an analysis needs ("the minimum required sample size", "the number of participants needed for this study"),
# never a target or a plan, which are an enrolment's ("Accrual goal met" is a completion, Invalid_Reason), nor
# "sufficient", whose denials ("no sufficient number of patients") only `enough_data` guards
_NEEDED = r"(?:required|needed|necessary|minimum|minimal)"

COMMITTEES = (
    r"\b(?:independent\s+)?(?:data\s+(?:and\s+)?safety\s+(?:and\s+)?monitoring|data\s+monitoring|"
    r"(?:monitoring\s+)?safety\s+monitoring|monitoring\s+safety|drug\s+safety\s+monitoring|safety\s+review|"
    r"data\s+review|(?:data\s+)?safety)\s+(?:board|committee|panel)s?(?:\s+committee)?\b|"
    r"\b(?:i?dsmbs?|i?dmcs?|dsmcs?|srcs?)\b"
)
CLAUSE_BREAKS = r"\b(but|however|although|though|whereas|instead|yet)\b"
NOT_ACHIEVED = (
    r"\b(?:(?:has|have|had|did|does|do|was|were|is|are|will|would|could|can|may)\s+)?(?:not|never|cannot)\s+"
    r"(?:been\s+|be\s+|yet\s+|going to\s+(?:be\s+)?)?(?:met|meet|reached|reach|achieved|achieve|attained|attain|"
    r"shown|show|demonstrated|demonstrate|confirmed|obtained|meeting|reaching|achieving|showing|demonstrating)\b|\b"
    r"(?:will|would)\s+not\s+be\s+(?:met|reached|achieved|"
    r"attained|shown|demonstrated|confirmed)\b|\b(?:(?:could|can|would|will)\s+)?no\s+(?:longer|more)\s+(?:be\s+)?"
    r"(?:met|reached|achieved|attained|achievable|attainable)\b|\b(?:not|never)\s+(?:be\s+)?(?:achievable|"
    r"attainable)\b|"
    r"\b(?:unachievable|unattainable)\b"
)
# "did not reduce mortality" read before "reduce mortality" is taken for fewer harms
NO_EFFECT = (
    r"\b(?:did|does|do|would|will) not (?:significantly |appear to |seem to )?(?:improve|reduce|lessen|prevent|slow|"
    r"lower|shorten|prolong|benefit|decrease)\b"
)
FAILED_TO = (
    r"\b(?:fail(?:ed|s|ure|ing)?|inability|unable)\s+(?:of\s+(?:[\w'-]+\s+){1,4}?)?to\s+(?:meet|reach|achieve|attain|"
    r"show|demonstrate|confirm|detect)\b"
)
NEITHER = r"\bneither\s+((?:[\w'-]+\s+){0,3}?)(?:achieved|met|reached|showed|demonstrated)\b"
# an approval to run the study is no approval of the drug, and another product's approval is not this one's
APPROVED_CONDUCT = (
    r"\bapproved\s+((?:the\s+|our\s+|this\s+|an?\s+)?(?:ind|ide|protocol|study|trial|amendment|consent))\b"
)
CONDUCT_APPROVED = (
    r"\b((?:(?:protocol|amendment|ind|ide|irb|consent|application|request|extension|site)s?\s+(?:[\w'-]+\s+){0,6}?|"
    r"(?:study|trial)\s+))(?:was\s+|were\s+|has been\s+|have been\s+|had been\s+|is\s+|got\s+)?approved\b"
)
APPROVED_TO = (
    r"\bapprov(?:ed|al)\s+((?:by\s+(?:the\s+)?[\w'-]+\s+)?to\s+(?:reopen|resume|restart|continue|proceed|start|begin|"
    r"transition|conduct|enrol\w*|initiate|amend|modify|close))\b"
)
OTHER_PRODUCT = (
    r"\b(alternative|other|another|competing|competitor|different|similar|newer)\s+((?:[\w'-]+\s+)?)(?:drugs?"
    r"|products?|"
    r"treatments?|therap(?:y|ies)|devices?|agents?|medications?|compounds?|techniques?|vaccines?)\b"
)
# this study's own finding, kept apart from a trial named by its acronym ("REAL trial showed ...", `ANOTHER_SOURCE`)
OWN_TRIAL_FOUND = r"\b(this|the|our|present|current|of the)\s+(trial|study)\s+(showed|demonstrated|found|reported)\b"
# "no positive results" are negative ones, "without success" is no success
NOT_POSITIVE = (
    r"\b(?:no|not|without|lack of|absence of|never|nor)\s+(?:[\w'-]+\s+)?(?:positive|success\w*|satisf(?:actory|ying)|"
    r"convincing|favou?rable|excellent)\b"
)
# "not sufficient data" is insufficient data, and an enrolment target met is no study objective met
SUFFICIENT_DENIED = (
    r"\b(?:not|no|without|lack of|absence of|never|nor)\s+(?:(?:a|any|very|really|quite)\s+)?(?:sufficient|enough|"
    r"adequate)\s+((?:clinical\s+|mature\s+|statistical\s+)?(?:data|information|evidence|findings))\b"
)
# a safety endpoint is one token: met, it is the study's endpoint met (Endpoint_Met), never a harm, and no
# efficacy endpoint ("Primary endpoint (safety) has been achieved")
SAFETY_ENDPOINT = (
    r"\b(?:safety|tolerability|toxicity)\s+end ?points?\b|\b(?:primary\s+)?end ?points?\s*\(\s*(?:safety|"
    r"tolerability|toxicity)\s*\)"
)
ENROLMENT_TARGET = (
    r"\b(enrol\w*|recruit\w*|accrual|inclusions?|sample size)\s+(?:objectives?|goals?|targets?|aims?)\b|"
    r"\b(?:objectives?|goals?|targets?|aims?)\s+of\s+(enrol\w*|recruit\w*|accru\w*|\d+\s+(?:patients|subjects|"
    r"participants))\b"
)
NOT_APPROVED = (
    r"\b(?:not|never)\s+(?:yet\s+)?(?:been\s+)?(?:approved?|licen[cs]ed)\b|"
    # "Never received FDA approval", "did not obtain marketing authorisation": no approval of the drug
    r"\b(?:not|never)\s+(?:yet\s+)?(?:been\s+)?(?:received?|obtained|obtain|granted|gained|gain|got|get)\s+"
    r"(?:an?\s+|the\s+|its\s+)?(?:[\w'-]+\s+){0,2}?(?:approval|authori[sz]ation|clearance|licen[cs]e)\b"
)
# an endpoint, objective or dose the study stopped before reaching was not reached: "terminated before the primary
# endpoint was reached" is no Endpoint_Met (nor a failure: the token is read by no rule)
BEFORE_REACHED = (
    r"\b(before|prior to|until)\s+((?:[\w'-]+\s+|\([^)]*\)\s+){0,6}?)(?:was|were|had been|has been|could be|would be|"
    r"is|are|being)\s+(?:met|reached|achieved|attained|determined|identified|established|completed|answered)\b"
)
# "As no changes in the endpoints were expected in the future", "we do not expect any changes to the endpoints in the
# future after one year of FU": the endpoints settled, so enough data (`enough_data`); one token, so the "changes"
# are neither a change of design nor another reason to stop (`ELSEWHERE`)
ENDPOINTS_SETTLED = (
    r"\bno\s+(?:further\s+|more\s+)?changes?\s+(?:in|to|of)\s+(?:the\s+)?(?:[\w'-]+\s+)?(?:end ?points?|outcomes?|"
    r"results?)\s+(?:(?:was|were|is|are|would be|will be)\s+)?(?:expected|anticipated)\b|\b(?:not|never)\s+"
    r"(?:[\w'-]+\s+)?(?:expect|anticipate)\w*\s+(?:any\s+)?(?:further\s+|more\s+)?changes?\s+(?:in|to|of)\s+"
    r"(?:the\s+)?(?:[\w'-]+\s+)?(?:end ?points?|outcomes?|results?)\b"
)
# "Sufficient enrollment achieved for outcome measures", "a sufficient number of subjects were enrolled": enough
# patients for the analysis, read by `enough_data` before the negations blank an enrolment achieved as no enrolment
# problem (nor is "number of subjects" then read as a shortfall); a denied one ("Sufficient enrollment was not
# achieved") is `notmet` by then, and "could not be enrolled" is not read
SUFFICIENT_ENROLMENT = (
    r"\b(sufficient|adequate|enough)\s+(?:(?:enrol\w*|recruitment|accrual)\s+(?:was\s+|were\s+|has been\s+|"
    r"have been\s+|had been\s+)?(?:achieved|reached|obtained|attained)|number\s+of\s+(?:patients|subjects|"
    r"participants)\s+(?:was|were|has been|have been|had been)\s+(?:enrolled|recruited|included|randomi[sz]ed))\b"
)
# "a significant decrease of perinatal mortality in the cerclage group": fewer harms in an arm, read as significance
# (`significant`, with its guards: the control group's, another study's) before the negations blank fewer harms; a
# reduction named without an arm is the population's ("A significant reduction in head injuries ... reduced the
# number of potential subjects")
SIGNIFICANTLY_FEWER_HARMS = (
    r"\bsignificant\s+(?:reductions?|decreases?|declines?|drops?)\s+(?:in|of)\s+(?:the\s+)?(?:(?:rates?|incidences?|"
    rf"numbers?|frequency|risks?|occurrences?|prevalence|cases)\s+(?:of\s+)?)?(?:[\w'-]+\s+)?{_HARM}\s+((?:in|among|"
    r"with|for)\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}?(?:group|arm|cohort)s?)\b"
)
# one token for what would otherwise read as a harm of the drug: the pandemic's infections and risks, the death
# of an investigator (Study_Staff_Moved), the adverse event reporting system
PANDEMIC = (
    r"\b(?:covid[- ]?(?:19)?|sars[- ]?-?cov[- ]?2|(?:novel )?corona[- ]?virus|corona|pandemic)\s+"
    r"(?:[\w'-]+\s+)?(?:infections?|cases|deaths?|mortality|outbreak|exposures?|risks?|complications?)\b"
)
STAFF_DEATH = (
    r"\b(?:death|passing|loss|illness|sickness|decease) of (?:the |our |a |an )?(?:[\w'-]+\s+){0,2}?(?:pi|principal "
    r"investigator|investigator|physician|doctor|dr|coordinator|researcher|surgeon|study chair|founder)\b|"
    r"\b(?:pi|principal investigator|investigator|physician|doctor|researcher|coordinator|surgeon|dr\.?\s+\w+"
    r"(?:\s+\w+)?)\s+(?:[\w'-]+\s+){0,3}?(?:died|passed away|deceased|death)\b"
)
AE_REPORTING = r"\badverse (?:events?|drug reactions?) reporting(?: system)?\b"
# a review of safety AND efficacy says when the trial was looked at, not what was found: "suspended while data is
# reviewed for safety and efficacy", "interim review of efficacy and safety data" (Interim_Analysis); a review of
# safety alone given as the cause is a safety stop
_BOTH_TOPICS = (
    r"(?:safety\s*(?:and|&|/)\s*(?:efficacy|effectiveness)|(?:efficacy|effectiveness)\s*(?:and|&|/)\s*safety)"
)
# "safety and efficacy concerns" are concerns about each: split before a review of both is read
BOTH_CONCERNS = rf"\b{_BOTH_TOPICS}\s+(concerns?|issues?|signals?|problems?)\b"
REVIEW_OF_BOTH = (
    r"\b(?:review\w*|evaluat\w*|assess\w*|analy[sz]\w*|examin\w*|monitor\w*)\s+(?:of\s+|for\s+)(?:the\s+)?"
    r"(?:(?:interim|available|cumulative|accumulated|preliminary|blinded|unblinded|current|all)\s+)?"
    rf"{_BOTH_TOPICS}(?:\s+(?:data|results?|information|outcomes?))?\b|\b{_BOTH_TOPICS}\s+(?:data\s+)?"
    r"(?:reviews?|evaluations?|assessments?|analys[ie]s)\b"
)
# "technical complications" are difficulties, "experienced a progression" is the disease's course, and "no study
# activity" is work not done, not a drug without activity
NOT_HARMS = (
    (r"\b(study|trial|research|recruitment|enrol\w*|site|screening)\s+activit(?:y|ies)\b", "$1 work"),
    # "patients with elevated triglycerides" is who was sought, not what happened to them
    (
        r"\b(patients?|subjects?|participants?|individuals|people|women|men|children|those) with (?:elevated|high|"
        r"raised|increased|abnormal)\b",
        "$1 with baseline",
    ),
    (r"\bpain\s+(relief|control|scores?|reduction|improvement|management|intensity)\b", "analgesia $1"),
    (r"\bnon-?fatal\b", "nonfatal"),
    # too few of the events an outcome counts is a shortfall of data, not a harm nor the events needed: "Insufficient
    # number of adverse events", "Lower than required number of events observed"
    (
        # (not "a small number of serious adverse events", which is harms that happened)
        r"\b(?:insufficient|inadequate|too few|not enough|lower than (?:expected|anticipated|planned|required|"
        r"needed))\s+(?:numbers?|rates?|incidences?|frequency|counts?)\s+of\s+(?:(?:adverse|clinical|"
        r"primary|outcome|study|serious|endpoint)\s+)*events?\b",
        " insufficient number of events ",
    ),
    (r"\bnone of the\s+(?:[\w'-]+\s+)?(?:patients|subjects|participants)\s+(reported|complained)\b", "none $1"),
    (r"\bat\s+(?:an?\s+)?(?:increased|higher|high|elevated)\s+(?:[\w'-]+\s+)?risk\b", "at baseline risk"),
    (
        r"\b(technical|recruitment|enrol\w*|logistic\w*|administrative|unforeseen|regulatory|contractual|legal|"
        r"financial|operational|budget\w*|funding)\s+complications?\b",
        "$1 difficulties",
    ),
    (
        r"\b(?:developed|experienced|experiencing|suffered|had)\s+(?:an?\s+|the\s+)?(?:[\w'-]+\s+)?(?:progression|"
        r"progressive disease|relapses?|recurrences?|responses?|remissions?|difficult\w*|delays?|problems|issues)\b",
        " ~ ",
    ),
)
NEGATIONS = (
    # "no adverse events or unanticipated problems involving risks to subjects": the IRB's phrase, denied
    r"\bno\s+(?:[\w'-]+\s+){0,6}?(?:unanticipated|unexpected)\s+problems?\s+involving\s+risks?\b",
    # "not due to safety concerns", "not stopped for lack of efficacy": the span after the cause is blanked, and
    # what comes before it is kept ("not effective for the retention outcome" still says "not effective")
    rf"(\b(?:not|never|nor)\b(?:\s+\w+){{0,3}}?\s+{_CAUSE})\b{_SCOPE}",
    rf"\b(?:unrelated to|independent of|irrespective of|regardless of|nothing to do with|other than|rather than|"
    rf"instead of)\b{_SCOPE}",
    # "no safety or efficacy concerns", "no new safety signals or serious adverse events", "non-safety related"
    rf"\b(?:no|not|without|nor|non|absence of|free of)\b[- ]?(?:\s*\w+){{0,4}}?\s*(?:{_EFFICACY_TOPIC}\s*"
    rf"(?:,|/|and/or|or|and|nor)\s*)?{_SAFETY_TOPIC}(?:\s*(?:,|/|and/or|or|and|nor)\s*{_ANY_TOPIC})*[- ]?(?:\s*\w+)?\s*"
    r"(?:concerns?|issues?|problems?|signals?|findings?|reasons?|risks?|related|driven|based|implications?|"
    rf"questions?|grounds|considerations?|impacts?|changes?|events?|warnings?|alerts?)\b(?:\s*(?:,|/|\band/or\b|"
    rf"\bor\b|\band\b"
    r"|\bnor\b)\s*"
    rf"(?:new\s+|serious\s+|significant\s+|unexpected\s+)?{_ANY_TOPIC}(?:\s+(?:concerns?|issues?|signals?|"
    r"findings?|events?))?)*",
    rf"\b(?:no|not|without|nor|non)\b[- ]?(?:\s*\w+){{0,2}}?\s*{_EFFICACY_TOPIC}(?:\s*(?:,|/|and/or|or|and|nor)\s*"
    rf"{_ANY_TOPIC})*[- ]?(?:\s*\w+)?\s*(?:concerns?|issues?|problems?|reasons?|related|driven|based|grounds|"
    r"considerations?|questions?)\b",
    # "no serious adverse events", "without complications", "absence of toxicity"
    rf"\b(?:no|without|absence of|free of|nor)\s+(?:{_QUALIFIER}\s+){{0,3}}{_HARM}\b(?:\s*(?:,|/|and/or|or|and|nor)"
    rf"\s*(?:{_QUALIFIER}\s+){{0,3}}{_HARM}\b)*",
    # "safety concerns were not a factor", "toxicity was not observed"
    rf"\b(?:{_SAFETY_TOPIC}(?:\s+{_ISSUE})?|{_EFFICACY_TOPIC}\s+{_ISSUE})\s+(?:was|were|is|are|has|have|had|did)\s+"
    r"(?:been\s+)?(?:not|never|no)\s+(?:(?:a|an|the|any|part of the|among the)\s+)?(?:factors?|concerns?|issues?|"
    r"reasons?|problems?|causes?|observed|seen|reported|identified|found|noted|raised|related|involved|considered|"
    r"contributing|contributory|a factor|implicated|the reason|an issue|relevant)\b",
    # "no concerns about safety", "no impact on subject safety", "did not compromise safety"
    rf"\b(?:no|not|without)\s+(?:[\w'-]+\s+){{0,2}}?(?:impact|effect|influence|bearing|implications?|consequences?)\s+"
    rf"(?:on|for)\s+(?:the\s+)?(?:[\w'-]+\s+){{0,2}}?{_ANY_TOPIC}",
    rf"\b(?:not|never)\s+(?:[\w'-]+\s+)?(?:impact|affect|compromise|jeopardi[sz]e|endanger)\w*\s+(?:the\s+)?"
    rf"(?:[\w'-]+\s+){{0,2}}?{_ANY_TOPIC}",
    rf"\b(?:no|without|nor)\s+(?:[\w'-]+\s+){{0,2}}?(?:concerns?|issues?|questions?|problems?)\s+(?:about|regarding|"
    rf"over|with|related to|concerning|for|of|in)\s+(?:the\s+)?(?:[\w'-]+\s+){{0,2}}?{_ANY_TOPIC}",
    # "a significant reduction in head injuries", "low incidence of infections", "lower mortality": fewer harms
    rf"\b(?:reduc(?:ed|es?|tions?|ing)|decreas\w*|fewer|lower|less|low|drop|declin\w*)\s+(?:(?:in|of)\s+)?"
    rf"(?:the\s+)?(?:(?:rates?|incidences?|numbers?|frequency|risks?|occurrences?|prevalence|cases|levels?)\s+"
    rf"(?:of\s+)?)?(?:[\w'-]+\s+)?{_HARM}\b",
    # "no subject reached the primary endpoint"
    rf"\b(?:no|none of the|not one)\s+(?:of the\s+)?(?:[\w'-]+\s+)?(?:{_PERSONS}|one)\s+(?:(?:has|have|had)\s+)?"
    r"(?:reached|met|achieved|attained)\b|\bnobody\s+(?:(?:has|had)\s+)?(?:reached|met|achieved|attained)\b",
    # a status written where the reason should be says nothing of recruitment
    r"^\W*(?:active,?\s+)?not\s+(?:yet\s+)?recruiting\W*$",
    # an enrolment that went as planned is no enrolment problem
    r"\b(?:enrol\w*|recruitment|accrual)\s+(?:was\s+|were\s+|is\s+|has been\s+|had been\s+)?(?:complete|completed|"
    r"finished|achieved|reached|on track|not an issue|not a problem)\b",
    r"\b(?:after|following)\s+(?:full|complete|completed|completing)\s+(?:enrol\w*|recruitment|accrual)\b",
)

# each family of Safety rules, by what it reads
SAFETY_FAMILIES: dict[str, tuple[str, ...]] = {
    "named": (
        r"^\W*(?:safety|patient safety|toxicity|reactogenicity)(?:\s+(?:review|reasons?|data|evaluation|assessment))?"
        r"\W*$",
        # "Adverse findings from nonclinical carcinogenicity studies", "GI Intolerability", "fatal occurrence" (each
        # also a harm the negations read: "no adverse findings")
        r"\badverse\s+(?:[\w'-]+\s+)?findings?\b|\bintolerabilit(?:y|ies)\b|\bfatal\s+(?:[\w'-]+\s+)?(?:occurrences?|"
        r"events?|outcomes?|cases?|reactions?|complications?|infections?|bleed\w*|adverse)\b",
        r"\b(?:\w*toxicit(?:y|ies)|toxic|\w+toxic|reactogenicity)\b",
        r"\b(?:adverse (?:events?|effects?|reactions?|drug reactions?|experiences?)|side[- ]effects?|saes?|"
        r"serious adverse|susars?)\b",
        r"\b(?:harm|harmful|unsafe|intolerable|(?:poorly|badly|not|not well) tol\w*rated|intolerance|"
        r"poor tolerability)\b|\b(?:unable to|could not|cannot|did not|were not able to) tolerate\b",
        # "poor tolerance of treatment", "the tolerabilty challenges of the combination", "lack of efficacy and
        # tolerability", "dose limiting tox"
        r"\b(?:poor|bad|insufficient|inadequate|lack of)\s+(?:[\w'-]+\s+)?(?:tolerance|tolerabi?li?ty)\s+(?:of|to|with|"
        r"in|at|and)\b|\btolerabi?li?ty\s+(?:challenges?|concerns?|issues?|problems?|limitations?)\b",
        r"\black of (?:efficacy|effect|benefit) and (?:tolerability|tolerance)\b|\b(?:dose[- ]limiting|due to|because "
        r"of)\s+tox\b",
        r"\b(?:hypersensitivity|anaphyla\w*|allergic reactions?|qtc? prolongation|\w+ reactions? (?:in|among) "
        r"(?:[\w'-]+\s+){0,2}?(?:patients?|subjects?|participants?|volunteers?))\b",
        r"\bsafety[- ]related\b|\(\s*safety\s*\)|\bsa(?:ft|fte)y\b",
        r"\btoxicolog\w*\s+(?:findings?|data|results?|concerns?|issues?|signals?|studies)\b",
        # "Terminated due to nonclinical findings", "Animal Safety Data": what animal studies find is toxicology
        r"\b(?:pre-?clinical|non-?clinical)\s+(?:[\w'-]+\s+)?findings?\b|\b(?:pre-?clinical|non-?clinical|animal)\s+"
        r"safety\b",
        r"\b(?:liver (?:injury|damage|enzyme elevations?)|elevated (?:liver|transaminase)\w*|qt prolongation|"
        r"hypersensitivity|anaphyla\w*|allergic reactions?|bleeding|ha?emorrhag\w*|thromboembolic|neutropenia|"
        r"thrombocytopenia)\b",
        r"\bgrade\s*(?:3|4|5|iii|iv)\b",
    ),
    # "Sirolimus usage discontinued since black box warning", "Global Field Safety Notice", "(security alert)",
    # "Product class one recall", "the EMEA recommended to suspend the marketing authorisation of Raptiva"
    "warnings": (
        r"\b(?:black[- ]?box|boxed)\s+warnings?\b|\b(?:field\s+)?(?:safety|security)\s+(?:alerts?|notices?|"
        r"communications?|warnings?)\b|\bclass\s+(?:one|1|i)\s+recalls?\b",
        r"\b(?:ema|emea|chmp|prac|fda|mhra|ansm|bfarm|swissmedic|health canada|(?:european )?medicines agency|food "
        r"and drug administration|regulators?|regulatory (?:authorit\w+|"
        r"agenc\w+|action)|health authorit\w+|competent authorit\w+)\b[^.;]{0,60}?\bsuspen\w*\s+(?:of\s+)?(?:the\s+)?"
        r"(?:[\w'-]+\s+){0,3}?(?:marketing authori[sz]ations?|market authori[sz]ations?|licen[cs]es?|use|marketing|"
        r"sales?)\b",
    ),
    # "increased mortality", "an imbalance in graft infections between groups", "higher rate of wound infection"
    "more_harm": (
        r"\b(?:increased|increase in|increasing|higher|high|excess(?:ive)?|excess of|greater|more|unexpected(?:ly)?|"
        r"unanticipated|unacceptabl[ey]|too many|too much|numerous|frequent|significant|serious|severe|elevated|"
        r"rising|an? imbalance (?:in|of)|imbalance (?:in|of)|emerging)\s+(?:[\w'-]+\s+){0,2}?(?:(?:rates?|incidences?|"
        r"numbers?|frequency|occurrences?|proportion|risks?|cases|episodes|reports?|levels?|amount)\s+of\s+"
        rf"(?:[\w'-]+\s+){{0,2}}?)?{_HARM}\b",
        rf"\b{_HARM}\s+(?:[\w'-]+\s+){{0,2}}?(?:rates?|incidence|numbers?|frequency)\s+(?:was |were |is )?(?:higher|"
        r"increased|greater|excessive|unacceptabl\w+|too high)\b",
        r"\b(?:rates?|incidences?|numbers?|frequency|occurrences?) of (?:[\w'-]+\s+){0,2}?"
        rf"{_HARM}\s+(?:was|were|is|are)\s+(?:[\w'-]+\s+)?(?:higher|greater|increased|unacceptabl\w*|too high|"
        r"excessive)\b",
        rf"\b{_HARM}\s+(?:[\w'-]+\s+){{0,2}}?in\s+(?:the\s+|one\s+|both\s+)?(?:[\w'-]+\s+){{0,2}}?(?:group|arm|"
        r"cohort)s?\b",
        r"\b(?:unanticipated|unexpected(?:ly)?|unacceptabl[ey]|increased|higher|excess(?:ive)?)\s+(?:high\s+)?"
        r"incidences?\s+of\b",
        rf"\b{_HARM}\s+(?:was\s+|were\s+|has been\s+|have been\s+|had been\s+)?(?:observed|reported|noted|seen|"
        r"occurred|documented)\b",
        r"\bassociated with (?:an?\s+)?(?:excessive|increased|higher|unacceptab\w+|greater)\s+(?:[\w'-]+\s+){0,2}?"
        rf"{_HARM}\b",
        r"\bimbalance (?:in|of|between) (?:[\w'-]+\s+){0,4}?(?:events?|deaths?|infections?|reactions?|outcomes?)\b",
    ),
    # "due to thrombosis", "two complications with midazolam", "cases of hepatitis"
    "harm_happened": (
        r"\b(?:due to|because of|owing to|following|after|reports? of|cases? of|episodes? of|(?:occurrence"
        r"|incidence) of|"
        r"onset of|emergence of|observed|observation of|experienced|developed|suffered|caused|causing|induced|"
        r"resulting in|led to|leading to|(?:isolated\s+|single\s+)?events? of)\s+(?:the\s+|an?\s+)?"
        rf"(?:[\w'-]+\s+){{0,2}}?"
        rf"{_HARM}\b",
        rf"\bdevelopment of (?:the\s+|an?\s+)?(?:[\w'-]+\s+)?{_HARM}\b",
        # "Stopped for one complication event (arterial occlusion)", "two infections"
        rf"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|multiple|numerous|a few|a number of)\s+"
        rf"(?:[\w'-]+\s+){{0,2}}?{_HARM}\b",
        r"\b(?:reach\w*|met|meeting)\s+(?:an?\s+|the\s+)?(?:dlts?|dose[- ]limiting)\b",
        rf"^\W*(?:\d+|one|two|three|several|multiple)?\s*(?:[\w'-]+\s+)?{_HARM}\W*$",
        # a text that opens on a harm and where it came: "Infusion reactions during re-induction cycles ..."
        rf"^\W*(?:[\w'-]+\s+)?{_HARM}\s+(?:during|after|following|with|in|among|at|on)\b",
        rf"\b{_HARM}\s+(?:[\w'-]+\s+){{0,2}}?(?:in|among|of|for)\s+(?:[\w'-]+\s+){{0,2}}?{_COUNT}\s+"
        rf"(?:[\w'-]+\s+){{0,2}}?"
        rf"(?:of\s+(?:the\s+)?(?:\d+\s+)?(?:[\w'-]+\s+)?)?{_PERSONS}\b",
        rf"\b{_COUNT}\s+(?:[\w'-]+\s+){{0,2}}?(?:(?:of|out of|/)\s+(?:the\s+)?(?:\d+\s+)?(?:[\w'-]+\s+)?)?{_PERSONS}\s+"
        r"(?:[\w'-]+\s+){0,5}?(?:had|developed|experienced|suffered|presented|showed|exhibited|reported)\s+"
        rf"(?:an?\s+|the\s+)?(?:[\w'-]+\s+){{0,2}}?{_HARM}\b",
        rf"\b{_PERSONS}\s+(?:[\w'-]+\s+){{0,6}}?(?:developed|experienced|experiencing|suffered|suffering|"
        r"presented with)\b",
        rf"\b{_PERSONS}\s+(?:[\w'-]+\s+){{0,2}}?(?:reporting|reported|complain\w*)\s+(?:of\s+|about\s+)?"
        r"(?:(?:severe|significant|persistent|constant|intense|increased|local|injection[- ]site|site|knee|back|"
        r"abdominal|chest|joint|muscle)\s+){0,2}(?:pain|burning|discomfort|swelling|itching|headaches?|dizziness|"
        r"numbness)\b",
        r"\bcomplications? (?:[\w'-]+\s+)?(?:to|of|from|with|related to|in|after|during|associated with)\b",
        rf"\b{_HARM}\s+(?:burden|concerns?|issues?|problems?)\b",
        rf"\b{_HARM}\s+(?:was\s+|were\s+)?(?:caused|induced|related|associated|attributed|attributable|due)\s+"
        r"(?:by|to|with)\b",
        rf"\b(?:\d+|one|two|three|four|five|several|multiple)\s+(?:[\w'-]+\s+)?(?:deaths?|{_PERSONS}\s+died)\b",
        r"\b(?:patient|subject|participant|treatment[- ]related|drug[- ]related|unexpected|unexplained|sudden)s?\s+"
        r"deaths?\b|\b(?:died|dying)\b",
        r"\bdeaths?\s+(?:of|in|among)\s+(?:[\w'-]+\s+)?(?:patients?|subjects?|participants?|treatment|active|study)\b",
    ),
    # "elevation of ALT and AST", "raised liver enzymes", "laboratory abnormalities"
    "laboratory": (
        r"\b(?:elevat\w*|increas\w*|raised|rais(?:e|es|ing)|rise|rises|abnormal\w*|high|higher|derange\w*)\s+"
        rf"(?:(?:in|of)\s+)?(?:the\s+)?(?:[\w'-]+\s+)?{_LAB}\b",
        rf"\b{_LAB}\s+(?:[\w'-]+\s+)?(?:elevations?|elevated|increases?|increased|abnormalit\w*|abnormal|rises?|"
        r"derangements?)\b",
        r"\b(?:laboratory|lab|electrolyte|liver|hepatic|renal|cardiac|ecg|ekg|blood|metabolic|ha?ematolog\w*)\s+"
        r"(?:test\s+)?(?:abnormalit\w*|signals?|injury|damage)\b",
        r"\b(?:liver|hepatic|hepato\w*|renal|cardiac|cardiovascular)\s+(?:concerns?|signals?|findings?|injury|"
        r"damage|enzyme elevations?)\b",
    ),
    # "reactogenicity met study halting criteria", "protocol stopping criteria (safety) were met"
    "halting": (
        r"\b(?:halting|pausing)\s+(?:rules?|criteria|criterion)\b",
        r"\b(?:stopping|discontinuation)\s+(?:rules?|criteria|criterion)\s+(?:for|of|related to|based on)\s+"
        r"(?:[\w'-]+\s+)?(?:safety|adverse|harm)\b",
        # "Study stopping criteria met with regards to vital sign measurements post dose"
        r"\b(?:stopping|discontinuation)\s+(?:rules?|criteria|criterion)\s+(?:[\w'-]+\s+){0,3}?(?:met|reached|"
        r"triggered|fulfilled)\s+(?:with regards? to|with respect to|regarding|for|due to|based on|because of|in)\s+"
        rf"(?:the\s+)?(?:[\w'-]+\s+){{0,2}}?(?:vital signs?|blood pressure|heart rate|{_LAB}|{_HARM})\b",
    ),
    # "unfavourable toxicity profile", "the safety profile required further optimization"
    "profile": (
        r"\b(?:unacceptab\w*|unfavou?rab\w*|worse|poor|concerning|emerg\w*|changed?|changing)\s+(?:[\w'-]+\s+)?"
        r"(?:safety|tolerability|toxicity|side[- ]effects?|adverse events?|ae|benefit[- /]risk|risk[- /]benefit)\s+"
        r"profile\b|\bunacceptab\w*\s+(?:overall\s+)?profile\b",
        r"\b(?:safety|tolerability|toxicity|side[- ]effects?|adverse events?|ae)\s+profile\s+(?:[\w'-]+\s+){0,3}?"
        r"(?:unacceptab\w*|unfavou?rab\w*|not acceptable|not favou?rable|worse|poor|inadequate|concerning|did not|"
        r"does not|required|requires|needs)\b",
        r"\b(?:safety|tolerability|toxicity)\s+profile\b[^.;]{0,120}?\b(?:required|requires|needed|needs)\s+"
        r"(?:further\s+|additional\s+)?(?:optimi[sz]ation|improvement|refinement)\b",
    ),
    # "risk-benefit ratio no longer favourable", "harms outweigh the benefit"
    "risk_benefit": (
        r"\b(?:risks?|harms?)\s*(?:[-/]|to|and|versus|vs\.?)?\s*benefits?\b|\bbenefits?\s*(?:[-/]|to|and|versus|"
        r"vs\.?)?\s*risks?\b",
        r"\b(?:benefits?|efficacy)\s*(?:[-/]|to|versus|vs\.?)\s*(?:tolerability|toxicity|safety)\s+(?:ratio|balance)\b|"
        r"\b(?:tolerability|toxicity|safety)\s*(?:[-/]|to|versus|vs\.?)\s*(?:benefits?|efficacy)\s+(?:ratio|balance)\b",
        r"\b(?:risks?|harms?|toxicit\w*|side[- ]effects?)\s+(?:[\w'-]+\s+){0,4}?outweigh\w*\b",
        r"\bbenefits?\s+(?:[\w'-]+\s+){0,2}?(?:no longer|not|did not|does not|do not|would not)\s+outweigh\w*\b",
    ),
    "safety_words": (
        r"\b(?:safety|tolerability)(?:\s*(?:and|or|&|/)\s*(?:efficacy|effectiveness|tolerability))?\s+(?:[\w'-]+\s+)?"
        r"(?:concerns?|issues?|reasons?|signals?|problems?|risks?|findings?|"
        r"events?|grounds|observations?|considerations?|measures?)\b",
        r"\b(?:due to|because of|for|owing to|based on|over|given|in the interest of)\s+(?:the\s+)?(?:patient\s+|"
        r"subject\s+|participant\s+|potential\s+|possible\s+|drug\s+|product\s+|long-term\s+|emerging\s+|new\s+)?"
        r"(?:safety|tolerability)\b",
        r"\b(?:new|emerging|recent|additional|updated)\s+(?:[\w'-]+\s+)?safety\s+(?:information|data|findings?|"
        r"signals?|reports?|results?)\b",
        r"\b(?:due to|because of|based on|as a result of|in light of)\s+"
        r"(?:an?\s+|the\s+)?(?:[\w'-]+\s+){0,3}?safety\s+(?:reviews?|evaluations?|assessments?|data|results?|"
        r"information)\b",
        r"\b(?:patient|subject|participant)s?'? safety\b|\bsafety of (?:the\s+)?(?:patients|subjects|participants|"
        r"volunteers|children|study participants)\b",
        r"\bconcerns?\s+(?:about|over|regarding|for|with|of|re|around|on|surrounding)\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}?"
        r"(?:safety|tolerability|toxicit\w*|side[- ]effects?|adverse|risks?|interactions?|harm\w*|detrimental|"
        r"danger\w*|hazard\w*)\b",
        # "The IRB considered our trial risky", "making them inconveniently and perhaps dangerously long"
        r"\b(?:considered|deemed|judged|found|too)\s+(?:[\w'-]+\s+){0,2}?risky\b|\bdangerously\b|\bthe danger of\b",
        # "the safety and efficacy of the planned treatment is questionable", "raised the issue of safety"
        r"\bsafety\b(?:\s+(?:and|or|&)\s+(?:efficacy|effectiveness|tolerability))?\s+(?:[\w'-]+\s+){0,5}?(?:is|are|was|"
        r"were|became|remains?)\s+(?:now\s+)?(?:questionable|doubtful|in question|in doubt)\b|\bquestionable safety\b",
        r"\brais\w*\s+(?:the\s+|an?\s+|some\s+|serious\s+|new\s+)?(?:issues?|questions?|doubts?|concerns?)\s+(?:of|"
        r"about|"
        r"regarding|over|on|around)\s+(?:the\s+)?(?:[\w'-]+\s+)?safety\b",
    ),
    # "potential risk of further dosing", "increased risk of PML", "unacceptable risk to patients"
    "risk": (
        r"\b(?:potential|possible|anticipated|theoretical|perceived|unknown|unforeseen|unacceptab\w+|undue|"
        r"increased|increasing|additional|excessive|new|emerging|general|health|safety|medical)\s+(?:health\s+|"
        r"safety\s+)?risks?\s+(?:of\s+(?:further|continued|continuing|additional|repeated|\w+ing)|for|to|that|"
        r"associated|with|in|from)\b",
        rf"\brisks?\s+(?:of|for)\s+(?:[\w'-]+\s+){{0,3}}?(?:{_HARM}|cancers?|malignan\w*|tumou?r (?:progression"
        r"|growth)|"
        r"pml|progressive multifocal leukoencephalopathy|infertility|birth defects?)\b",
        r"\brisks?\s+(?:to|for)\s+(?:the\s+)?(?:health|safety|patients?|subjects?|participants?|volunteers?|"
        r"children|women|infants|study population)\b",
        # "increased cardiovascular risks associated with Celebrex", "can be threatful for the patients"
        r"\b(?:increased|increasing|higher|elevated|excess(?:ive)?)\s+(?:cardiovascular|cardiac|cv|bleeding|thrombotic|"
        r"thromboembolic|hepatic|liver|renal|infection|infectious|mortality|death|suicid\w*|cancer|malignancy|"
        r"fracture|stroke|safety|health)\s+risks?\b",
        rf"\b(?:threat\w*|danger\w*|hazard\w*)\s+(?:to|for)\s+(?:the\s+)?(?:[\w'-]+\s+)?{_PERSONS}\b",
        r"\bunacceptab\w+\s+(?:high\s+)?risks?\b|\brisks?\s+(?:[\w'-]+\s+){0,4}?(?:was |were |is )?(?:unacceptabl\w+|"
        r"too high)\b",
    ),
}
# the families read only where the text does not name the pandemic: a clinic visit's "risk to participants"
# during COVID-19, "patient safety" in a lockdown or the infections and deaths of the pandemic are not the drug's
SAFETY_UNLESS_PANDEMIC = ("more_harm", "harm_happened", "safety_words", "risk")
# each family of Negative rules, by what it reads
NEGATIVE_FAMILIES: dict[str, tuple[str, ...]] = {
    "named": (
        r"\bfutil(?:e|ity)\b|\bstochastic curtailment\b",
        r"\b(?:ineffective|ineffectiveness|inefficacy|inefficacious|not effective|no longer effective)\b",
        r"\b(?:not|less|no more)\s+(?:sufficiently\s+|as\s+|very\s+|more\s+|clinically\s+)?(?:effective|efficacious|"
        r"beneficial|superior|promising|encouraging)\b",
        r"\b(?:unlikely|not likely) (?:to )?(?:be )?(?:effective|beneficial|succeed|benefit|reduce|"
        r"prevent)\b",
        # "did not offer a sufficiently encouraging profile for further dose escalation"
        r"\b(?:not|no)\s+(?:[\w'-]+\s+){0,3}?(?:sufficiently\s+)?(?:encouraging|promising)\s+(?:[\w'-]+\s+)?(?:profile|"
        r"results?|data|activity|efficacy|signals?)\b",
        r"\bnot (?:appear|seem|prove|proven)\w*\s+(?:to\s+)?(?:be\s+)?(?:sufficiently\s+|very\s+|as\s+)?(?:effective|"
        r"efficacious|beneficial|superior)\b|\bnot (?:sufficiently )?immunogenic\b",
        r"\b(?:worse|poorer|inferior)\s+in\s+(?:the\s+)?(?:treatment|intervention|experimental|active|study drug"
        r"|verum)\s+"
        r"(?:group|arm)s?\b",
        r"\b(?:was|were|is|are|proved|found|be) inferior\b|\binferior (?:efficacy|results|outcomes?|to|activity|"
        r"effects?|survival|responses?)\b",
        r"\bworse\s+(?:[\w'-]+\s+)?(?:outcomes?|results?|efficacy|survival|responses?)\b",
        r"\b(?:placebo|control|comparator|sham|standard of care)\s+(?:[\w'-]+\s+){0,3}?(?:was|were|is|performed)\s+"
        r"(?:[\w'-]+\s+)?(?:better|superior|more effective)\b",
        r"\befficacy (?:was |were |is )?(?:lower than expected|insufficient|inadequate|disappointing)\b",
        r"\befficacy (?:concerns?|issues?|problems?)\b|\bconcerns? (?:about|over|regarding) (?:[\w'-]+\s+)?efficacy\b",
    ),
    # "no significant difference between groups", "no evidence of benefit", "lack of statistical difference"
    "no_difference": (
        rf"\b(?:lack|absence|loss) of (?:(?:{_FILLER}|[\w'-]+)\s+)?(?:{_FILLER}\s+){{0,2}}(?:efficacy|effect|"
        r"effectiveness|benefit|responses?|activity|differences?|significance|improvement|advantage|superiority)\b",
        rf"\b(?:insufficient|inadequate|poor|minimal|disappointing|not enough|limited|low|modest|marginal|weak|"
        rf"suboptimal|sub-optimal)\s+(?:{_FILLER}\s+){{0,2}}(?:efficacy|effectiveness|benefit|effect|responses?|"
        r"response rates?|activity|results?|outcomes?)\b",
        # "Overall clinical activity (ORR) for oleclumab + durvalumab is minimal", "Numerically modest lowering of
        # HbA1c", "Because there were no responses", "The number of responders ... was too low"
        r"\b(?:activity|efficacy|benefit)\b[^.;]{0,60}?\b(?:is|was|are|were)\s+(?:minimal|insufficient|inadequate|"
        r"modest|marginal|limited|poor|negligible|weak)\b",
        r"\b(?:modest|marginal|minimal|insufficient|inadequate|slight)\s+(?:lowering|reduction|improvement|decrease)\s+"
        r"(?:of|in)\b",
        r"\bthere (?:were|was) no (?:[\w'-]+\s+)?responses?\b|\bno (?:[\w'-]+\s+)?responses? (?:were |was )?"
        r"(?:observed|seen|noted|recorded)\b|\bnumbers? of responders\s+(?:[\w'-]+\s+){0,5}?(?:was|were|is)\s+"
        r"(?:too\s+|very\s+)?low\b",
        rf"\b(?:no|not an?|without|nor|little|little or no|minimal)\s+(?:{_FILLER}\s+){{0,6}}(?:efficacy|"
        r"effectiveness|benefits?|effects?|differences?|diff|improvement|advantages?|added value|superiority|trends?|"
        r"tendency|significance|reduction|equivalence|(?:bio-?)?activity|immunogenicity|signals? of \w+)\b",
        rf"\bno\s+(?:{_FILLER}\s+){{1,3}}(?:responses?|separation)\b|\b(?:insufficient|inadequate|lack of|poor|no)\s+"
        r"(?:[\w'-]+\s+)?separation (?:between|on|of|from|in)\b",
        r"\b(?:efficacy|benefit|activity|effects?|responses?|response rates?)\s+(?:\([^)]*\)\s+)?(?:[\w'-]+\s+){0,6}?"
        r"(?:was|were|is|are)\s+(?:minimal|insufficient|inadequate|modest|marginal|limited|poor|low|disappointing|"
        r"negligible|weak|incomplete)\b|\bincomplete effect\b",
        r"\b(?:differences?|effects?|effect sizes?|benefits?)\s+(?:[\w'-]+\s+){0,4}?(?:was|were|is|are)\s+"
        r"(?:significantly\s+|much\s+|considerably\s+|substantially\s+)?(?:too small|(?:smaller|lower|less) than "
        r"(?:expected|anticipated|assumed|planned|hypothesi[sz]ed|predicted|(?:the\s+)?power calculations?))\b|"
        r"\bsmall (?:observed )?effect sizes?\b",
        # "Evidence that the dose is insufficient", "less than 2 of the first 22 patients showed a PSA50 response"
        r"\b(?:dose|doses|dosage|dosing)\s+(?:[\w'-]+\s+){0,4}?(?:was|were|is|are)\s+(?:not\s+(?:adequate|sufficient|"
        r"enough)|insufficient|inadequate|too low)\s+(?:to\s+(?:achieve|reach|obtain|produce)\b|\W*$)",
        r"\b(?:less than|fewer than|only|just)\s+\d+\s+(?:of|out of|/)\s+(?:the\s+)?(?:first\s+)?\d+\s+(?:[\w'-]+\s+)?"
        r"(?:patients|subjects|participants)\s+(?:showed|had|achieved|experienced)\s+(?:an?\s+)?(?:[\w'-]+\s+)?"
        r"(?:responses?|remissions?)\b",
        r"\bno\s+(?:statistically\s+|clinically\s+)?significant\s+(?:[\w'-]+\s+)?changes?\b|\bno\s+(?:[\w'-]+\s+)?"
        r"changes? in (?:the\s+)?(?:primary|efficacy|main)\s+(?:[\w'-]+\s+)?(?:end ?points?|outcomes?)\b",
        r"\b(?:not|non|no|lack of|absence of)[- ]?(?:statistically |clinically |clinical |statistical )?significa\w*",
        r"\b(?:insufficient|inadequate|limited|little|lack of|weak|no)\s+(?:[\w'-]+\s+)?evidence\s+(?:(?:of|for)\s+"
        r"(?:[\w'-]+\s+){0,2}?|that\s+(?:[\w'-]+\s+){0,8}?)(?:efficacy|effectiveness|benefit|effects?|activity|"
        r"responses?|differences?|superiority|improvement|promise)\b",
        r"\b(?:not|no)\s+(?:[\w'-]+\s+){0,2}?(?:offer|provide|show|add|confer)\w*\s+(?:[\w'-]+\s+){0,3}?"
        r"(?:advantages?|added value|benefits?|improvement|efficacy|effects?)\b",
        rf"\b(?:did|does|do|would|will|could) not\s+(?:indicate|suggest|reveal|provide|produce|yield|find|detect|offer|"
        rf"confer|add|see|observe)\s+(?:of\s+)?(?:{_FILLER}\s+){{0,6}}(?:{_EFFICACY_OBJECT}|changes?)\b",
        r"\b(?:efficacy|benefit|effect|effectiveness|activity|responses?)\s+(?:was\s+|were\s+|is\s+|has been\s+)?"
        r"(?:not|never)\s+(?:[\w'-]+\s+)?(?:evident|seen|observed|apparent|sufficient|adequate|established|found|"
        r"detected)\b",
    ),
    # "did not significantly reduce spasms", "patients did not respond", "no objective responses"
    "did_not_work": (
        r"\bnoeffect\b|\b(?:would|will|was|were|is|could) not be (?:significantly )?"
        r"(?:improved|reduced|better|superior)\b|\bfail(?:ed|s)? to (?:significantly )?(?:improve|reduce|lessen|"
        r"prevent)\b",
        r"\bno\s+(?:[\w'-]+\s+){0,2}?(?:objective|confirmed|partial|complete|clinical|tumou?r|radiologic\w*|durable|"
        r"meaningful|significant|therapeutic|treatment|major|ha?ematologic\w*|molecular|cytogenetic|virologic\w*)\s+"
        r"(?:responses?|remissions?)\b|\b(?:did|do|does) not respond\b",
        r"\bnone of the (?:[\w'-]+\s+){0,3}?(?:patients|participants|subjects)\s+(?:showed|had|achieved|experienced|"
        r"responded|benefit\w*)\b",
        r"\b(?:did not|failed to|not) pass\w*\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}?(?:interim|futility|stage|analysis)\b",
        r"\b(?:results?|data|findings|analys[ie]s|scans?|evidence)\s+(?:[\w'-]+\s+){0,4}?(?:notmet|(?:did|do|does) "
        r"not (?:provide|give|offer|justify|warrant))\s+(?:any\s+|a\s+)?(?:reason|justification|rationale|basis)\s+"
        r"(?:to|for)\s+(?:continu\w*|proceed\w*)\b",
        r"\b(?:results?|data|findings|analys[ie]s|efficacy)\s+(?:[\w'-]+\s+){0,5}?(?:did|do|does) not (?:warrant|"
        r"justify)\s+"
        r"(?:to\s+)?(?:the\s+)?(?:further\s+)?(?:continu\w*|progress\w*|development|investigation|evaluation|dose "
        r"escalation|expansion)\b",
    ),
    # "high relapse rate", "higher than expected rate of acute rejection", "low cure rate": read only where no
    # placebo or comparator is named, whose failures would be the drug's success
    "failures": (
        # "smaller than expected treatment effect" (not the placebo group's: `NEGATIVE_UNLESS`); a smaller decline or
        # change than expected may be the disease's slower course, which makes a trial underpowered, not failed
        r"\b(?:smaller|lower|less|weaker) than (?:expected|anticipated|predicted|projected|hypothesi[sz]ed)\s+"
        r"(?:[\w'-]+\s+)?(?:reductions?|improvements?|effects?|differences?|responses?|benefits?|efficacy)\b",
        r"\b(?:high|higher|increased|excess\w*|unacceptab\w*|too high|unexpected(?:ly)?(?: high)?)\s+"
        r"(?:[\w'-]+\s+){0,2}?"
        r"(?:(?:rates?|levels?|numbers?|incidence)\s+of\s+(?:[\w'-]+\s+)?)?(?:relapses?|rejections?|treatment[- ]"
        r"failures?|therapeutic failures?|virolog\w* failures?|recurrences?)\b",
        r"\b(?:relapse|rejection|treatment failure|recurrence) rates?\s+(?:[\w'-]+\s+){0,4}?(?:was |were |is )?"
        r"(?:higher|increased|too high|unacceptab\w*)\b",
        r"\b(?:low|lower|poor|reduced|decreased)\s+(?:[\w'-]+\s+)?(?:cure|response|success|remission|healing) rates?\b",
        # "High failure rate", "Failure rate was 100% in one arm of the study (the intervention)"
        r"\b(?:high|higher|unacceptab\w*|too high)\s+(?:early\s+)?failure rates?\b|\bfailure rates?\s+(?:was|were|is|"
        r"of)\s+(?:\d+\s*%|high|higher|too high|unacceptab\w*)",
        r"\b(?:treatment|therapeutic|virolog\w*) failures?\s+(?:[\w'-]+\s+){0,4}?(?:observed|seen|occurred|reported)\b|"
        r"\b(?:had|experienced|developed|showed)\s+(?:an?\s+)?(?:virolog\w*|treatment) failures?\b",
    ),
    # "failed to meet its primary endpoint", "the primary endpoint would not be met", "unlikely to show a difference"
    "not_met": (
        # "Significant differences were not observed", "statistically significant results were not obtained"
        r"\bsignifican\w*\s+(?:[\w'-]+\s+){0,2}?(?:(?:was|were|is|are|has been|have been)\s+not\s+(?:observed|seen|"
        r"found|detected|noted|obtained)|notmet)\b",
        r"\b(?:no|lack of|absence of|without)\s+(?:definitive|convincing|conclusive|clear|meaningful|robust|compelling)"
        r"\s+(?:clinical\s+|efficacy\s+)?(?:results?|evidence|findings|outcomes?)\b",
        rf"\b(?:notmet|fail(?:ed|s|ure)? to (?:meet|reach|achieve|show|demonstrate|detect|prove|confirm|attain)|"
        rf"unlikely to (?:meet|reach|achieve|show|demonstrate|detect|prove|attain|provide|yield|produce|find|"
        rf"confirm|establish)|(?:low|little|no) (?:likelihood|probability|chance) of (?:meeting|reaching|achieving|"
        rf"showing|demonstrating|detecting))\s+(?:{_FILLER}\s+){{0,6}}{_EFFICACY_OBJECT}\b",
        r"\b(?:notmet|fail(?:ed|s|ure)? to (?:meet|reach|achieve|show|demonstrate|detect))\s+(?:[\w'-]+\s+){0,3}?"
        r"(?:responses?|efficacy|benefit|superiority|non-?inferiority|significance|(?:co-?)?end ?points?|success|"
        r"immunogenicity|immune responses?|signals? of (?:efficacy|activity))\b",
        r"\b(?:end ?points?|objectives?|outcomes?|hypothes[ie]s|significance|superiority|non-?inferiority|efficacy|"
        r"benefit|differences?)\s+(?:[\w'-]+\s+){0,2}?notmet\b",
        r"\b(?:(?:co-?)?end ?points?|hypothes[ie]s)\s+(?:[\w'-]+\s+){0,5}?notmet\b|\b(?:response|efficacy|success|"
        r"continuation|go[/-]no[- ]go|interim|futility)\s+criteri(?:a|on)\s+(?:[\w'-]+\s+)?notmet\b",
        r"\bnotmet\s+(?:the\s+|its\s+)?(?:[\w'-]+\s+){0,2}?(?:efficacy|continuation|continuance|go[/-]no[- ]go|"
        r"futility|success|interim|stopping|pre-?specified|pre-?defined)\s+(?:[\w'-]+\s+)?criteri(?:a|on)\b|"
        r"\bnotmet\s+(?:the\s+)?criteri(?:a|on) for (?:continu\w*|success|efficacy|proceeding|progression)\b",
        r"\bnotmet\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}?(?:criteri(?:a|on)|requirements?|thresholds?)\s+(?:for|to)\s+"
        r"(?:the\s+)?(?:[\w'-]+\s+){0,2}?(?:continu\w*|proceed\w*|progress\w*|stage|phase|expansion|escalation)\b",
        rf"\bmiss(?:ed|es|ing)\s+(?:{_FILLER}\s+){{0,6}}(?:(?:co-?)?end ?points?|objectives?)\b|"
        r"\b(?:(?:co-?)?end ?points?|objectives?)\s+(?:was\s+|were\s+)?missed\b",
        r"\bnotmet\s+(?:[\w'-]+\s+){0,3}?(?:was|were|is|to be)\s+(?:beneficial|effective|efficacious|superior)\b",
        r"\b(?:(?:co-?)?end ?points?|objectives?|outcomes?|aims?)\s+(?:[\w'-]+\s+){0,2}?unlikely to be (?:met|reached|"
        r"achieved)\b|\b(?:successes|responses|responders)\s+(?:[\w'-]+\s+)?notmet\b",
        rf"\bunlikely (?:that )?(?:[\w'-]+\s+){{0,4}}?(?:would|will|could|to)\s+(?:meet|reach|achieve|show|"
        rf"demonstrate)\s+(?:{_FILLER}\s+){{0,6}}{_EFFICACY_OBJECT}\b",
        r"\b(?:primary|main|efficacy)\s+(?:efficacy\s+)?(?:end ?points?|objectives?|outcomes?)\b[^.;:]{0,80}?"
        r"\bnotmet\b|"
        r"\b(?:primary|main|study|trial)\s+(?:goals?|aims?)\s+(?:[\w'-]+\s+){0,2}?notmet\b",
        r"\bnotmet\s+(?:any\s+|the\s+)?(?:good|positive|favou?rable|encouraging|promising|satisfactory|meaningful)\s+"
        r"(?:[\w'-]+\s+)?(?:results?|outcomes?|effects?|responses?|efficacy|activity)\b",
        r"\bnotmet\s+(?:the\s+)?(?:first|second|1st|2nd|\w+ stage)\s+(?:stage\s+)?(?:requirements?|criteri(?:a|on)|"
        r"thresholds?|boundar(?:y|ies))\b",
        r"\bunlikely (?:that )?(?:[\w'-]+\s+){0,4}?(?:end ?points?|objectives?|outcomes?|hypothes[ie]s|significance|"
        r"benefit|efficacy)\s+(?:would|will|could|can)\s+be\s+(?:met|reached|achieved|shown|demonstrated|"
        r"confirmed)\b",
        r"\b(?:efficacy|activity|benefit|results?|data|responses?|effects?)\b[^.;]{0,80}?\b(?:not|in)\s*(?:sufficient|"
        r"enough|adequate)\s+to\s+(?:warrant|justify|support)\s+(?:[\w'-]+\s+){0,2}?(?:development|continu\w*|further|"
        r"progress\w*)\b",
        r"\b(?:not|never)\s+(?:be\s+)?able\s+to\s+(?:reach|achieve|show|demonstrate|detect|obtain)\s+(?:a\s+|any\s+)?"
        r"(?:[\w'-]+\s+)?(?:significan\w*|differences?|efficacy|benefit|end ?points?)\b",
        r"\bunlikely to (?:yield|produce|provide|give)\s+(?:any\s+)?(?:[\w'-]+\s+)?results?\b",
        # "Interim analysis has shown that the objectives of this study can not be reached": an analysis says so, where
        # "Primary objectives could not be met due to missing information" is no result
        r"\b(?:analys[ie]s|results?|data)\b[^.;]{0,80}?\b(?:objectives?|aims?|goals?)\b[^.;]{0,40}?\bnotmet\b",
        r"\b(?:increase|increased|increasing|larger|enlarg\w*)\s+(?:[\w'-]+\s+){0,4}?(?:to\s+)?(?:obtain|reach|achieve|"
        r"show|detect|demonstrate|see)\s+(?:a\s+|any\s+)?(?:statistical(?:ly)?\s+)?significan\w*",
    ),
    # "low conditional power", "very low probability of success", "further recruitment unlikely to change result"
    "unlikely": (
        r"\bconditional power\b",
        r"\b(?:low|little|no|small|minimal|very low|limited|reduced|insufficient|negligible|poor|not enough)\s+"
        r"(?:[\w'-]+\s+)?(?:likelihood|probability|chance|confidence|possibility|prospects?)\s+(?:of|that|to|for|in)\s+"
        r"(?:[\w'-]+\s+){0,5}?(?:success\w*|succeed\w*|benefit\w*|efficacy|effective\w*|positive|significan\w*|"
        r"differences?|superiority|end ?points?|activity|effects?)\b",
        r"(?:<|less than|under)\s*\d+\s*%\s+(?:chance|probability|likelihood)\b",
        r"\b(?:probability|likelihood|chance)\s+(?:that|of)\s+(?:[\w'-]+\s+){0,8}?(?:is|was|were|would be)\s+"
        r"(?:too\s+|very\s+)?"
        r"low\b",
        r"\bunlikely to (?:[\w'-]+\s+){0,2}?(?:change|alter|affect) (?:the\s+)?(?:results?|outcomes?|conclusions?)\b",
        r"\bunlikely that (?:[\w'-]+\s+){0,6}?(?:effective|beneficial|superior|succeed|significant|positive|benefit)\b",
        r"\b(?:positive|successful|favou?rable)\s+(?:[\w'-]+\s+)?(?:results?|outcomes?)\s+(?:[\w'-]+\s+)?(?:is|are|was|"
        r"were|seems?|appears?|would be)\s+(?:very\s+|highly\s+)?unlikely\b",
    ),
    # "the hypothesis was not supported", "not supportive of the hypotheses"
    "hypothesis": (
        r"\bhypothes[ie]s\b(?:\s+[\w'-]+){0,10}?\s+(?:notmet|not (?:be )?(?:supported|proven|verified|validated)|"
        r"unsupported|rejected|refuted|disproven|(?:was|were|is|are) (?:false|wrong|incorrect))\b",
        r"\b(?:not|notmet|no longer|fail\w* to)\s+(?:[\w'-]+\s+)?support\w*\s+(?:[\w'-]+\s+){0,3}?hypothes[ie]s\b|"
        r"\bnot supportive of (?:[\w'-]+\s+){0,3}?hypothes[ie]s\b",
    ),
    # "results were not as expected", "inconclusive results", "inconsistent benefit", "data do not support"
    "results": (
        r"\b(?:results?|outcomes?|findings|efficacy|responses?|effects?)\s+(?:[\w'-]+\s+){0,3}?(?:(?:was|were|is|are)"
        r"\s+)?(?:not promising|not encouraging|disappointing|unsatisf\w*|discouraging|not as (?:expected|"
        r"hypothesi[sz]ed|anticipated|predicted)|not (?:favou?rable|good|satisfactory)|notpositive)\b",
        r"\bresults?\b[^.;]{0,60}?\b(?:was|were|is|are)\s+(?:not\s+(?:favou?rable|good|satisfactory|promising|"
        r"encouraging)|notpositive)\b",
        r"\b(?:negative|disappointing|unsatisf\w*|discouraging|unfavou?rable|inconclusive|equivocal)\s+"
        r"(?:[\w'-]+\s+)?(?:results?|outcomes?|findings|data|efficacy)\b|\binconclusive\b",
        r"\bnegatives? (?:results?|outcomes?|findings|data|efficacy|trial|study)\b|\bnotpositive\s+(?:results?|"
        r"outcomes?|findings|data|efficacy|effects?|trends?)\b",
        r"\b(?:negative|unfavou?rable|disappointing)\s+(?:(?:interim|final|primary|efficacy|pivotal|endpoint|phase\s*"
        r"(?:\d|i+)\w*|ph\s*(?:\d|i+)\w*)"
        r"\s+)*(?:analys[ie]s|results?|outcomes?|findings|data|trials?|study|studies|phase\s*(?:\d|i+)\w*|"
        r"ph\s*(?:\d|i+)\w*)\b",
        r"\b(?:study|trial|analysis|pilot|results?|outcomes?|data)\s+(?:was|were|is|are|proved|turned out)\s+"
        r"(?:to be\s+)?neg(?:a|)tive\b",
        r"\binconsistent\s+(?:[\w'-]+\s+)?(?:benefit|efficacy|effects?|responses?|clinical results)\b",
        # "following Phase 3 failure", "Efficacy study indicated that further study is not warranted"
        r"\b(?:phase\s*(?:\d|i+)\w*|pivotal|efficacy)\s+(?:study\s+|trial\s+)?failures?\b|\b(?:further|continued)\s+"
        r"(?:[\w'-]+\s+)?(?:study|studies|development|investigation|evaluation|testing)\s+(?:is|was|are|were)\s+not\s+"
        r"(?:warranted|justified)\b",
        r"\b(?:results?|data|findings|evidence|analys[ie]s|outcomes?|profile)\s+(?:[\w'-]+\s+){0,4}?(?:(?:did|do|does|"
        r"would|will)\s+not|no longer|not)\s+support\w*\b",
        r"\bresults?\s+(?:[\w'-]+\s+){0,3}?notmet\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}?(?:requirements?|expectations?|"
        r"criteri(?:a|on)|thresholds?|targets?|goals?)\b",
    ),
}
# what, named in a text, keeps a family of Negative rules from counting: a shortfall of patients or data ("not
# enough patients, so the endpoints will not be achieved" is an enrolment stop; "recruitment halted" is no
# shortfall), and a placebo or comparator, whose failures would be the drug's success
SHORTFALL = (
    r"\b(?:low|poor|slow|slower|insufficient|inadequate|limited|lack of|lacking|not enough|too few|few|no|missing|"
    r"incomplete|difficult\w*|failure to|unable to|inability to|challeng\w*|problems? with|issues? with)\s+"
    r"(?:[\w'-]+\s+){0,2}?(?:enrol\w*|recruit\w*|accru\w*|inclusions?|patients|participants|subjects|data|"
    r"information)\b|"
    r"\bnumbers? of (?:enrolled |included |recruited |randomi[sz]ed |evaluable )?(?:patients|participants|subjects)\b|"
    r"\b(?:withdrawals?|drop-?outs?|dropped out|lost to follow[- ]?up)\b|"
    r"\b(?:enrol\w*|recruit\w*|accru\w*)\s+(?:[\w'-]+\s+){0,3}?(?:slow|low|poor|insufficient|inadequate|"
    r"difficult\w*|challeng\w*|lower|problems?|issues?|failed|failure|notmet)\b|"
    r"\b(?:did not|could not|unable to|failed to)\s+(?:[\w'-]+\s+)?(?:enrol\w*|recruit\w*|accrue)\b|"
    r"\bdue to (?:[\w'-]+\s+){0,2}?(?:enrol\w*|recruit\w*|accru\w*)\b"
)
COMPARATOR = (
    r"\b(?:in|among|on|with|for)\s+(?:the\s+)?(?:active\s+)?(?:placebo|comparator|control|sham|standard[- ]of[- ]care|"
    r"soc)\b"
)

# each family of Success rules (a positive outcome, an approval), by what it reads
SUCCESS_FAMILIES: dict[str, tuple[str, ...]] = {
    # "Study drug was approved by the FDA", "510(K) approval gained for product", "drug now on market"
    "approval": (
        r"\b(?:drug|product|medication|treatment|compound|vaccine|therapy|medicine|device|technique|technology|"
        r"intervention)\s+(?:[\w'-]+\s+){0,2}?(?:(?:was|has been|have been|is|got|became|becomes)\s+)?(?:now\s+)?"
        r"(?:fda[- ])?(?:approved|licensed)\b",
        r"\b(?:drug|product|medication|treatment|compound|vaccine|therapy|medicine|device|technique|technology|"
        r"intervention)\s+(?:[\w'-]+\s+){0,2}?(?:now|became|becomes|has become|have become|is now|was recently|"
        r"recently)\s+(?:(?:been|being)\s+)?(?:marketed|commercially available|available commercially|available on the "
        r"market)\b",
        r"\b(?:received|obtained|granted|got|gained)\s+(?:[\w'-]+\s+)?(?:marketing|regulatory|fda|ema|market"
        r"|conditional|"
        r"full)\s+(?:[\w'-]+\s+)?(?:approval|authori[sz]ation|clearance)\b",
        r"\b(?:received|obtained|granted|got|gained)\s+(?:the\s+|its\s+|a\s+)?(?:ce[- ]mark\w*|510\s*\(?k\)?"
        r"(?: clearance)?)\b",
        r"\bmarketing authori[sz]ation (?:was |has been )?(?:granted|obtained|received)\b",
        r"\b(?:approved|licen[cs]ed) in (?:the )?(?:eu|us|usa|europe|japan|united states|canada|china|uk|united "
        r"kingdom|australia|switzerland|korea)\b",
        r"\b(?:drug|product|medication|treatment|compound|vaccine|therapy|medicine|device)\s+(?:now\s+|"
        r"already\s+)?(?:has|"
        r"have|got|received|obtained)\s+(?:a\s+|the\s+|its\s+)?(?:marketing|market)\s+authori[sz]ation\b",
        r"\b(?:approved|approval of (?:the |a |an )?)\s*(?:label|indication)\s+(?:expansion|extension)\b",
        r"\bapproved by (?:the )?(?:fda|ema|pmda|mhra|health canada|regulatory authorit\w+|health authorit\w+)\b",
        r"\b(?:became|is now|now) (?:commercially available|available commercially|on the market|marketed)\b",
        r"\b(?:now|already)\s+(?:on|in)\s+(?:the\s+)?market\b|\bapproved for (?:clinical|commercial|routine|general) "
        r"use\b",
        r"\b(?:due to|following|after|because of|upon)\s+(?:the\s+)?(?:[\w'-]+\s+)?(?:regulatory|marketing|market|fda|"
        r"ema)\s+"
        r"(?:approval|authori[sz]ation)\b",
        r"\bled to (?:its |the )?(?:approval|registration)\b",
        # the end the protocol set on the drug's availability: "Study terminated when aripiprazole available
        # commercially per protocol" (the protocol's own drug, not a competitor's)
        r"\b(?:commercial(?:ly)?\s+availab\w*|availab\w*\s+commercially)\b[^.;]{0,40}?\b(?:per|according to|as "
        r"(?:defined|specified|planned) in)\s+(?:the\s+)?protocol\b",
        # "FDA Approval" and nothing more: the stop's reason is the drug's approval
        r"^\W*(?:fda|ema|regulatory|marketing|market)\s+(?:approval|authori[sz]ation|clearance)(?:\s+(?:obtained|"
        r"received|granted|gained))?\W*$",
        r"\b(?:fda|ema|pmda|mhra|health canada|nmpa|regulatory authorit\w+|health authorit\w+)\s+(?:has\s+|have\s+|"
        r"had\s+)?(?:now\s+)?approved\b",
        r"\b(?:fda|ema|marketing|market|510\s*\(?k\)?|pma|ce[- ]mark|regulatory|commercial|drug|product|device|vaccine|"
        r"medication)\s+(?:[\w'-]+\s+)?"
        r"(?:approval|clearance|authori[sz]ation)\s+(?:was\s+|has been\s+|had been\s+)?(?:gained|obtained|received|"
        r"granted)\b",
    ),
    # "Discontinued due to favorable results", "positive interim results", "after a positive interim analysis",
    # "successful proof of concept study after 1 subject"
    "positive": (
        r"\bfavou?rable (?:\w+\s+)?(?:results?|outcomes?|efficacy|data|findings)\b",
        r"\bpositive (?:[\w'-]+\s+)?(?:results?|outcomes?|data|findings|effects?)\b",
        r"\bpositive\s+(?:(?:interim|final|primary|efficacy|planned|pre-?planned|first|second|statistical)\s+){0,2}"
        r"(?:analys[ie]s|end ?points?|outcome)\b",
        r"\bsuccessful(?:ly)?\s+(?:[\w'-]+\s+)?(?:proof[- ]of[- ](?:concept|principle)|poc)\b|\b(?:proof[- ]of[- ]"
        r"(?:concept|principle)|poc)\s+(?:was\s+|has been\s+)?(?:successful(?:ly)?\s+)?(?:achieved|established|"
        r"demonstrated|shown|reached)\b",
        # "study terminated due to success", "the study was successful" ("without success" is read as no success)
        r"\b(?:due to|because of|for|after|following|given)\s+(?:the\s+)?(?:early\s+|clear\s+)?success\b|\b(?:study|"
        r"trial|treatment|therapy|intervention|results?)\s+(?:was|were|has been|proved|proven)\s+(?:very\s+|highly\s+)?"
        r"successful\b|\boverwhelming(?:ly)?\s+(?:positive|effective|efficacious)\b",
    ),
    # "Study objectives met", "met its objectives": the study did what it set out to do
    "objectives_met": (
        r"\b(?:study|trial|research) (?:objectives?|aims?|goals?) (?:were |was |have been |has been )?(?:met|achieved|"
        r"accomplished|reached)\b",
        r"\bmet (?:its|the|all) (?:study |trial )?objectives?\b",
    ),
    # "Study results were positive", "the results were favourable": read only where no other study and no
    # comparator is named (`SUCCESS_UNLESS`); "results were not positive" is `notpositive` by then
    "results_positive": (
        r"\bresults?\s+(?:[\w'-]+\s+){0,3}?(?:was|were|are|is|proved|turned out)\s+(?:to be\s+)?(?:very\s+|highly\s+|"
        r"clearly\s+|overwhelmingly\s+|strongly\s+)?(?:positive|favou?rable|excellent)\b",
    ),
}
# each family of Endpoint_Met rules (the study reached its endpoint or objective, or has what it needed), by what
# it reads
ENDPOINT_MET_FAMILIES: dict[str, tuple[str, ...]] = {
    # "primary endpoint met", "closed due to achievement of primary study endpoint", "the trial end was achieved"
    "endpoint_met": (
        r"\b(?:(?:primary|efficacy|main)\s+(?:[\w'-]+\s+)?(?:end ?points?|outcomes?|objectives?)|end ?points?)\s+"
        r"(?:was |were |has been |have been |had been |is |are )?(?:already |now |successfully |clearly )?"
        r"(?:met|reached|achieved|attained)\b",
        r"\b(?:met|reached|achieved|attained)\s+(?:its\s+|the\s+)?(?:[\w'-]+\s+){0,2}?(?:end ?points?|"
        r"primary (?:outcomes?|"
        r"objectives?))\b",
        # the study's own endpoint, of safety ("Primary endpoint (Safety) has been achieved"), or a favourable
        # safety profile shown, is the question answered; it is no safety problem
        r"\bsafetyendpoint\s+(?:was |were |has been |have been |had been |is )?(?:already |now |successfully )?(?:met|"
        r"reached|achieved|attained)\b|\b(?:met|reached|achieved|attained)\s+(?:its\s+|the\s+|all\s+)?safetyendpoint\b",
        r"\b(?:demonstrated|showed|shown|confirmed|established)\s+(?:an?\s+|the\s+)?favou?rable\s+(?:safety|"
        r"tolerability)(?:\s+and\s+(?:safety|tolerability))?\s+profile\b",
        r"\bachievement of (?:the\s+|its\s+)?(?:primary\s+|main\s+)?(?:study\s+|efficacy\s+)?(?:end ?points?"
        r"|objectives?)\b",
        r"\b(?:trial|study) end (?:was |has been )?(?:reached|achieved)\b|\bend of (?:the )?(?:study|trial) "
        r"(?:was |has been )?(?:reached|achieved)\b",
        # the end the protocol set: "Protocol-defined criterion of macitentan availability achieved", "end of study
        # criteria met" (a stopping criterion met is no end reached: it does not say whether for harm or for benefit)
        r"\b(?:(?:end[- ]of[- ](?:study|trial)|(?:study|trial)[- ]end|completion|closure)\s+criteri(?:a|on)|"
        r"(?:protocol|pre)[- ]?(?:defined|specified)\s+criteri(?:a|on)\s+(?:of|for)\s+(?:the\s+)?(?:(?:end|completion|"
        r"closure)\s+of\s+(?:the\s+)?(?:study|trial)|(?:study|trial)\s+(?:end|completion|closure)|(?:[\w'-]+\s+){0,2}?"
        r"(?:commercial\s+)?availability))\s+(?:(?:was|"
        r"were|has been|have been|had been)\s+)?(?:met|reached|achieved|fulfilled|attained)\b",
        r"\b(?:required|target|targeted|planned|pre-?specified|necessary|needed|expected|sufficient)\s+numbers? of "
        r"(?:[\w'-]+\s+)?(?:events|end ?points|outcomes)\s+(?:was\s+|were\s+|has been\s+|have been\s+|had been\s+|will "
        r"be\s+)?(?:now\s+|already\s+|almost\s+|nearly\s+)?(?:reached|obtained|accrued|observed|achieved|met|attained)\b",
        r"\bevents?\s+(?:target|goal|number|count)\s+(?:was\s+|has been\s+|had been\s+)?(?:reached|met|achieved|"
        r"attained)\b|\b(?:reached|accrued|observed|achieved|attained)\s+(?:the\s+)?(?:required|target|targeted|"
        r"planned|"
        r"pre-?specified|necessary|needed|expected)\s+(?:number\s+of\s+)?(?:[\w'-]+\s+)?events\b",
        # "Due to the achievement of minimum required sample size", "The number of participants needed for this study
        # has been met", "the anticipated no. of events(ankle sprains) required for the analyses was almost reached":
        # what the analysis needs is there ("was not met", "could not be reached" are `notmet` by then)
        rf"\b{_NEEDED}\s+(?:{_NEEDED}\s+|statistical\s+)?(?:sample size|numbers? of (?:[\w'-]+\s+)?(?:patients|"
        r"subjects|participants|volunteers|cases|samples|acquisitions|measurements))\s+(?:(?:was|were|has been|"
        r"have been|had been|is|are)\s+)?(?:now\s+|already\s+|almost\s+|nearly\s+)?(?:reached|obtained|achieved|met|"
        r"attained|enrolled|included|recruited|randomi[sz]ed)\b",
        r"\b(?:numbers?|no\.|#)\s+of\s+(?:[\w'-]+\s+)?(?:patients|subjects|participants|volunteers|cases|samples|"
        rf"acquisitions|measurements|events)\b(?:\s*\([^)]*\))?\s+{_NEEDED}\s+(?:(?:for|by|in)\s+"
        r"(?:[\w'-]+\s+){0,3}?)?(?:was|were|has been|have been|had been|is|are)\s+(?:now\s+|already\s+|almost\s+|"
        r"nearly\s+)?(?:reached|obtained|achieved|met|"
        r"attained|enrolled|included|recruited|accrued|collected)\b",
        rf"\b(?:achievement|attainment)\s+of\s+(?:the\s+)?(?:{_NEEDED}\s+){{1,2}}(?:statistical\s+)?(?:sample size|"
        r"numbers? of)\b",
    ),
    # "primary objective reached", "has met its initial objectives", "the actual primary goal - establishment of
    # a tissue biobank - was reached", "the primary objective has already been answered", "a definitive answer",
    # "The primary objective was considered sufficient", "primary objective completed"
    "objective_met": (
        r"\b(?:(?:primary |main )?(?:objectives?|aims?|hypothes[ie]s)|(?:primary|main|interim|study|trial)\s+goals?)"
        r"(?: of (?:the )?(?:study|trial))?\s+"
        r"(?:was |were |"
        r"has been |have been |had been |is |are )?(?:achieved|met|reached|confirmed|attained|fulfilled|obtained|"
        r"accomplished|completed)\b|\b(?:primary |main )?(?:objectives?|aims?|goals?)\s+(?:(?:was|were|has been|have "
        r"been|had been|is|are)\s+)?(?:considered|deemed|judged|regarded)\s+(?:to be\s+|to have been\s+|as\s+)?"
        r"(?:achieved|met|reached|attained|fulfilled|accomplished|answered|sufficient)\b",
        # "One of the main purposes of the study has thereby been achieved"
        r"\bpurposes? of (?:the |this |our )?(?:study|trial|project|research)\s+"
        r"(?:(?:was|were|has|have|had|is|are)\s+)?"
        r"(?:(?:thereby|therefore|thus|now|already|successfully|fully|been)\s+){0,3}(?:achieved|met|reached|"
        r"fulfilled|accomplished|attained|served)\b",
        r"\b(?:has|have|had)\s+met\s+(?:its|their|the|all)\s+(?:[\w'-]+\s+){0,2}?(?:objectives?|aims?|goals?)\b",
        r"\b(?:achieved|accomplished|fulfilled)\s+(?:its|the|their|our|all)\s+(?:[\w'-]+\s+){0,2}?(?:objectives?|aims?|"
        r"goals?|purposes?)\b|\bserved (?:its|the|their) (?:[\w'-]+\s+)?purposes?\b",
        r"\b(?:primary|main|scientific|research|study|trial)\s+goals?\b[^.;:,]{0,80}?\b(?:was|were|has been|have "
        r"been)\s+(?:reached|achieved|met|accomplished|attained)\b",
        r"\bgoals? of (?:the |this |our )?(?:study|trial|project|research)\s+(?:was|were|has been|have been|had "
        r"been)\s+(?:reached|achieved|met|accomplished|attained|fulfilled)\b",
        r"\b(?:study|trial|we|it)\s+(?:has\s+|have\s+|had\s+)?(?:met|reached|achieved|accomplished)\s+(?:its|the|their|"
        r"our)\s+(?:primary\s+|main\s+)?goals?\b",
        r"\b(?:objectives?|questions?|aims?|hypothes[ie]s)\s+(?:[\w'-]+\s+){0,2}?(?:was|were|has|have|had)\s+"
        r"(?:already\s+|now\s+)?(?:been\s+)?(?:already\s+|now\s+|sufficiently\s+|fully\s+|clearly\s+)?answered\b|"
        r"\b(?:reached|obtained|gave|"
        r"provided)\s+(?:a\s+)?(?:definitive|clear|conclusive)\s+answer\b",
        r"\banswered (?:its|the|our) (?:primary |main |research |study |scientific )*questions?\b",
        # "Study question answered" ("still unanswered" and "not answered" are not read)
        r"\b(?:research|study|scientific|primary|main|trial|clinical|key)\s+questions?\s+(?:(?:was|were|has been|"
        r"have been|had been|is|are|now|already|fully|clearly|sufficiently)\s+){0,3}answered\b",
        # "With 50 patients, the measure of assist vital capacity has been validated" (not "unable to validate", nor
        # "has not been validated")
        r"\b(?:has|have|had)\s+(?:now\s+)?been\s+(?:successfully\s+|fully\s+|clinically\s+)?validated\b|\b(?:was|"
        r"were)\s+(?:successfully\s+|fully\s+)?validated\b",
        # a dose-finding study's aim: "The RP2D for intratumoral injection was determined" ("was not identified",
        # "before the MTD was reached" are not read)
        r"\b(?:rp2d|mtd|recommended\s+(?:phase\s+(?:2|ii)\s+)?dose|maximum\s+tolerated\s+dose|optimal\s+(?:biological"
        r"\s+)?dose)\b(?:\s+\([^)]*\))?\s+(?:[\w'-]+\s+){0,4}?(?:was|were|has been|have been|had been)\s+"
        r"(?:successfully\s+)?(?:determined|identified|established|defined|reached|found|selected)\b",
        r"\bstatistical power (?:of (?:the )?(?:study|trial) )?(?:was |has been |had been )?(?:reached|achieved|"
        r"attained)\b",
    ),
    # "efficacy demonstrated", "significant benefit of intervention", "the 3rd interim analysis found superiority",
    # "main study results reached significance", "because of superiority and safety"
    "efficacy_shown": (
        r"\b(?:overwhelming|clear|strong|significant|proven|sufficient)\s+(?:evidence of\s+)?(?:efficacy|benefit)\b",
        r"\befficacy (?:was |has been |had been )?(?:demonstrated|established|proven|shown|confirmed)\b",
        r"\b(?:showed|shown|demonstrated|proved|proven|confirmed|found|observed|established)\s+(?:an?\s+|the\s+)?"
        r"(?:(?:statistically|clinically|highly)\s+)?(?:significant\s+|clear\s+)?(?:efficacy|benefit|superiority|"
        r"advantage)\b",
        r"\b(?:crossed|crosses|crossing|met|reached)\s+(?:the\s+|an?\s+)?(?:(?:pre-?specified|pre-?defined|"
        r"interim)\s+)*(?:efficacy|superiority|benefit)\s+(?:stopping\s+)?(?:boundary|bound|threshold|criteri(?:a|on))"
        r"\b|\b(?:efficacy|superiority|benefit)\s+(?:stopping\s+)?(?:boundary|bound|threshold)\s+(?:was\s+"
        r"|has been\s+)?"
        r"(?:crossed|met|reached)\b",
        r"\bresults?\s+(?:[\w'-]+\s+)?(?:reached|achieved|attained)\s+(?:statistical\s+)?significance\b",
        r"\b(?:statistical|statistically)\s+significan(?:ce|t\s+(?:results?|differences?))\s+(?:was\s+|were\s+|has "
        r"been\s+|had been\s+)?(?:reached|achieved|attained|obtained)\b",
        r"\b(?:significant|positive)\s+(?:results?|difference)\s+(?:was |were |has been |had been )?(?:achieved|"
        r"reached|obtained|found|observed|shown|demonstrated)\b",
        r"\bbenefit (?:[\w'-]+\s+){0,3}?(?:larger|greater|higher|better) than (?:expected|anticipated|predicted)\b",
        # "Predefined efficacy criteria met", "the stopping boundary for efficacy was crossed" (a futility criterion
        # met for efficacy endpoints is Negative, read first)
        r"\b(?:efficacy|superiority|success|benefit)\s+(?:stopping\s+)?(?:criteri(?:a|on)|boundar(?:y|ies)|thresholds?|"
        r"rules?)\s+(?:was\s+|were\s+|has been\s+|have been\s+|had been\s+)?(?:met|reached|crossed|achieved|"
        r"fulfilled)\b|\b(?:stopping\s+)?(?:boundar(?:y|ies)|criteri(?:a|on)|thresholds?|rules?)\s+for\s+(?:efficacy|"
        r"superiority|benefit)\s+(?:was\s+|were\s+|has been\s+|have been\s+|had been\s+)?(?:met|reached|crossed|"
        r"achieved|fulfilled)\b|\b(?:met|reached|crossed|fulfilled)\s+(?:the\s+|its\s+)?(?:(?:pre-?specified|"
        r"pre-?defined|protocol[- ]defined|planned|interim|stopping)\s+){0,2}(?:criteri(?:a|on)|boundar(?:y|ies)|"
        r"thresholds?|rules?)\s+for\s+(?:efficacy|superiority|benefit)\b",
        # "the experimental arm was superior", "superior to placebo" (the placebo's superiority is Negative, read first)
        r"\b(?:study|treatment|intervention|experimental|active|investigational|test)\s+(?:drug\s+|product\s+)?"
        r"(?:group|arm)s?\s+(?:was|were|proved|is)\s+(?:clearly\s+|significantly\s+)?superior\b|\bsuperior\s+to\s+"
        r"(?:the\s+)?(?:placebo|control|comparator|sham|standard(?:[- ]of[- ]care)?|usual care|soc)\b",
        r"\b(?:because of|due to|owing to|given)\s+(?:the\s+)?(?:clear\s+|proven\s+|demonstrated\s+|established\s+)?"
        r"superiority\b",
        r"\b(?:results?|outcomes?|differences?)\s+(?:were|was)\s+too\s+significant\b",
        r"\b(?:after|upon|on|when|having|once)\s+(?:[\w'-]+\s+){0,2}?(?:reaching|achieving|attaining|demonstrating|"
        r"showing)\s+(?:(?:statistical(?:ly)?|clear|its|the)\s+)*(?:significance|significant (?:efficacy|benefit|"
        r"difference)|superiority|efficacy|primary (?:efficacy )?end ?point)\b",
        # "difference found in interim analysis, not ethical to continue"
        r"\b(?:differences?|benefits?|superiority|advantages?)\b[^.;]{0,60}?\b(?:not ethical|unethical|no longer "
        r"ethical)\b",
        r"\b(?:study|treatment|intervention|experimental|active|investigational)\s+(?:group|arm)s?\s+(?:showed|had|"
        r"has|demonstrated|with)\s+(?:significantly\s+|clearly\s+)?better\s+(?:results?|outcomes?|efficacy|survival|"
        r"responses?)\b",
    ),
    # "shown to be effective", "interim analysis showed a significant reduction", "superiority was demonstrated":
    # read only where no other study and no comparator is named (`SUCCESS_UNLESS`)
    "shown_effective": (
        r"\b(?:shown|proven|proved|demonstrated|found|confirmed)\s+to\s+be\s+(?:highly\s+|very\s+|clearly\s+|"
        r"significantly\s+|more\s+)?(?:effective|efficacious|beneficial|superior)\b",
        r"\b(?:analys[ie]s|results?|data|review|evaluation)\s+(?:[\w'-]+\s+){0,2}?(?:showed|shown|demonstrated|found|"
        r"observed|revealed|indicated|confirmed)\s+(?:an?\s+|the\s+)?(?:(?:statistically|clinically|highly)\s+)?"
        r"significant\s+(?:differences?|improvements?|reductions?|benefits?|effects?|superiority|results?)\b",
        # "Significant differences observed between groups"
        r"\b(?:statistically\s+|clinically\s+)?significant\s+(?:[\w'-]+\s+)?(?:differences|improvements?|reductions?|"
        r"benefits?)\s+(?:[\w'-]+\s+){0,4}?(?:(?:was|were|has been|have been|had been)\s+)?(?:observed|found|detected|"
        r"seen|noted|shown|demonstrated|identified)\b",
        # "survival advantage demonstrated"
        r"\b(?:superiority|non-?inferiority|equivalence|bioequivalence|benefit|effectiveness|advantages?)\s+"
        r"(?:of\s+(?:[\w'-]+\s+)"
        r"{1,6}?)?(?:(?:was|were|has been|had been|is)\s+)?(?:clearly\s+)?(?:demonstrated|shown|established|proven|"
        r"confirmed)\b",
        r"\b(?:showed|shown|demonstrated|proved|proven|established|confirmed)\s+(?:its\s+|the\s+)?(?:non-?inferiority|"
        r"equivalence|bioequivalence)\b",
        # "The drug proved effective", "the vaccine was highly effective" (not "as effective as", not "proven effective
        # treatments", which are others': the word after "effective" must not be a noun)
        r"\b(?:drug|product|medication|treatment|compound|vaccine|therapy|medicine|device|intervention|procedure|"
        r"regimen|technique|combination|agent)\s+(?:[\w'-]+\s+){0,2}?(?:was|were|proved|has proved|has been|had been|"
        r"was found|were found|was shown|were shown)\s+(?:to be\s+)?(?:highly\s+|very\s+|clearly\s+|significantly\s+|"
        r"clinically\s+)?(?:effective|efficacious|beneficial)(?:\s*$|\s*[.;,)]|\s+(?:in|at|for|against|and|with|on|"
        r"compared|versus|vs|over|than)\b)",
        r"\b(?:proved|proven|found|shown|demonstrated)\s+(?:highly\s+|very\s+|clearly\s+)?(?:effective|efficacious)"
        r"(?:\s*$|\s*[.;,)]|\s+(?:in|at|for|against|and|with|on|compared|versus|vs|over)\b)",
        # "The efficacy of the drug was confirmed"
        r"\befficacy\s+of\s+(?:[\w'-]+\s+){1,5}?(?:was|were|has been|had been|is)\s+(?:clearly\s+)?(?:demonstrated|"
        r"shown|established|proven|confirmed)\b",
    ),
    # "Interim review showed a statistically significant treatment effect", "statistically and clinically significant
    # results", "highly significant difference", "statistical significance of the results was reached": read only
    # where no other study, no comparator's advantage and no denied significance is named (`SUCCESS_UNLESS`)
    "significant": (
        r"\b(?:satisfactory|satisfying|excellent|convincing)\s+(?:[\w'-]+\s+)?results?\b",
        r"\b(?:(?:statistically|clinically|highly|very|valid)\s+(?:and\s+)?)*significant(?:ly)?\s+(?:[\w'-]+\s+)?"
        r"(?:results?|differences?|(?:treatment\s+)?effects?|end ?points?|improvements?|benefits?|reductions?|"
        r"superiority|outcomes?)\b",
        r"\b(?:results?|differences?|data|effects?)\s+(?:[\w'-]+\s+){0,3}?(?:was|were|are|is)\s+(?:highly\s+|"
        r"clearly\s+)?"
        r"(?:statistically\s+)?significant\b",
        r"\bsignificance\b[^.;]{0,60}?\b(?:was|were|has been|had been|is)\s+(?:already\s+)?(?:reached|achieved|"
        r"attained|"
        r"obtained|shown|demonstrated)\b",
        # "More patients in Cohort 1 than Cohort 2 demonstrated a clinically meaningful reduction of seizure count",
        # "Part A showed a clinically relevant benefit": an effect shown, said as what it means to patients (a reduction
        # of a harm is blanked to "~" by then, `NEGATIONS`)
        r"\b(?:showed|shown|demonstrated|achieved|observed|found|seen|had|experienced|exhibited|produced)\s+(?:an?\s+|"
        r"the\s+)?(?:statistically\s+(?:and\s+)?)?(?:clinically\s+(?:meaningful|relevant|important)|(?:meaningful|"
        r"relevant|important)\s+clinical)\s+(?:(?:[\w'-]+\s+)?"
        r"(?:benefits?|improvements?|reductions?|responses?|effects?|efficacy|activity|differences?|results?)\b|~)",
    ),
    # "Clinical benefit was noted in the earlier portion of the trial", "the high response rate at the 1st stage":
    # read only where no other study and no comparator is named (`SUCCESS_UNLESS`)
    "benefit_seen": (
        r"\b(?:clinical\s+|therapeutic\s+|treatment\s+)?benefits?\s+(?:was|were|has been|have been|had been|is)\s+"
        r"(?:clearly\s+|already\s+)?(?:noted|observed|seen|evident|apparent)\b",
        r"\b(?:high|higher than expected)\s+(?:[\w'-]+\s+)?(?:response|remission|cure|success)\s+rates?\b",
        r"\b(?:clear(?:ly)?|evident|obvious|marked|substantial|considerable)\s+(?:identifiable\s+)?(?:benefits?|"
        r"advantages?|superiority)\b",
        # "superior effect of the injection"
        r"\bsuperior\s+(?:clinical\s+|therapeutic\s+|treatment\s+)?(?:effects?|efficacy|effectiveness|results?|"
        r"outcomes?|benefits?)\b",
        # "the treatment effect was larger than expected" (not the placebo arm's: `SUCCESS_UNLESS`)
        r"\b(?:treatment effect|effect of (?:the\s+)?(?:treatment|intervention|drug))\s+(?:[\w'-]+\s+){0,3}?"
        r"(?:larger|greater|bigger|stronger) than (?:expected|anticipated|predicted|assumed)\b",
    ),
    # "The results concerning amniotic membrane transplantation (n=7) ... were conclusive", "the results of the
    # pilot study were satisfying and conclusive": the question answered; another study's results are not this one's
    "conclusive": (
        r"\b(?:results?|findings|data)\b[^.;]{0,120}?\b(?:was|were|are|is)\s+(?:[\w'-]+\s+(?:and|&)\s+)?(?:clearly\s+|"
        r"already\s+|sufficiently\s+)?conclusive\b",
        # "Conclusive results obtained" ("no conclusive results were obtained": `CONCLUSIVE_DENIED`)
        r"\bconclusive\s+(?:[\w'-]+\s+)?(?:results?|findings|data|evidence|answers?)\s+(?:(?:was|were|has been|"
        r"have been|had been)\s+)?(?:already\s+|now\s+)?(?:obtained|reached|achieved|available|collected|gathered|"
        r"generated)\b",
    ),
    # "based on study results meeting the post approval requirements", "satisfaction of post-marketing commitments"
    "requirements_met": (
        r"\b(?:results?|data)\s+(?:meeting|met|meets|satisfying|satisfied|fulfill?ing|fulfill?ed)\s+(?:the\s+)?"
        r"(?:[\w'-]+\s+){0,2}?(?:requirements?|commitments?)\b|\b(?:satisfaction|fulfil(?:l?ment)?) of "
        r"(?:the\s+|its\s+)?(?:post-?marketing|post-?approval|regulatory)\s+(?:requirements?|commitments?)\b",
        # "Regulatory agency commitment fulfilled", "the information ... was acceptable to meet the requirements of the
        # post-marketing commitment" (denied: `SUCCESS_UNLESS`)
        r"\b(?:regulatory|post-?marketing|post-?approval|fda|ema|agency|pediatric|paediatric)\s+(?:agency\s+|"
        r"authority\s+)?(?:commitments?|requirements?|obligations?)\s+(?:(?:was|were|has been|have been|had been)\s+)?"
        r"(?:fulfill?ed|met|satisfied|completed)\b",
        r"\b(?:acceptable|sufficient|adequate|enough)\s+to\s+(?:meet|fulfill?|satisfy)\s+(?:the\s+)?"
        r"(?:[\w'-]+\s+){0,2}?(?:requirements?|commitments?|obligations?)\b",
    ),
    # "stopped for efficacy", "early termination for benefit"
    "stopped_for_efficacy": (
        r"^\W*(?:the\s+)?(?:study\s+|trial\s+)?(?:was\s+)?(?:stopped|terminated|halted|ended)\s+(?:early\s+)?(?:for|"
        r"due to|because of)\s+(?:overwhelming\s+|proven\s+|demonstrated\s+)?(?:efficacy|benefit)\W*$",
        r"\b(?:stopped|stopping|terminated|terminating|halted|ended)\s+early\s+(?:for|due to|because of)\s+"
        r"(?:overwhelming\s+|clear\s+|proven\s+)?(?:efficacy|benefit)\b",
        r"\bearly (?:stopping|termination) for (?:efficacy|benefit)\b",
        r"\b(?:stopped|stopping|terminated|terminating|halted|ended|closed|discontinued|completed|stop|termination|"
        r"closure|discontinuation)\s+(?:early\s+|prematurely\s+)?(?:for|due to|because of|based on)\s+(?:the\s+)?"
        r"(?:overwhelming|proven|clear|demonstrated|established|evident|positive|superior)\s+(?:efficacy|benefit|"
        r"effectiveness)\b",
        r"\b(?:stopped|stopping|terminated|terminating|halted|ended|closed|discontinued|completed|stop|termination|"
        r"closure|discontinuation)\s+(?:(?:the|this)\s+(?:study|trial)\s+)?(?:early\s+|prematurely\s+)?(?:for|due to|"
        r"because of)\s+(?:efficacy|benefit)(?:\s*$|\s*[.;,()]|\s+(?:at|after|following|based|per|as|on|in|by|"
        r"according)\b)",
    ),
    # "sufficient data collected", "enough information was gathered in order to answer the primary research
    # question", "the data from the first 48 patients ... is sufficient to meet the study objectives": read only
    # where the text neither denies it nor names another reason to stop (`SUCCESS_UNLESS`)
    "enough_data": (
        # "Sufficient data regarding the dose-response to MK-0893 had been obtained from the first cohort",
        # "significant conclusive data has been collected"
        rf"\b(?:{_ENOUGH}|conclusive)\s+(?:[\w'-]+\s+){{0,6}}?data\s+(?:[\w'-]+\s+){{0,8}}?(?:was|were|has|have|had)\s+"
        r"(?:been\s+)?(?:already\s+|now\s+)?(?:collected|gathered|obtained|acquired|accrued|accumulated|generated)\b",
        # "Interim analysis showed sample size sufficient for final analysis"
        rf"\bsample size\s+(?:was\s+|is\s+|(?:has|had) been\s+)?(?:already\s+)?{_ENOUGH}\s+(?:for|to)\b",
        # "Sufficient clinical results obtained", "enough subjects had already completed", "sufficient events observed"
        rf"\b{_ENOUGH}\s+(?:(?:amount|quantity|numbers?)\s+of\s+)?(?:[\w'-]+\s+)?(?:data|information|evidence|findings|"
        r"knowledge|results|events|acquisitions|samples|measurements|observations|recordings|images|cases|patients|"
        r"subjects|participants|volunteers)\s+(?:(?:was|were|has|have|had|is|are)\s+)?(?:been\s+|now\s+|already\s+)*"
        r"(?:collected|gathered|obtained|acquired|accrued|accumulated|generated|available|achieved|reached|observed|"
        r"recorded|enrolled|included|recruited|randomi[sz]ed|evaluated|analy[sz]ed|completed|finished)\b",
        # "Successfully obtained sufficient data", "the collection of a sufficient amount of data", "the study has
        # enrolled enough patients" ("has not enrolled enough patients" is `ENOUGH_DENIED`)
        rf"\b(?:collected|gathered|obtained|acquired|accrued|accumulated|enrolled|recruited|included|randomi[sz]ed|have|"
        rf"has|had|was|were|is|collection of)\s+(?:now\s+|already\s+)?(?:a\s+)?{_ENOUGH}\s+(?:(?:amount|numbers?)\s+"
        r"of\s+)?(?:[\w'-]+\s+)?(?:data|information|evidence|findings|patients|subjects|participants|volunteers)\b",
        rf"\b{_ENOUGH}\s+(?:(?:amount|quantity|number)\s+of\s+)?(?:[\w'-]+\s+)?(?:data|information|evidence|findings|"
        r"events|patients|subjects|acquisitions|samples|measurements|observations|"
        r"participants|sample size)\s+(?:[\w'-]+\s+){0,3}?(?:to|for)\s+(?:(?:the|a|an|its|fully|further)\s+)?(?:answer|"
        r"support|draw|complete|meet|fulfil|fulfill|achieve|reach|address|conclude|conclusions?|final analys[ie]s|"
        r"statistic(?:al|s)? analys[ie]s|analy[sz]e|study conclusion|evaluate)\w*\b",
        rf"\bdata (?:collection\s+)?(?:(?:was|were|is|are)\s+)?{_ENOUGH}\b|\b(?:it|this|they|data|sample|number of "
        rf"patients) (?:is|was|are|were) {_ENOUGH} (?:to|for)\s+(?:answer|meet|fulfil|complete|achieve|address|"
        r"statistic|analy[sz])\w*\b",
        r"\b(?:required|necessary|needed)\s+(?:data|results|information)\s+(?:was|were|has been|have been|had been)\s+"
        r"(?:obtained|collected|"
        r"gathered|acquired)\b|\bno need to collect (?:any\s+)?(?:further|additional|more) data\b|\bdata needs "
        r"(?:were |have been |has been )?(?:met|fulfilled|satisfied)\b",
        rf"\b{_ENOUGH}\s+(?:statistical\s+)?power\s+(?:at|with|after)\s+(?:\d+|the)\b",
        rf"\b(?:sample(?: size)?|number of (?:patients|subjects|participants)|data|enrol\w*)\b[^.;]{{0,40}}?\b(?:is|"
        rf"was|"
        rf"are|were)\s+(?:already\s+|now\s+)?{_ENOUGH}\s+(?:to|for)\b",
        rf"\b{_ENOUGH}\s+(?:enrol\w*|recruitment|accrual|patients|subjects|participants|sample size)\s+(?:was\s+|"
        rf"were\s+|"
        r"has been\s+|had been\s+)?(?:achieved|reached|obtained|attained|completed)\b",
        rf"\b(?:providing|provided|provides|gave|giving|yielded|yielding)\s+(?:[\w'-]+\s+)?{_ENOUGH}\s+(?:[\w'-]+\s+)?"
        r"(?:data|information|evidence)\b",
        r"\bno (?:further|more|additional) (?:gain in )?(?:knowledge|information|insights?) (?:is |was |to be )?"
        r"(?:expected|anticipated|gained)\b",
        # "additional data were deemed unnecessary", "further cohorts not needed"
        r"\b(?:additional|further|more)\s+(?:data|information|cohorts?|patients|subjects|participants|recruitment|"
        r"enrol\w*|follow[- ]?up)\s+(?:(?:was|were|is|are)\s+)?(?:deemed\s+|considered\s+|judged\s+)?(?:unnecessary|"
        r"(?:not|no longer) (?:needed|required|necessary))\b",
        # "additional potential study cohorts not required", "no further data is needed"
        r"\b(?:additional|further|more)\s+(?:[\w'-]+\s+){1,2}?(?:data|information|cohorts?|patients|subjects|"
        r"participants)\s+(?:(?:was|were|is|are)\s+)?(?:deemed\s+|considered\s+|judged\s+)?(?:unnecessary|not "
        r"(?:needed|required|necessary))\b|\bno\s+(?:further|more|additional)\s+(?:data|information|patients|subjects|"
        r"participants|cohorts?|follow[- ]?up)\s+(?:(?:is|are|was|were|will be)\s+)?(?:needed|required|necessary)\b",
        # "As no changes in the endpoints were expected in the future", "we do not expect any changes to the endpoints"
        # (`ENDPOINTS_SETTLED`)
        r"\bendpointsettled\b",
        # "Sufficient enrollment for Month 24 safety and efficacy endpoints" (the enrolment denied, "unable to achieve
        # sufficient enrollment for the primary endpoint", is `ENOUGH_DENIED`)
        rf"\b{_ENOUGH}\s+(?:enrol\w*|recruitment|accrual|sample size|number of (?:patients|subjects|participants))\s+"
        r"(?:[\w'-]+\s+){0,2}?for\s+(?:the\s+)?(?:[\w'-]+\s+){0,5}?(?:end ?points?|outcomes?|objectives?|"
        r"analys[ie]s)\b",
        # qualitative research: "we reached saturation with a sample of 16"
        r"\b(?:reached|achieved|attained)\s+(?:data\s+|thematic\s+|theoretical\s+|information\s+)?saturation\b|"
        r"\b(?:data|thematic|theoretical|information)\s+saturation\s+(?:was\s+|has been\s+|had been\s+)?(?:reached|"
        r"achieved|attained)\b",
        # "Sufficient acquisitions for DCE-MRI and 4D flow": what was measured is enough for its use (not patients:
        # "sufficient patients for the study" is who was sought)
        rf"\b{_ENOUGH}\s+(?:[\w'-]+\s+)?(?:data|acquisitions|samples|measurements|observations|recordings|images|"
        r"scans)\s+(?:(?:was|were|is|are)\s+(?:now\s+|already\s+)?)?(?:available\s+)?for\b",
        # "227 subjects (59% more than anticipated) had already completed 10-Year Visits": more patients than the
        # analysis needs are through the study
        r"\bmore\s+(?:[\w'-]+\s+)?than\s+(?:anticipated|expected|planned|needed|required)\b\)?\s+(?:had|have|has)\s+"
        r"(?:already\s+)?completed\b",
        # "sufficient POC to switch development": enough evidence that the drug works in principle (not "sufficient
        # proof of concept was not obtained", `notmet` by then)
        rf"\b{_ENOUGH}\s+(?:[\w'-]+\s+)?(?:proof[- ]of[- ](?:concept|principle)|poc)(?:\s*(?:$|[.;,:)])|\s+"
        r"(?:(?:was|has been|had been)\s+)?(?:obtained|achieved|established|demonstrated|shown|reached|to|for|in|"
        r"with|and|from)\b)",
        # "project progression decision was able to be made with the data already gathered"
        r"\b(?:decisions?|conclusions?|answers?)\b[^.;]{0,40}?\b(?:made|drawn|reached|given)\s+(?:with|from|on|"
        r"based on|using)\s+(?:the\s+)?data\s+already\s+(?:gathered|collected|obtained|acquired|accrued|available)\b",
        # "the study was terminated ... after the primary endpoint analysis was completed", "Primary Analysis and study
        # completed" ("before the primary analysis was completed" is `BEFORE_REACHED`; "No primary analysis was
        # performed" is read by no rule: the analysis opens its clause or follows a word that does not deny it)
        r"(?:^|[.;:,]\s*|\b(?:after|once|when|as|since|because|following|and|the|its|our)\s+)(?:the\s+)?(?:primary|main)\s+"
        r"(?:(?:end ?point|efficacy|outcome|statistical)\s+)?analys[ie]s\b(?:\s+(?:and|&)\s+"
        r"(?:the\s+)?(?:study|trial))?\s+(?:(?:was|were|has been|have been|had been|is|are)\s+)?(?:now\s+|already\s+|"
        # done, and nothing said of how ("performed on an unblinded dataset", "completed without the required
        # number of events", "done by another group", "completed for Part A"): the clause ends, or goes on with its
        # year or another fact ("Primary analysis was completed in 2015 and ...")
        r"successfully\s+)?(?:completed|complete|done|finished|concluded)(?:\s+in\s+\d{4})?\s*(?:$|[.;:]|,\s+and\b|"
        r"\s+and\b)|\b(?:after|following|"
        # a decision "following (the) primary analysis" does not say it was done or how it came out: "Amgen
        # decision following Primary Analysis" is no endpoint met, its completion is
        r"upon|on)\s+(?:the\s+)?completion\s+of\s+(?:the\s+)?(?:primary|main)\s+(?:(?:end ?point|efficacy|outcome|"
        r"statistical)\s+)?analys[ie]s\b",
        # what follows the primary analysis no longer needed: "Follow-up after the primary analysis is no longer needed"
        r"\b(?:after|following|beyond)\s+(?:the\s+)?(?:primary|main)\s+(?:(?:end ?point|efficacy|outcome)\s+)?"
        r"analys[ie]s\s+(?:(?:is|was|are|were)\s+)?no longer\s+(?:needed|necessary|required)\b",
        # "Follow up period after primary analysis was prematurely stopped because more mature data will not impact
        # the study outcome"
        r"\b(?:more|further|additional|longer|mature|continued)\s+(?:[\w'-]+\s+)?(?:data|follow[- ]?up|"
        r"information)\s+(?:will|would|could|does|do|did)\s+not\s+(?:[\w'-]+\s+)?(?:impact|"
        r"change|alter|affect|modify)\s+(?:the\s+)?(?:[\w'-]+\s+)?(?:outcomes?|results?|conclusions?|findings)\b",
    ),
}
# what, named in a text, keeps a family of Success rules from counting: "sufficient data" denied ("not enough
# data", "unable to collect sufficient data"), or said beside the reason the study stopped for ("Funding
# exhausted. Sufficient data already collected.", "COVID-19 pandemic; sufficient data gathered"): the study
# stopped for the pandemic, the money or a shortfall, and only noted that what it had was enough;
# a safety or futility finding beside it needs no guard here, as its group comes first, and "sufficient data ...
# to assess the safety and efficacy" names no finding; enough that is still awaited ("suspended until sufficient data
# are collected", "terminated before enough patients had completed", "it would take years to collect sufficient
# data for the endpoint") is not there yet
ENOUGH_DENIED = (
    r"\b(?:not|no|never|nor|without|lack of|lacks?|lacking|unable to|inability to|ability to|failed to|fail to|"
    r"whether|unclear|uncertain|doubtful|"
    r"impossible to|difficult\w* to|problems? to|could not|cannot|can't|would not|will not|notmet|before|until|"
    r"prior to|to (?:obtain|collect|gather|get|generate|accrue|acquire|achieve|reach|have|enrol\w*|recruit))\s+"
    rf"(?:[\w'-]+\s+){{0,3}}?{_ENOUGH}\b"
)
ELSEWHERE = (
    r"\b(?:covid\w*|sars[- ]?-?cov[- ]?2|corona(?:[- ]?virus)?|pandemic|lockdowns?|fund\w*|financ\w*|budget\w*|"
    r"business|commercial|strategic|resources?|feasib\w*|logistic\w*|staff\w*|left|retire\w*|relocat\w*|device "
    r"changes?|changes?|modif\w*|amend\w*|redesign\w*|covid19)\b"
)
# enough said in the same clause as another reason the study stopped for ("sufficient funding", "COVID-19
# pandemic, sufficient data gathered"); in a clause of its own ("Funding exhausted. Sufficient data already
# collected.", "COVID-19 pandemic, but sufficient data gathered": `CLAUSE_BREAKS` opens a clause at "but") it is
# the study's endpoint met beside a business stop, Success by the groups' order, as the hand labels of the fourth
# sample read it
ENOUGH_ELSEWHERE = rf"(?:{ELSEWHERE})[^.;]*?\b{_ENOUGH}\b|\b{_ENOUGH}\b[^.;]*?(?:{ELSEWHERE})"
# a shortfall of patients: "slow enrolment; sufficient data for the primary endpoint" is an enrolment stop
FEW_PATIENTS = (
    r"\b(?:low|poor|slow|slower|insufficient|inadequate|limited|lack of|lacking|not enough|too few|few|difficult\w*|"
    r"challeng\w*|problems? with|issues? with)\s+(?:[\w'-]+\s+){0,2}?(?:enrol\w*|recruit\w*|accru\w*|inclusions?)\b|"
    r"\b(?:enrol\w*|recruit\w*|accru\w*)\s+(?:[\w'-]+\s+){0,3}?(?:slow|low|poor|insufficient|inadequate|difficult\w*|"
    r"challeng\w*|lower|problems?|issues?|failed|failure)\b|\b(?:withdrawals?|drop-?outs?|dropped out|lost to "
    r"follow[- ]?up)\b|"
    # "the # of patients meeting inclusion criteria has diminished"
    r"(?:\bnumbers?|#)\s+of\s+(?:[\w'-]+\s+)?(?:patients|subjects|participants)\b[^.;]{0,60}?\b(?:diminish\w*|"
    r"decreas\w*|declin\w*|dropp\w*|reduc\w*|fell|too low)\b"
)
# another reason the study stopped for, beside an objective met or out of reach: "The interim goal was met; the
# sponsor discontinued the program for strategic reasons", "objectives could not be achieved due to the COVID-19
# pandemic" (the pandemic, not COVID-19 as the disease studied)
STOPPED_FOR_OTHER = (
    r"\b(?:pandemic|lockdowns?|fund\w*|financ\w*|budget\w*|business|commercial|strategic|logistic\w*|"
    r"supply|supplies|amend\w*|redesign\w*)\b"
)
# what keeps a family of Negative rules from counting: for an endpoint out of reach, a shortfall of patients or
# another reason the study stopped for ("Study objectives could not be achieved due to the COVID-19 pandemic");
# for failures, a comparator named, whose failures would be the drug's success
NEGATIVE_UNLESS = {"not_met": rf"{SHORTFALL}|{STOPPED_FOR_OTHER}", "failures": COMPARATOR}
# another study's result, or a result in the comparator's favour, is not this study's success
ANOTHER_SOURCE = (
    r"\bby others\b|\b(?:other|another|published|previous|recent|external|concurrent|parallel|similar|competing|"
    r"larger|pivotal|independent|sister|core|parent)\s+(?:[\w'-]+\s+){0,2}?(?:studies|study|trials?|research|"
    r"literature|publications?|rcts?|evidence)\b|\bliterature\b|\bpublished\b|\bnct\d+|"
    # another treatment's success is not the drug's: "Another treatment found efficacious" (NCT02768558); only as
    # the subject of the finding ("superior to other treatments", "switched to other medications" are no guard)
    r"\b(?:other|another|alternative|competing|similar)\s+(?:[\w'-]+\s+)?(?:treatments?|therap(?:y|ies)|drugs?|"
    r"agents?|compounds?|products?|regimens?|medications?|vaccines?|options?|interventions?|alternatives?)\s+"
    r"(?:(?:was|were|is|are|has been|have been|had been)\s+)?(?:found|shown|proved|proven|demonstrated|"
    r"confirmed|established)\b|"
    # a trial named by its acronym: "REAL trial showed a significant difference" (a rule can not tell "this trial
    # showed" apart, and gives that up)
    r"\b[\w-]+\s+(?:trial|study)\s+(?:showed|demonstrated|found|reported)\s+(?:an?\s+|the\s+)?(?:[\w'-]+\s+)?"
    r"significan\w*"
)
FAVOURS_COMPARATOR = (
    # the comparator's arm as the subject of the finding: "Control group showed a clinically meaningful benefit",
    # "Placebo patients demonstrated a clinically meaningful improvement over drug"
    r"\b(?:placebo|control|comparator|sham)\s+(?:group|arm|patients|subjects|participants)s?\s+(?:[\w'-]+\s+){0,2}?"
    r"(?:showed|demonstrated|had|achieved|experienced|reached)\b|"
    r"\b(?:in favou?r of|favou?ring)\s+(?:the\s+)?(?:placebo|control|comparator|sham|standard|conventional|usual|"
    r"observation)|\bsuperiority\s+of\s+(?:the\s+)?(?:placebo|control|comparator|sham|standard|conventional|usual|"
    r"observation)|\binferiority\b|\bsecondary\b|\bonly\b|\b(?:placebo|control|comparator|sham)"
    r"\s+(?:group|arm)s?\s+(?:[\w'-]+\s+){0,3}?(?:better|superior)|\bsuperior\s+(?:[\w'-]+\s+){0,2}?(?:of|for|with|"
    r"in)\s+"
    r"(?:the\s+)?(?:placebo|control|comparator|sham|standard)|\b(?:worse|inferior|higher mortality|increased "
    r"mortality|more deaths)\b"
)
# significance denied or still to be reached: "no statistical significance", "unable to obtain significant
# results", "a bigger sample size was needed to find a significant difference"
SIGNIFICANCE_DENIED = (
    r"\b(?:no|not|non|without|lack of|absence of|notmet|never|nor|unlikely|unable|fail\w*)[- ]?(?:[\w'-]+\s+){0,4}?"
    r"(?:significan\w*|meaningful)|\bto\s+(?:get|obtain|reach|find|show|demonstrate|detect|achieve|see)\s+(?:a\s+|any\s+)?"
    r"(?:[\w'-]+\s+)?(?:significan\w*|meaningful)|\bsignifican\w*\s+(?:[\w'-]+\s+){0,3}?(?:notmet|not|never|would|require\w*|"
    r"need\w*|unlikely|improbable|impossible)\b|\b(?:probability|chance|power)\s+(?:of\s+)?(?:[\w'-]+\s+){0,2}?"
    r"significan|\bsignifican\w*\s+(?:[\w'-]+\s+){0,2}?(?:in|of)\s+(?:the\s+)?(?:[\w'-]+\s+)?(?:enrol\w*|recruit\w*|"
    r"accru\w*|eligib\w*|funding|budget|costs?|baseline|standard of care|referrals?)|"
    # "Satisfactory results were not achieved"
    r"\bresults?\s+(?:[\w'-]+\s+){0,3}?(?:notmet|not)\b"
)
# "No marked benefit over standard of care", "absence of a considerable benefit"
BENEFIT_DENIED = (
    r"\b(?:no|not|without|absence of|lack of)\s+(?:an?\s+)?(?:[\w'-]+\s+){0,2}?(?:benefits?|advantages?|superiority)\b"
)
# "no conclusive results were obtained" is an inconclusive study
CONCLUSIVE_DENIED = r"\b(?:no|not|without|lack of|absence of|never|nor)\s+(?:[\w'-]+\s+)?conclusive\b"
# "not acceptable to meet the requirements": the regulator's requirements not met
REQUIREMENTS_DENIED = rf"{ENOUGH_DENIED}|\b(?:not|never)\s+(?:[\w'-]+\s+){{0,2}}?acceptable\b|\bunacceptable\b"
# what is not needed because of something else ("No further follow-up needed due to device recall", "Additional
# follow-up not required per regulatory authority request")
NEEDED_FOR_OTHER = (
    r"\b(?:needed|required|necessary)\s+(?:due to|because of|per|owing to|at the request)\b|"
    r"\b(?:recall\w*|regulat\w*|fda|authorit\w*)\b"
)
# a pause is not the end: "Number of patients required for the interim analysis was reached; study on hold pending
# analysis" (an interim analysis that found enough is read: "Upon interim analysis, sufficient data was accrued")
PAUSED = r"\bon hold\b|\bpending\b|\bawaiting\b|\buntil\b"
# an end criterion met because of something else, or an achievement denied: "criteria for closure of the trial
# were met due to slow accrual", "Achievement of minimum required sample size was not possible"
MET_FOR_OTHER = (
    r"\b(?:met|reached|achieved|fulfilled)\s+(?:due to|because of|owing to|as a result of)\b|"
    r"\b(?:was|were|is|are)\s+not\s+(?:possible|feasible)\b|\bimpossible\b"
)
SUCCESS_UNLESS = {
    "enough_data": rf"{ENOUGH_DENIED}|{FEW_PATIENTS}|{ENOUGH_ELSEWHERE}|{ANOTHER_SOURCE}|{NEEDED_FOR_OTHER}|{PAUSED}",
    "endpoint_met": rf"{MET_FOR_OTHER}|{PAUSED}",
    "significant": rf"{ANOTHER_SOURCE}|{FAVOURS_COMPARATOR}|{COMPARATOR}|{SIGNIFICANCE_DENIED}",
    "objective_met": rf"{ANOTHER_SOURCE}|{STOPPED_FOR_OTHER}",
    # "The study goals were accomplished by a similar study" (NCT00483210): another study's goals
    "objectives_met": ANOTHER_SOURCE,
    "shown_effective": rf"{ANOTHER_SOURCE}|{FAVOURS_COMPARATOR}|{SIGNIFICANCE_DENIED}",
    "benefit_seen": rf"{ANOTHER_SOURCE}|{FAVOURS_COMPARATOR}|{COMPARATOR}|{BENEFIT_DENIED}",
    "conclusive": rf"{ANOTHER_SOURCE}|{CONCLUSIVE_DENIED}",
    "requirements_met": rf"{REQUIREMENTS_DENIED}|{ANOTHER_SOURCE}",
    "results_positive": rf"{ANOTHER_SOURCE}|{FAVOURS_COMPARATOR}|{COMPARATOR}",
}

CLASS_RULES: dict[str, tuple[str, ...]] = {
    "Safety_Sideeffects": tuple(
        rule for name, family in SAFETY_FAMILIES.items() if name not in SAFETY_UNLESS_PANDEMIC for rule in family
    ),
    "Negative": tuple(
        rule for name, family in NEGATIVE_FAMILIES.items() if name not in NEGATIVE_UNLESS for rule in family
    ),
    "Success": tuple(
        rule for name, family in SUCCESS_FAMILIES.items() if name not in SUCCESS_UNLESS for rule in family
    ),
    "Endpoint_Met": tuple(
        rule for name, family in ENDPOINT_MET_FAMILIES.items() if name not in SUCCESS_UNLESS for rule in family
    ),
    "Insufficient_Enrollment": (
        r"\b(?:enrol{1,2}(?:ment|ments|ed|ing|s)?|recruit\w*|accru\w*|under-?enrol\w*)\b",
        r"\b(?:no|few|insufficient|not enough|lack of|limited|too few|shortage of|(?:insufficient|low|small|limited|"
        r"inadequate) number of)\s+(?:eligible\s+)?(?:patients|participants|subjects|volunteers|cases|candidates|"
        r"referrals|one)\b",
        r"\bno (?:patient|participant|subject) (?:was |has been )?(?:enrolled|recruited|randomi[sz]ed|dosed)\b",
        r"\bscreen(?:ing)?[- ]fail\w*",
        r"\b(?:patients|participants|subjects|families|parents)\s+(?:\w+\s+)?(?:declined|refused|were unwilling)\b",
        r"\b(?:eligible|suitable) (?:patients|participants|subjects)\b",
        r"\b(?:target|planned|required) (?:sample size|number of (?:patients|participants|subjects))\b",
    ),
    "Business_Administrative": (
        r"\bfund(?:s|ing|ed|er|ers)?\b",
        r"\b(?:financ\w*|budget\w*|commercial|business|strategic|strategy|portfolio|priorit\w*|reprioriti\w*|corporate|"
        r"company|companies|merger|acqui(?:red|sition)|bankrupt\w*|insolven\w*|restructur\w*|administrative|grant|"
        r"pipeline|sponsorship)\b",
        r"\blicen[cs]\w* agreement\b",
        r"\bdevelopment (?:\w+\s+){0,4}?(?:discontinued|stopped|terminated|halted|ended|abandoned)\b",
        r"\b(?:discontinu\w*|stop\w*|terminat\w*|halt\w*|end\w*) (?:of )?(?:the )?(?:\w+\s+)?(?:development|"
        r"program|programme)\b",
        r"\bno longer (?:developing|pursuing|supporting|interested)\b|\bnot to pursue\b|\bout of business\b",
        r"\bdivest\w*\b|\b(?:program|programme)\s+(?:was\s+|has been\s+)?(?:discontinued|terminated|stopped|halted|"
        r"cancell?ed)\b",
        r"\bwithdrew (?:its )?support\b|\b(?:support|sponsorship) (?:was )?withdrawn\b",
    ),
    "Logistics_Resources": (
        r"\b(?:drug|medication|investigational product|product|vaccine|device|materials?|supplies|supply)\s+"
        r"(?:\w+\s+)?(?:supply|supplies|shortage|availability|unavailable|not available|no longer available|"
        r"expired|expiry|expiration|interrupted)\b",
        r"\b(?:unavailability|shortage|lack) of (?:the )?(?:study )?(?:drug|medication|product|vaccine|device|"
        r"supplies|equipment)\b",
        r"\b(?:supply (?:issues?|problems?|chain|shortages?|constraints?|difficulties)|shortage|manufactur\w*|"
        r"logistic\w*|resources?|equipment|operational|operations|cro|contract research organi[sz]ation|vendor|"
        r"not feasible|feasibility|infeasib\w*)\b",
        r"\btechnical (?:problems?|issues?|difficulties)\b",
        r"\b(?:unable to|could not|cannot) (?:obtain|get|source|procure|import) (?:the )?(?:study )?(?:drug|medication|"
        r"product|supplies|vaccine|device)\b",
        r"\b(?:closed|closure of) (?:the )?(?:research |study |clinical )?(?:unit|site|center|centre|clinic|"
        r"facility)\b",
        r"\bsite (?:closure|closed|closing|shut)\b|\b(?:closure|closing) of (?:the )?(?:study )?(?:site|center|"
        r"centre|clinic|hospital|unit|facility|institution)\b|\bsites? (?:was |were |has been )?closed\b",
        r"\b(?:insufficient|lack of|not enough|limited|shortage of) (?:\w+\s+){0,2}?(?:staff|staffing|personnel|"
        r"capacity)\b|\bstaffing (?:problems?|issues?|shortages?)\b",
    ),
    "Study_Design": (
        r"\bprotocol\s+(?:\w+\s+)?(?:amendments?|redesign|changes?|revisions?|modifications?|design|flaws?|issues?)\b",
        r"\bprotocol (?:is |was |has been |will be )?(?:being )?(?:revised|amended|changed|modified|rewritten)\b",
        r"\b(?:study|trial) design\b|\bdesign (?:flaws?|issues?|changes?|problems?|concerns?|limitations?)\b",
        r"\b(?:redesign\w*|methodolog\w*|flawed)\b",
        r"\b(?:change|changes|changed|modification|modifications|revision) (?:in|to|of) (?:the )?(?:study |trial )?"
        r"(?:design|protocol|primary endpoint|endpoints?|population|dosing|dose|eligibility)\b",
        r"\b(?:end ?points?|dosing|dose|regimen)\s+(?:was |were |has been )?(?:changed|revised|modified)\b",
        r"\b(?:inclusion|exclusion|eligibility) criteria\b",
        r"\bsample size (?:assumptions?|calculation|estimation|re-?estimation)\b",
        r"\bnew (?:protocol|design|formulation)\b|\bformulation (?:change|changes|changed)\b",
        r"\b(?:outcome measures?|end ?points?|design|doses?|dosing)\s+(?:\w+\s+){0,5}?(?:inappropriate|not appropriate|"
        r"unsuitable|inadequate)\b",
    ),
    "Study_Staff_Moved": (
        r"\b(?:pi|principal investigator|investigators?|study (?:coordinator|doctor|physician|staff|team|nurse)|"
        r"coordinator|key (?:study )?(?:staff|personnel)|study chair|lead (?:researcher|investigator)|research "
        r"(?:staff|team|nurse))\s+(?:\w+\s+){0,2}?(?:left|leaving|leaves|moved|moving|relocated|relocating|retired|"
        r"retiring|resigned|passed away|died|deceased|departed|changed (?:jobs?|institutions?|employment|positions?)|"
        r"is no longer|no longer|on (?:maternity|medical|sick|parental) leave|transferred)\b",
        r"\b(?:departure|retirement|relocation|death|loss|illness|resignation|leave) of (?:the )?(?:\w+\s+)?"
        r"(?:pi|principal investigator|investigator|study coordinator|coordinator|staff)\b",
        r"\bstaffdeath\b",
    ),
    "Covid19": (r"\b(?:covid\w*|sars[- ]?-?cov[- ]?2|corona(?:[- ]?virus)?|pandemic|2019-ncov|lockdowns?)\b",),
    "Another_Study": (
        r"\b(?:another|other|a (?:new|similar|related|different|larger|competing|follow[- ]?up|parallel|separate|"
        r"subsequent|pivotal)|similar|competing|parallel|separate|larger|pivotal|follow[- ]?up|sister|companion|"
        r"subsequent)\s+(?:\w+\s+){0,2}?(?:study|studies|trial|trials|program|programme)\b",
        r"\b(?:replaced|superseded|supplanted) by\b|\bin favou?r of\b|\bmerged (?:with|into)\b",
        r"\bcombined with (?:nct|another|a)\b|\bnct\d{8}\b",
        r"\bresults (?:of|from) (?:\w+\s+){0,3}?(?:study|studies|trial|trials)\b",
    ),
    "Regulatory": (
        r"\bfda\s+(?:\w+\s+)?(?:request\w*|hold|decision|feedback|recommend\w*|required?|asked|guidance|did not|"
        r"placed|not)\b",
        r"\b(?:clinical|partial) hold\b",
        r"\bregulatory (?:\w+\s+)?(?:reasons?|issues?|requirements?|concerns?|decision|authorit\w+|agenc\w+|feedback|"
        r"request|problems?|approval|hurdles?|status|changes?)\b",
        r"\b(?:health|competent|regulatory) authorit\w+|\bministry of health\b|\bhealth canada\b",
        r"\b(?:ema|mhra|pmda|anvisa|nmpa|cfda|tga|bfarm|ansm|aifa|swissmedic)\s+(?:\w+\s+)?(?:request\w*|decision|"
        r"did not|refused|rejected|required?)\b",
        r"\b(?:irb|institutional review board|ethics committee|ethical committee|ethics approval|ethics board|"
        r"ec approval)\b",
        r"\bind (?:was )?(?:withdrawn|inactivated|hold)\b|\bimport (?:license|licence|permit)\b|\bimportation\b",
        r"\bnotapproved\b|\b(?:approval|authori[sz]ation) (?:was )?(?:not granted|denied|refused|withdrawn|"
        r"expired|lapsed)\b|\bawaiting (?:\w+\s+)?approval\b|\bnot authori[sz]e",
        r"\bnotmet (?:\w+\s+)?(?:approval|authori[sz]ation)\b|\bdid not (?:receive|obtain|get) (?:\w+\s+)?"
        r"(?:approval|authori[sz]ation)\b",
    ),
    "Interim_Analysis": (r"\binterim\b",),
    "Insufficient_Data": (
        r"\b(?:insufficient|inadequate|incomplete|not enough|lack of|limited|missing|poor)\s+(?:\w+\s+)?data\b",
        r"\bdata (?:quality|integrity)\b|\bdata collection (?:issues?|problems?)\b",
        r"\b(?:lost|loss) to follow[- ]?up\b",
        r"\bdata (?:collection )?(?:was |were )?(?:incomplete|insufficient|inadequate|missing)\b",
        r"\b(?:insufficient|too few|not enough|low) (?:number of )?(?:evaluable )?(?:events|evaluable)\b",
        r"\b(?:unevaluable|not evaluable)\b|\b(?:unable|impossible) to (?:analy[sz]e|evaluate|assess|interpret)\b",
    ),
    "Ethical_Reason": (
        r"\b(?:unethical|no longer ethical|not ethical|equipoise)\b",
        r"\bethical (?:reasons?|concerns?|issues?|grounds|considerations?|problems?)\b",
    ),
}
CLASS_GROUPS = {
    "Safety_Sideeffects": "Safety",
    "Negative": "Negative",
    "Success": "Success",
    "Endpoint_Met": "Success",
    "Insufficient_Enrollment": "Neutral",
    "Business_Administrative": "Neutral",
    "Logistics_Resources": "Neutral",
    "Study_Design": "Neutral",
    "Study_Staff_Moved": "Neutral",
    "Covid19": "Neutral",
    "Another_Study": "Neutral",
    "Regulatory": "Neutral",
    "Interim_Analysis": "Neutral",
    "Insufficient_Data": "Neutral",
    "Ethical_Reason": "Neutral",
    "Invalid_Reason": "Invalid",
    "No_Context": "Neutral",  # a reason given without its why ("terminated by sponsor") is a reason, not none
}
CLASSES = tuple(CLASS_GROUPS)
# found only when no other class is: "Terminated by sponsor due to low enrollment" is an enrolment stop
SPONSOR_ONLY = r"\bsponsor(?:'s|s)?\b"
INVALID_REASONS = (
    r"^(?:\W*|n/?a|n\.a\.?|na|none|nil|null|test\w*|x+|tbd|yes|no|ok|\d[\d/.\- ]*|[a-z])\W*$",
    r"^(?:the )?(?:study |trial )?(?:has been |was |is |had been )?(?:completed|complete|finished|done|ongoing|"
    r"active)(?: as planned| normally)?\W*$",
    r"^(?:recruitment|enrol\w*|accrual) (?:is |was |has been )?(?:complete|completed|closed|finished)\W*$",
    r"^(?:active,? )?not (?:yet )?recruiting\W*$",
    # a placeholder: "Other", "Unknown reason", "To be confirmed", a spreadsheet's "#NAME?"
    r"^\W*(?:others?|unknown|not known|unknown reasons?|reasons? unknown|reasons? not (?:known|given|specified|"
    r"provided)|(?:for )?(?:various|other|unknown) reasons|to be (?:confirmed|determined|decided)|tbc|name|value|ref|"
    r"div/0)\W*$",
    # a bare date: "March 2015", "12 Jan 2010", "on November 6, 2007"
    r"^\W*(?:(?:on|in|as of|since)\s+)?(?:\d{1,2}(?:st|nd|rd|th)?[\s\-/.]*)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
    r"nov|dec)[a-z]*\.?[\s\-/.,]*(?:\d{1,2}(?:st|nd|rd|th)?[\s,\-/.]*)?\d{2,4}\W*$",
)
# a pointer to another field and nothing more: "See termination reason in detailed description", "Please see
# above", "See 'Limitations and Caveats' section"; read only where no class is found, so "Business decision (see
# below)" is a business stop
POINTER = r"\bsee\b|\brefer(?:red)?\s+to\b|\bdetailed description\b|\bbrief summary\b"
POINTED_SECTION = r"\bsee\s+'[^']*'"
POINTER_WORDS = (
    r"(?-u:\b)(?:please|see|refer|referred|to|the|in|for|of|on|and|a|an|this|that|study|trial|study's|trial's|"
    r"termination|"
    r"terminating|reasons?|statements?|explanation|details?|detailed|description|brief|summary|field|section|record|"
    r"above|below|purpose|further|more|info|information|documentation|documentaion|why|was|is|has|been|stopped|"
    r"terminated|withdrawn|suspended|early|prematurely|given|provided|as|explained|described|under|text|protocol|"
    r"entry|registration)(?-u:\b)"
)
# the study completed, its enrolment or follow-up done, its target number reached, and nothing more: "Study
# completed", "Recruitment and follow-up has been completed", "Accrual goal met", "The maximum of inclusions was
# reached", "Administratively complete", "End of study"; a completed enrolment is no enrolment problem, so these
# are Invalid_Reason even where the enrolment rules read "recruitment"
COMPLETION = (
    r"\b(?:complete|completed|completion|finished|finish|concluded|done|fulfilled|reached|met|achieved|attained)\b|"
    r"\bend of\b"
)
COMPLETION_WORDS = (  # ASCII classes and boundaries: with Unicode ones this replacement took ten times all the rest
    r"(?-u:\b)(?:the|this|a|an|all|its|it|our|we|study|studies|trial|protocol|project|research|primary|has|have|had|"
    r"been|"
    r"was|were|is|are|be|being|now|already|and|of|in|on|at|per|for|with|by|after|then|so|since|because|therefore|as|"
    r"to|according|stopped|closed|terminated|ended|complete|completed|completion|finished|finish|concluded|conclusion|"
    r"done|over|end|reached|met|achieved|attained|fulfilled|normally|successfully|fully|planned|scheduled|expected|"
    r"intended|anticipated|early|earlier|prematurely|administratively|recruitment|recruiting|recruited|enrol[a-z]*|"
    r"accrual|accrued|inclusions?|included|number|sample|size|target|goal|objectives?|aims?|maximum|desired|required|"
    r"needed|patients?|subjects?|participants?|follow-?up|period|data|collection|analysis|analyses|visits?|last|"
    r"final|step|stage|part|phase|cohort|years?|months?|weeks?|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"[0-9][a-z0-9]*|jan[a-z]*|feb[a-z]*|mar[a-z]*|apr[a-z]*|may|jun[a-z]*|jul[a-z]*|aug[a-z]*|sep[a-z]*|oct[a-z]*|"
    r"nov[a-z]*|dec[a-z]*)(?-u:\b)"
)
# what says that the study stopped, who stopped it or that no reason is given, and nothing more
BOILERPLATE = (
    r"\b(?:the|a|an|this|study|study's|trial|was|has|have|been|is|were|be|will|being|terminated|terminate|"
    r"termination|stopped|stop|stopping|halted|halt|suspended|suspension|withdrawn|withdraw|withdrew|closed|"
    r"closure|close|ended|end|discontinued|discontinuation|discontinue|cancelled|canceled|early|prematurely|"
    r"premature|per|on|by|due|to|of|for|upon|after|following|at|from|with|recommendation|recommendations|"
    r"recommended|recommend|advice|advised|decision|decided|request|requested|dsmb|reason|reasons|other|others|"
    r"unknown|see|detailed|description|above|below|record|not|specified|provided|given|no|pi|pi's|investigator|"
    r"investigators|investigator's|principal|confidential|undisclosed|please)\b"
)


STOP_REASON_COLUMNS = {
    "studyId": "The stopped study (NCT id)",
    "overall_status": "Its status: TERMINATED, SUSPENDED or WITHDRAWN (the configured statuses)",
    "why_stopped": "The reason as the registry holds it",
    "stop_categories": "The Open Targets classes the rules read in it (Insufficient_Enrollment, Negative,"
    " Safety_Sideeffects, ...); null where the text was skipped",
    "stop_group": "The most telling class's group: Safety, Negative, Success, Neutral or Invalid",
    "note": "Why the text was not read (too long, empty once cleaned) or that no rule matched it",
}


def _any(patterns: tuple[str, ...]) -> str:
    return "|".join(f"(?:{pattern})" for pattern in patterns)


def _matches(text: pl.Expr, patterns: tuple[str, ...]) -> pl.Expr:
    """Whether any of `patterns` is in `text`; each is its own regex, as one alternation of them all would
    outgrow the regex engine's size limit (a Unicode `\\w` is large)."""
    return pl.any_horizontal(*(text.str.contains(pattern) for pattern in patterns))


def _rewritten(text: pl.Expr) -> pl.Expr:
    """The cleaned, lower-cased text with committees and other actors as one token and negated spans blanked."""
    rewritten = (
        text.str.to_lowercase()
        .str.replace_all(r"n't\b", " not")
        .str.replace_all(r"\beficac", "efficac")
        .str.replace_all(r"\bnon[- ]inferiority\b", "noninferiority")  # no inferiority (`FAVOURS_COMPARATOR`)
        .str.replace_all(COMMITTEES, " dsmb ")
        .str.replace_all(AE_REPORTING, " aers ")
        .str.replace_all(BOTH_CONCERNS, "safety $1 and efficacy $1")
        .str.replace_all(REVIEW_OF_BOTH, " interim review data ")
        .str.replace_all(PANDEMIC, " covid19 ")
        .str.replace_all(STAFF_DEATH, " staffdeath ")
        .str.replace_all(CLAUSE_BREAKS, "; $1")
        .str.replace_all(NOT_ACHIEVED, " notmet ")
        .str.replace_all(FAILED_TO, " notmet ")
        .str.replace_all(NO_EFFECT, " noeffect ")
        .str.replace_all(NEITHER, " neither $1 notmet ")
        .str.replace_all(NOT_APPROVED, " notapproved ")
        .str.replace_all(APPROVED_CONDUCT, " permitted $1")
        .str.replace_all(CONDUCT_APPROVED, " $1 permitted")
        .str.replace_all(APPROVED_TO, " permitted $1")
        .str.replace_all(OTHER_PRODUCT, " $1 $2 alternative")
        .str.replace_all(OWN_TRIAL_FOUND, "$1 $2 indeed $3")
        .str.replace_all(NOT_POSITIVE, " notpositive ")
        .str.replace_all(SUFFICIENT_DENIED, " insufficient $1")
        .str.replace_all(SAFETY_ENDPOINT, " safetyendpoint ")
        .str.replace_all(ENROLMENT_TARGET, " $1$2 target ")
        .str.replace_all(BEFORE_REACHED, " $1 $2 unreached ")
        .str.replace_all(ENDPOINTS_SETTLED, " endpointsettled ")
        .str.replace_all(SUFFICIENT_ENROLMENT, " $1 sample size obtained ")
        .str.replace_all(SIGNIFICANTLY_FEWER_HARMS, " significant reduction fewerharms $1 ")
    )
    for pattern, replacement in NOT_HARMS:
        rewritten = rewritten.str.replace_all(pattern, replacement)
    for negation in NEGATIONS:
        rewritten = rewritten.str.replace_all(negation, "$1 ~ ")  # only the first negation has a group to keep
    return rewritten


def classify(texts: pl.Series) -> pl.DataFrame:
    """(stop_categories, stop_group, note) for each text, in order; a null text gives nulls.

    The rules run once per distinct text: registries repeat their reasons ("Slow accrual") many times."""
    distinct = texts.unique().to_frame("raw").with_columns(text=clean_text(pl.col("raw")))
    lowered = pl.col("text").str.to_lowercase()
    rewritten = pl.col("rewritten")
    unless_pandemic = tuple(rule for name in SAFETY_UNLESS_PANDEMIC for rule in SAFETY_FAMILIES[name])
    flags = distinct.with_columns(rewritten=_rewritten(pl.col("text"))).with_columns(
        **{name: _matches(rewritten, rules) for name, rules in CLASS_RULES.items()},
        _unless_pandemic=_matches(rewritten, unless_pandemic),
        **{f"_negative_{name}": _matches(rewritten, NEGATIVE_FAMILIES[name]) for name in NEGATIVE_UNLESS},
    )
    flags = flags.with_columns(
        Safety_Sideeffects=pl.col("Safety_Sideeffects") | (pl.col("_unless_pandemic") & ~pl.col("Covid19")),
        Negative=pl.any_horizontal(
            "Negative",
            *(
                pl.col(f"_negative_{name}") & ~rewritten.str.contains(unless)
                for name, unless in NEGATIVE_UNLESS.items()
            ),
        ),
        Success=pl.any_horizontal(
            "Success",
            *(
                _matches(rewritten, SUCCESS_FAMILIES[name]) & ~rewritten.str.contains(unless)
                for name, unless in SUCCESS_UNLESS.items()
                if name in SUCCESS_FAMILIES
            ),
        ),
        Endpoint_Met=pl.any_horizontal(
            "Endpoint_Met",
            *(
                _matches(rewritten, ENDPOINT_MET_FAMILIES[name]) & ~rewritten.str.contains(unless)
                for name, unless in SUCCESS_UNLESS.items()
                if name in ENDPOINT_MET_FAMILIES
            ),
        ),
    ).with_columns(
        Success=pl.col("Success") & ~pl.col("Negative"),
        Endpoint_Met=pl.col("Endpoint_Met") & ~pl.col("Negative"),
    )
    found = pl.any_horizontal(*CLASS_RULES)
    pointer_only = lowered.str.contains(POINTER) & ~lowered.str.replace_all(POINTED_SECTION, " see ").str.replace_all(
        POINTER_WORDS, " "
    ).str.contains(r"\p{L}")
    completion_only = lowered.str.contains(COMPLETION) & ~lowered.str.replace_all(COMPLETION_WORDS, " ").str.contains(
        r"\p{L}"
    )
    no_reason_but_enrolment = ~pl.any_horizontal(*(name for name in CLASS_RULES if name != "Insufficient_Enrollment"))
    flags = (
        flags.with_columns(
            Business_Administrative=pl.col("Business_Administrative") | (~found & rewritten.str.contains(SPONSOR_ONLY)),
            Invalid_Reason=(~found & (lowered.str.contains(_any(INVALID_REASONS)) | pointer_only))
            | (no_reason_but_enrolment & completion_only),
        )
        .with_columns(
            # a completed enrolment is no enrolment problem, nor is "the objective was reached with the patients
            # recruited" unless the text names a shortfall
            Insufficient_Enrollment=pl.col("Insufficient_Enrollment")
            & ~pl.col("Invalid_Reason")
            & ~((pl.col("Success") | pl.col("Endpoint_Met")) & ~rewritten.str.contains(SHORTFALL)),
        )
        .with_columns(
            _boilerplate=~pl.any_horizontal(*CLASS_RULES, "Invalid_Reason")
            & ~rewritten.str.replace_all(BOILERPLATE, " ").str.contains(r"\p{L}")
        )
    )
    classified = pl.any_horizontal(*CLASS_RULES, "Invalid_Reason")
    flags = flags.with_columns(No_Context=~classified)
    too_long = pl.col("text").str.len_chars() > MAX_LENGTH
    empty = pl.col("text").fill_null("") == ""
    usable = ~too_long & ~empty
    categories = pl.concat_list(*(pl.when(name).then(pl.lit(name)) for name in CLASSES)).list.drop_nulls()
    group = pl.coalesce(
        *(
            pl.when(pl.any_horizontal(*(c for c, g in CLASS_GROUPS.items() if g == name))).then(pl.lit(name))
            for name in GROUPS
        )
    )
    labelled = flags.with_columns(
        stop_categories=pl.when(usable).then(categories),
        stop_group=pl.when(usable).then(group),
        note=pl.when(pl.col("raw").is_null())
        .then(None)
        .when(empty)
        .then(pl.lit("no text once control characters are removed"))
        .when(too_long)
        .then(pl.lit(f"longer than {MAX_LENGTH} characters: not a stop reason as registries write them"))
        .when(~classified & ~pl.col("_boilerplate"))
        .then(pl.lit("no rule matched")),
    )
    return (
        texts.to_frame("raw")
        .join(labelled.select("raw", "stop_categories", "stop_group", "note"), on="raw", how="left", nulls_equal=True)
        .drop("raw")
    )


@describes(STOP_REASON_COLUMNS)
def stop_reasons(studies: pl.LazyFrame, statuses: list[str] | None = None) -> pl.DataFrame:
    """One row per stopped study (status in `statuses`, default TERMINATED, SUSPENDED, WITHDRAWN) that gives a
    `why_stopped`: the text as written, its classes and group, and a note where it could not be read."""
    require_columns(studies, "studies", ("nct_id", "overall_status", "why_stopped"), "stop_reasons")
    wanted = list(statuses) if statuses is not None else list(STOPPED_STATUSES)
    given = studies.select("nct_id", "overall_status", "why_stopped").filter(pl.col("why_stopped").is_not_null())
    given = given.collect()  # read once: the counts below and the stopped rows come from the same rows
    stopped = given.filter(pl.col("overall_status").is_in(wanted)).sort("nct_id")
    labels = classify(stopped["why_stopped"])
    result = stopped.rename({"nct_id": "studyId"}).hstack(labels).select(list(SCHEMA)).cast(SCHEMA)
    record("texts_given", given.height)
    record("texts_of_studies_not_stopped", given.height - stopped.height)
    record("texts_with_control_characters", stopped.select(has_control_characters(pl.col("why_stopped")).sum()).item())
    notes = result["note"]
    record("skipped/too_long", int((notes.str.starts_with("longer than")).sum()))
    record("skipped/empty_after_cleaning", int((notes.str.starts_with("no text")).sum()))
    record("no_rule_matched", int((notes == "no rule matched").sum()))
    for name, count in result["stop_group"].drop_nulls().value_counts().iter_rows():
        record(f"group/{name}", count)
    for name, count in result["stop_categories"].explode().drop_nulls().value_counts().iter_rows():
        record(f"class/{name}", count)
    record("studies", result.height)
    return result
