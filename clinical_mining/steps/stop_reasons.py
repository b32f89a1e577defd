"""Why did the trial stop? Every stopped study's `why_stopped` read into the Open Targets classes and their group.

The classes and groups are those of Razuvayevskaya et al. (Nature Genetics 2024), decided here by rules in
code, so the same text always gets the same labels and a reader can see why. A text can carry several classes
("Futility and poor accrual"); its group is the most telling of them: Safety, then Negative, then Success, then
Neutral, then Invalid. That order is what a reader of the evidence needs: a trial stopped for toxicity and
low accrual is a safety stop.

Precision comes before recall, because `stopped_for_safety` and `stopped_for_efficacy` are read as evidence
against a drug. The text is lower-cased and cleaned (`text.clean_text`), then rewritten before any class is
looked for:
- committees are one token (`dsmb`): a Data *Safety* Monitoring Board says who stopped the trial, not why, and
  a committee's recommendation given without its reason is No_Context;
- "not met", "did not show" become one token, so "primary endpoint not met" is never Endpoint_Met;
- negated spans are blanked: "not due to safety concerns", "no safety or efficacy issues", "unrelated to
  safety", "rather than safety", "enrolment was completed"; a clause ends at punctuation or at "but",
  "however" and their like, so "not for safety, but for low accrual" keeps the accrual.
A mention of the sponsor alone ("Terminated by sponsor") is Business_Administrative only when nothing else is
found. A text that is only boilerplate ("Terminated", "See detailed description", "Per DSMB recommendation")
is No_Context; one that is no reason at all ("Study completed", "N/A", a date) is Invalid_Reason; one that no
rule reads is No_Context with the note "no rule matched", counted in the metadata, never guessed.

A text longer than `MAX_LENGTH` (the registry allows 250 characters) is not a stop reason as registries write
them, most likely a field shifted in an export; it is kept with its note and no class, and counted.
"""

import polars as pl

from clinical_mining.column_docs import describes
from clinical_mining.step_stats import record
from clinical_mining.steps.arms import require_columns
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
    r"(?:the|its|a|an|any|their|primary|secondary|main|key|co-primary|pre-?specified|statistical|statistically|"
    r"clinically|clinical|significant|meaningful|desired|expected|study|trial|efficacy|treatment|therapeutic)"
)
_EFFICACY_OBJECT = (
    r"(?:end ?points?|objectives?|outcomes?|efficacy|benefit|superiority|non-?inferiority|difference|significance|"
    r"effects?|improvement|activity)"
)
_SAFETY_TOPIC = r"(?:safety|toxicity|tolerability|adverse events?|side[- ]effects?|harm)"
_EFFICACY_TOPIC = r"(?:efficacy|futility|lack of efficacy)"
_ANY_TOPIC = rf"(?:{_SAFETY_TOPIC}|{_EFFICACY_TOPIC})"
# a negated span runs to the end of its clause, and on through a list of the topics a negation names
_SCOPE = rf"[^.;:!?,()]*(?:,\s*(?:or\s+|and\s+|nor\s+)?{_ANY_TOPIC}\b[^.;:!?,()]*)*"
_CAUSE = (
    r"(?:due to|related to|because of|owing to|attributable to|linked to|based on|for|as a result of|a result of|"
    r"caused by|driven by|associated with|connected to|secondary to|motivated by|prompted by|in response to)"
)

COMMITTEES = (
    r"\b(?:independent\s+)?(?:data\s+(?:and\s+)?safety\s+monitoring|data\s+monitoring|safety\s+monitoring|"
    r"safety\s+review|data\s+review)\s+(?:board|committee)s?\b|\b(?:i?dsmbs?|i?dmcs?|dsmcs?|srcs?)\b"
)
CLAUSE_BREAKS = r"\b(but|however|although|though|whereas|instead|yet)\b"
NOT_ACHIEVED = (
    r"\b(?:(?:has|have|had|did|does|do|was|were|is|are|will|would|could|can|may)\s+)?(?:not|never)\s+"
    r"(?:been\s+|yet\s+)?(?:met|meet|reached|reach|achieved|achieve|attained|attain|shown|show|demonstrated|"
    r"demonstrate)\b"
)
NOT_APPROVED = r"\b(?:not|never)\s+(?:yet\s+)?(?:been\s+)?approved\b"
NEGATIONS = (
    # "not due to safety concerns", "not stopped for lack of efficacy": the span after the cause is blanked
    rf"\b(?:not|never|nor)\b(?:\s+\w+){{0,3}}?\s+{_CAUSE}\b{_SCOPE}",
    rf"\b(?:unrelated to|independent of|irrespective of|regardless of|nothing to do with|other than|rather than|"
    rf"instead of)\b{_SCOPE}",
    # "no safety or efficacy concerns", "no new safety signals", "non-safety related", "not safety related"
    rf"\b(?:no|not|without|nor|non|absence of|free of)\b[- ]?(?:\s*\w+){{0,4}}?\s*(?:{_EFFICACY_TOPIC}\s*"
    rf"(?:,|/|or|and|nor)\s*)?{_SAFETY_TOPIC}(?:\s*(?:,|/|or|and|nor)\s*{_ANY_TOPIC})*[- ]?(?:\s*\w+)?\s*"
    r"(?:concerns?|issues?|problems?|signals?|findings?|reasons?|risks?|related|driven|based|implications?|"
    r"questions?|grounds|considerations?)\b",
    rf"\b(?:no|not|without|nor|non)\b[- ]?(?:\s*\w+){{0,2}}?\s*{_EFFICACY_TOPIC}(?:\s*(?:,|/|or|and|nor)\s*"
    rf"{_ANY_TOPIC})*[- ]?(?:\s*\w+)?\s*(?:concerns?|issues?|problems?|reasons?|related|driven|based|grounds|"
    r"considerations?|questions?)\b",
    r"\b(?:no|without)\s+(?:\w+\s+){0,2}?(?:serious\s+)?(?:adverse (?:events?|effects?|reactions?)|saes?|"
    r"side[- ]effects?|deaths?|toxicit(?:y|ies)|harm)\b",
    r"\b(?:safety|efficacy|toxicity|tolerability)\s+(?:was|were|is|are)\s+not\s+(?:a |an |the )?"
    r"(?:concern|issue|factor|reason|problem)\b",
    # a status written where the reason should be says nothing of recruitment
    r"^\W*(?:active,?\s+)?not\s+(?:yet\s+)?recruiting\W*$",
    # an enrolment that went as planned is no enrolment problem
    r"\b(?:enrol\w*|recruitment|accrual)\s+(?:was\s+|were\s+|is\s+|has been\s+|had been\s+)?(?:complete|completed|"
    r"finished|achieved|reached|on track|not an issue|not a problem)\b",
    r"\b(?:after|following)\s+(?:full|complete|completed|completing)\s+(?:enrol\w*|recruitment|accrual)\b",
)

CLASS_RULES: dict[str, tuple[str, ...]] = {
    "Safety_Sideeffects": (
        r"^\W*(?:safety|patient safety|toxicity)\W*$",
        r"\b(?:safety|tolerability)\s+(?:\w+\s+)?(?:concerns?|issues?|reasons?|signals?|problems?|risks?|findings?|"
        r"events?|grounds|observations?|considerations?)\b",
        r"\b(?:due to|because of|for|owing to|based on|over|given)\s+(?:the\s+)?(?:patient\s+|subject\s+|"
        r"participant\s+)?(?:safety|tolerability)\b",
        r"\bpatient safety\b",
        r"\b(?:\w*toxicit(?:y|ies)|toxic|\w+toxic)\b",
        r"\b(?:adverse (?:events?|effects?|reactions?|drug reactions?|experiences?)|side[- ]effects?|saes?|"
        r"serious adverse)\b",
        r"\b(?:patient|subject|participant|treatment[- ]related|drug[- ]related|unexpected|unexplained|sudden)s?\s+"
        r"deaths?\b",
        r"\bdeaths?\s+(?:of|in|among)\s+(?:\w+\s+)?(?:patients?|subjects?|participants?|treatment|active|study)\b",
        r"\b(?:increased|excess|excessive|higher|high|imbalance in|unacceptable)\s+(?:\w+\s+)?(?:mortality|deaths?|"
        r"risk of (?:death|harm))\b",
        r"\b(?:increased|higher|excess|unexpected)\s+(?:rate|incidence|frequency|risk|number|numbers)\s+of\s+"
        r"(?:\w+\s+){0,2}?(?:infections?|events?|deaths?|bleeding|hospitali[sz]ations?|complications?|adverse|"
        r"reactions?|thromboembolic|thrombo\w*|injur\w*|strokes?|fractures?|seizures?)\b",
        r"\b(?:harm|harmful|unsafe|intolerable|poorly tolerated|not (?:well )?tolerated|intolerance|"
        r"poor tolerability)\b",
        r"\b(?:risk[- /]benefit|benefit[- /]risk)\b",
        r"\b(?:liver (?:injury|damage|enzyme elevations?)|elevated (?:liver|transaminase)\w*|qt prolongation|"
        r"hypersensitivity|anaphyla\w*|allergic reactions?|bleeding|ha?emorrhag\w*|thromboembolic|neutropenia|"
        r"thrombocytopenia)\b",
        r"\bgrade\s*(?:3|4|5|iii|iv)\b",
    ),
    "Negative": (
        r"\bfutil(?:e|ity)\b",
        r"\b(?:lack|absence|loss) of (?:\w+\s+)?(?:efficacy|effect|effectiveness|benefit|responses?|activity)\b",
        r"\b(?:did|does|do) not (?:significantly )?improve\b|\bfail(?:ed|s)? to (?:significantly )?improve\b",
        rf"\b(?:insufficient|inadequate|poor|minimal|disappointing|not enough|limited|low)\s+(?:{_FILLER}\s+)?"
        r"(?:efficacy|effectiveness|benefit|effect|responses?|response rates?|activity)\b",
        rf"\bno\s+(?:{_FILLER}\s+){{0,2}}(?:efficacy|effectiveness|benefit|effect|difference|improvement)\b",
        rf"\b(?:notmet|fail(?:ed|s|ure)? to (?:meet|reach|achieve|show|demonstrate|detect|prove|confirm|attain)|"
        rf"unlikely to (?:meet|reach|achieve|show|demonstrate|detect|prove|attain)|(?:low|little|no) "
        rf"(?:likelihood|probability|chance) of (?:meeting|reaching|achieving|showing|demonstrating|detecting))\s+"
        rf"(?:{_FILLER}\s+){{0,3}}{_EFFICACY_OBJECT}\b",
        r"\b(?:end ?points?|objectives?|outcomes?)\s+notmet\b",
        r"\befficacy\s+(?:\w+\s+)?notmet\b",
        r"\b(?:ineffective|inefficacy|not effective|no longer effective)\b",
        r"\bnegative (?:results?|outcomes?|findings|data|efficacy|trial|study)\b",
        r"\b(?:was|were|is|are|proved|found|be) inferior\b|\binferior (?:efficacy|results|outcomes?|to)\b",
        r"\befficacy (?:was |were |is )?(?:lower than expected|insufficient|inadequate|disappointing)\b",
        r"\befficacy (?:results?|data) (?:did|do|does) not support\b",
        r"\b(?:conditional power|probability of success|predictive probability) (?:was |is )?(?:too )?low\b",
        r"\bunlikely to (?:be )?(?:effective|beneficial|succeed)\b",
    ),
    "Success": (
        r"\b(?:drug|product|medication|treatment|compound|vaccine|it|therapy|medicine)\s+(?:\w+\s+){0,2}?"
        r"(?:(?:was|has been|is|got|became|becomes)\s+)?(?:now\s+)?(?:approved|licensed|registered|marketed|"
        r"commercially available|available on the market)\b",
        r"\b(?:received|obtained|granted|got|gained)\s+(?:\w+\s+)?(?:marketing|regulatory|fda|ema|market|conditional|"
        r"full)\s+(?:\w+\s+)?(?:approval|authori[sz]ation)\b",
        r"\bmarketing authori[sz]ation (?:was |has been )?(?:granted|obtained|received)\b",
        r"\bapproved in (?:the )?(?:eu|us|usa|europe|japan|united states)\b",
        r"\bapproved by (?:the )?(?:fda|ema|pmda|mhra|health canada|regulatory authorit\w+|health authorit\w+)\b",
        r"\b(?:became|is now|now) (?:commercially available|available commercially|on the market|marketed)\b",
        r"\bled to (?:its |the )?(?:approval|registration)\b",
        r"\bpositive (?:\w+\s+)?(?:results?|outcomes?|data|findings)\b",
        r"\bsuccess(?:ful|fully)?\b",
        r"\b(?:study|trial|research) (?:objectives?|aims?|goals?) (?:were |was |have been |has been )?(?:met|achieved|"
        r"accomplished|reached)\b",
        r"\bmet (?:its|the|all) (?:study |trial )?objectives?\b",
    ),
    "Endpoint_Met": (
        r"\b(?:(?:primary|efficacy|main)\s+(?:\w+\s+)?(?:end ?points?|outcomes?|objectives?)|end ?points?)\s+"
        r"(?:was |were |has been |have been |had been |is |are )?(?:met|reached|achieved|attained)\b",
        r"\b(?:met|reached|achieved|attained)\s+(?:its|the)\s+(?:\w+\s+)?(?:end ?points?|primary (?:outcomes?|"
        r"objectives?))\b",
        r"\b(?:overwhelming|clear|strong)\s+(?:evidence of\s+)?(?:efficacy|benefit)\b",
        r"\befficacy (?:was |has been |had been )?(?:demonstrated|established|proven|shown|confirmed)\b",
        r"\b(?:stopped|stopping|terminated|terminating|halted|ended)\s+early\s+(?:for|due to|because of)\s+"
        r"(?:overwhelming\s+|clear\s+|proven\s+)?(?:efficacy|benefit)\b",
        r"\bearly (?:stopping|termination) for (?:efficacy|benefit)\b",
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
    ),
    "Covid19": (r"\b(?:covid\w*|sars[- ]?cov[- ]?2|coronavirus|pandemic|2019-ncov)\b",),
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
    "No_Context": "Invalid",
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


def _rewritten(text: pl.Expr) -> pl.Expr:
    """The cleaned, lower-cased text with committees as one token and negated spans blanked."""
    rewritten = (
        text.str.to_lowercase()
        .str.replace_all(r"n't\b", " not")
        .str.replace_all(COMMITTEES, " dsmb ")
        .str.replace_all(CLAUSE_BREAKS, "; $1")
        .str.replace_all(NOT_ACHIEVED, " notmet ")
        .str.replace_all(NOT_APPROVED, " notapproved ")
    )
    for negation in NEGATIONS:
        rewritten = rewritten.str.replace_all(negation, " ~ ")
    return rewritten


def classify(texts: pl.Series) -> pl.DataFrame:
    """(stop_categories, stop_group, note) for each text, in order; a null text gives nulls.

    The rules run once per distinct text: registries repeat their reasons ("Slow accrual") many times."""
    distinct = texts.unique().to_frame("raw").with_columns(text=clean_text(pl.col("raw")))
    lowered = pl.col("text").str.to_lowercase()
    rewritten = pl.col("rewritten")
    flags = distinct.with_columns(rewritten=_rewritten(pl.col("text"))).with_columns(
        **{name: rewritten.str.contains(_any(rules)) for name, rules in CLASS_RULES.items()}
    )
    found = pl.any_horizontal(*CLASS_RULES)
    flags = flags.with_columns(
        Business_Administrative=pl.col("Business_Administrative") | (~found & rewritten.str.contains(SPONSOR_ONLY)),
        Invalid_Reason=~found & lowered.str.contains(_any(INVALID_REASONS)),
    ).with_columns(
        _boilerplate=~pl.any_horizontal(*CLASS_RULES, "Invalid_Reason")
        & ~rewritten.str.replace_all(BOILERPLATE, " ").str.contains(r"\p{L}")
    )
    classified = pl.any_horizontal(*CLASS_RULES, "Invalid_Reason")
    too_long = pl.col("text").str.len_chars() > MAX_LENGTH
    empty = pl.col("text").fill_null("") == ""
    usable = ~too_long & ~empty
    categories = pl.concat_list(
        *(pl.when(name).then(pl.lit(name)) for name in CLASSES if name != "No_Context"),
        pl.when(~classified).then(pl.lit("No_Context")),
    ).list.drop_nulls()
    group = pl.coalesce(
        *(
            pl.when(pl.any_horizontal(*(c for c, g in CLASS_GROUPS.items() if g == name and c in CLASS_RULES))).then(
                pl.lit(name)
            )
            for name in GROUPS[:4]
        ),
        pl.lit("Invalid"),
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
