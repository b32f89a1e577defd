"""Stop reasons: classes and groups by rule, with negations, committees and boilerplate; bad texts counted."""

import polars as pl
import pytest

from benchmarks.stop_reasons import scores
from clinical_mining.step_stats import collecting
from clinical_mining.steps.evidence.pairs import drug_disease_pairs
from clinical_mining.steps.outcomes.arms import ResultsInputError
from clinical_mining.steps.outcomes.stop_reasons import MAX_LENGTH, classify, stop_reasons
from clinical_mining_tests.synthetic.stop_reasons import HELD_OUT, LABELLED

CASES = [
    # (text, group, classes): each group with the cases that make it hard
    ("Toxicity", "Safety", ["Safety_Sideeffects"]),
    ("DSMB recommended termination due to safety concerns", "Safety", ["Safety_Sideeffects"]),
    ("Toxicity and lack of efficacy", "Safety", ["Negative", "Safety_Sideeffects"]),  # safety comes first
    ("Terminated due to adverse events, not due to lack of efficacy", "Safety", ["Safety_Sideeffects"]),
    ("Two treatment-related deaths", "Safety", ["Safety_Sideeffects"]),
    (
        "Data and Safety Monitoring Board recommended stopping for futility; no safety concerns",
        "Negative",
        ["Negative"],
    ),
    ("The study failed to meet its primary endpoint.", "Negative", ["Negative"]),
    ("Primary endpoint not met", "Negative", ["Negative"]),
    ("Futility and poor accrual", "Negative", ["Insufficient_Enrollment", "Negative"]),
    ("Primary endpoint met at the interim analysis", "Success", ["Endpoint_Met", "Interim_Analysis"]),
    ("Study drug was approved by the FDA and is now commercially available.", "Success", ["Success"]),
    ("Low enrollment, not related to safety", "Neutral", ["Insufficient_Enrollment"]),
    (
        "Terminated due to poor enrollment; there were no safety or efficacy concerns.",
        "Neutral",
        ["Insufficient_Enrollment"],
    ),
    ("Did not reach enrollment goal", "Neutral", ["Insufficient_Enrollment"]),
    ("The study was stopped for non-safety related business reasons.", "Neutral", ["Business_Administrative"]),
    (
        "The decision to terminate was not based on safety or efficacy, but on the sponsor's strategic priorities.",
        "Neutral",
        ["Business_Administrative"],
    ),
    ("Terminated by sponsor due to low enrollment", "Neutral", ["Insufficient_Enrollment"]),  # sponsor alone is weak
    ("Terminated by sponsor", "Neutral", ["Business_Administrative"]),
    ("Death of the principal investigator", "Neutral", ["Study_Staff_Moved"]),
    ("Insufficient safety data", "Neutral", ["Insufficient_Data"]),
    ("Not related to safety: COVID-19", "Neutral", ["Covid19"]),
    ("Planned interim analysis; no new safety signals", "Neutral", ["Interim_Analysis"]),
    ("Per DSMB recommendation", "Neutral", ["No_Context"]),  # who stopped it, not why
    ("Data Safety Monitoring Board decision", "Neutral", ["No_Context"]),
    ("Terminated. Not due to safety.", "Neutral", ["No_Context"]),
    ("See detailed description", "Invalid", ["Invalid_Reason"]),  # a pointer elsewhere gives no reason at all
    ("Study completed", "Invalid", ["Invalid_Reason"]),
    ("N/A", "Invalid", ["Invalid_Reason"]),
]

# Real registry texts (real/stop_reasons/why_stopped_dev.tsv, none of them a text of the hand-labelled sample),
# each family of rules with texts that say it without "safety" or "futility", and the texts it must leave alone.
# The registry's runs of spaces are kept.
REAL_CASES = [
    # Safety: a count of patients with a named harm
    (
        "All 3 participants receiving intervention in assessment phase developed seromas",
        "Safety",
        ["Safety_Sideeffects"],
    ),
    (
        "2 DLTs had been reported from first 4 patients on lowest possible dose cohort.",
        "Safety",
        ["Safety_Sideeffects"],
    ),
    ("Retinal vascular occlusion in 2 patients", "Safety", ["Safety_Sideeffects"]),
    ("Mild infusion reactions were observed in two healthy volunteers.", "Safety", ["Safety_Sideeffects"]),
    (
        "The trial prematurely terminated on November 1, 2010, due to healthy volunteer participants   experiencing"
        " non-serious fosamprenavir-related skin rash.",
        "Safety",
        ["Safety_Sideeffects"],
    ),
    # Safety: laboratory findings
    ("Elevation of ALT and AST in some patients.", "Safety", ["Safety_Sideeffects"]),
    ("Increased LFTs", "Safety", ["Safety_Sideeffects"]),
    ("Concern for volume depletion and electrolyte abnormalities in furosemide arm.", "Safety", ["Safety_Sideeffects"]),
    # Safety: more harms than expected, or in one arm
    ("Due to an imbalance in graft infections between groups.", "Safety", ["Safety_Sideeffects"]),
    ("higher rate of post-operative infection in the Dermal Matrix arm of the study", "Safety", ["Safety_Sideeffects"]),
    ("Unacceptable incidence of wound dehiscence in the PDS group", "Safety", ["Safety_Sideeffects"]),
    ("The incidence of AEs was higher than the IB reported.", "Safety", ["Safety_Sideeffects"]),
    ("Due to the high rate of morbidity and mortality", "Safety", ["Safety_Sideeffects"]),
    # Safety: a harm that happened, deaths
    ("Due to thrombosis", "Safety", ["Safety_Sideeffects"]),
    ("Complications to procedure", "Safety", ["Safety_Sideeffects"]),
    ("skin irritation caused by device", "Safety", ["Safety_Sideeffects"]),
    (
        "The parents of two patients enrolled who died, presented a claim against the hospital and the   study was"
        " halted.",
        "Safety",
        ["Insufficient_Enrollment", "Safety_Sideeffects"],
    ),
    # Safety: a risk foreseen, what outweighs the benefit, concerns, tolerability, toxicology
    (
        "The study was prematurely terminated on 06 October 2016 due to the potential risk of further   dosing in"
        " healthy subjects",
        "Safety",
        ["Safety_Sideeffects"],
    ),
    (
        "Increased risk of PML associated with raptiva in other studies",
        "Safety",
        ["Another_Study", "Safety_Sideeffects"],
    ),
    (
        "Terminated by sponsor due to general risk that aranesp caused tumor progression",
        "Safety",
        ["Safety_Sideeffects"],
    ),
    ("Risk to benefit ratio not acceptable", "Safety", ["Safety_Sideeffects"]),
    ("because of withdrawal of Avandia sale due to its risks outweigh its benefits", "Safety", ["Safety_Sideeffects"]),
    ("Due to concerns about potential liver safety (See Detailed Description)", "Safety", ["Safety_Sideeffects"]),
    (
        "Stopped due to concerns about interaction between St. John's wort and Tamoxifen.",
        "Safety",
        ["Safety_Sideeffects"],
    ),
    (
        "Older participants could not tolerate the acidity of the product and withdrew.",
        "Safety",
        ["Safety_Sideeffects"],
    ),
    ("Pre-Clinical Toxicology Findings", "Safety", ["Safety_Sideeffects"]),
    ("New Safety Information", "Safety", ["Safety_Sideeffects"]),
    # Safety: halting rules, reactogenicity, a profile that became unacceptable
    ("Reactogenicity met study halting criteria", "Safety", ["Safety_Sideeffects"]),
    ("study met study halting rules", "Safety", ["Safety_Sideeffects"]),
    ("Protocol stopping criteria (safety) were met.", "Safety", ["Safety_Sideeffects"]),
    (
        "The trial closed for emerging safety profile and futility analysis and will not resume.",
        "Safety",
        ["Negative", "Safety_Sideeffects"],
    ),
    # negated: a denial of harm is no safety stop, and the clause it denies ends where the sentence does
    (
        "Early termination is a sponsor decision. No new safety signal or serious adverse event has been   observed.",
        "Neutral",
        ["Business_Administrative"],
    ),
    (
        '"""There was a change in the Sponsor\'s research strategy; safety concerns were not a factor."""',
        "Neutral",
        ["Business_Administrative"],
    ),
    # enough data collected, in a sentence of its own beside the reason the study stopped for, is its endpoint met:
    # Success by the groups' order, as both readers of the fourth sample labelled it (NCT03397446)
    (
        "Loss of resources due to COVID-19 resulted in insufficient funds to complete the trial as   planned. However,"
        " sufficient data was collected to fulfill the aims of the trial.   Discontinuation is not related to the drug,"
        " its use, or adverse events.",
        "Success",
        ["Business_Administrative", "Covid19", "Endpoint_Met", "Logistics_Resources"],
    ),
    (
        "Terminated prematurely due to issues with one of the data collection systems, no impact on   subject safety",
        "Neutral",
        ["No_Context"],
    ),
    (
        "Lack of resources and loss of personnel precluded study progress. No adverse events or   unanticipated"
        " problems involving risks to subjects.",
        "Neutral",
        ["Logistics_Resources"],
    ),
    (
        "Study terminated on 13 April 2016 for business reasons. No safety and/or efficacy concerns   contributed to"
        " the termination of the study",
        "Neutral",
        ["Business_Administrative"],
    ),
    (
        "1 patient has been enrolled. No complications reported. The research team decided to terminate   the"
        " clinical trial due to insufficient patients' accrual.",
        "Neutral",
        ["Insufficient_Enrollment"],
    ),
    # fewer harms, a population sought, the pandemic's risks and an investigator's death are no safety stop
    (
        "A significant reduction in head injuries coupled with more frequent use of crainectomy reduced   the number of"
        " potential subjects.",
        "Neutral",
        ["No_Context"],
    ),
    (
        "Difficulty enrolling patients with elevated triglycerides under statin treatment",
        "Neutral",
        ["Insufficient_Enrollment"],
    ),
    (
        "In light of the evolving Covid19 pandemic ongoing study recruitment was felt to pose an   unacceptable risk to"
        " patient safety.",
        "Neutral",
        ["Covid19", "Insufficient_Enrollment"],
    ),
    (
        "Study suspended as a precautionary measure, due to COVID-19, as the outbreak poses an increased   risk to"
        " participants, due to potential exposure to the virus through attendance for study   visits.",
        "Neutral",
        ["Covid19"],
    ),
    ("Dr. Ralph Hoffman unexpectedly passed away.", "Neutral", ["Study_Staff_Moved"]),
    ("Physician deceased", "Neutral", ["Study_Staff_Moved"]),
    # committees: the board is who stopped the trial; its reason, when given, is read
    (
        "The Data Safety Monitoring Board (DSMB) recommended study termination for slow accrual and   futility.",
        "Negative",
        ["Insufficient_Enrollment", "Negative"],
    ),
    ("Terminated upon recommendation of the Data Safety Monitoring Board (DSMB)", "Neutral", ["No_Context"]),
    # Negative: no difference, no effect, no response
    ("Interim analysis showed no differences between groups", "Negative", ["Interim_Analysis", "Negative"]),
    ("Lack of statistical difference between both arms of the trial.", "Negative", ["Negative"]),
    ("Analysis showed no clinically or statistically significant effects", "Negative", ["Negative"]),
    (
        "ganaxolone did not significantly reduce spasms after an 8-day placebo control period",
        "Negative",
        ["Negative"],
    ),
    ("Day 90 results indicate IMP did not reduce mortality or ventilator free days", "Negative", ["Negative"]),
    ("Patients did not respond to therapy", "Negative", ["Negative"]),
    ("There were no objective responses by patient 7.", "Negative", ["Negative"]),
    ("Tapering doses protocol arm was not effective for treatment retention outcome.", "Negative", ["Negative"]),
    # Negative: low conditional power or probability of success, unlikely to change the result
    (
        "Independent biostatistician recommended early termination of the trial due to low probability   of success.",
        "Negative",
        ["Negative"],
    ),
    (
        "DSMB review at 50% recruitment, further recruitment unlikely to change result",
        "Negative",
        ["Insufficient_Enrollment", "Negative"],
    ),
    (
        "The Independent Data Monitoring Committee (IDMC) concluded that the probability that the study   will meet"
        " its primary objective is low.",
        "Negative",
        ["Negative"],
    ),
    # Negative: a hypothesis not supported, results not as expected, inconclusive
    (
        "Redundant in-clinic visits increased the workload in virtual follow-up group. An interim   analysis showed"
        " that the study would not support the primary hypothesis",
        "Negative",
        ["Interim_Analysis", "Negative"],
    ),
    ("results were not as hypothesized", "Negative", ["Negative"]),
    (
        "inconclusive results, large inter-individual variation, insufficient statistical power",
        "Negative",
        ["Negative"],
    ),
    ("Results were not promising", "Negative", ["Negative"]),
    ("No positive results were detected", "Negative", ["Negative"]),
    (
        "Preliminary data from this study does not support expected inhibition of GH and IGF-1",
        "Negative",
        ["Negative"],
    ),
    # Negative: endpoints not met, or that will not be
    (
        "Interim analysis showed that the primary endpoint would not be met.",
        "Negative",
        ["Interim_Analysis", "Negative"],
    ),
    (
        "Interim analysis showed primary outcome was not going to be achieved.",
        "Negative",
        ["Interim_Analysis", "Negative"],
    ),
    ("Study DAR-312 did not meet primary co-endpoints", "Negative", ["Negative"]),
    (
        "Neither dose achieved the study's primary or major secondary endpoints. The safety profile was   consistent"
        " with previous ustekinumab studies.",
        "Negative",
        ["Negative"],
    ),
    # ... unless a shortfall of patients is why they will not be
    (
        "Expectation that within the set time period insufficient patients will be included, so   endpoints will not"
        " be achieved",
        "Neutral",
        ["Insufficient_Enrollment"],
    ),
    # Negative: the drug's own failures, not a comparator's
    ("high relapse rate", "Negative", ["Negative"]),
    ("Because a higher rate of virological failures in study versus control arm.", "Negative", ["Negative"]),
    ("due to unexpectedly high rate of relapse in the active comparator arm.", "Neutral", ["No_Context"]),
    # a positive result denied is negative, not Success
    (
        "New data from another study show that a positive result is unlikely.",
        "Negative",
        ["Another_Study", "Negative"],
    ),
    # Success: efficacy shown, endpoints met, positive results, approval
    ("Results showed statistically significant benefit in the experimental group", "Success", ["Endpoint_Met"]),
    (
        "A strong primary outcome crosses the efficacy boundary at the interim analysis",
        "Success",
        ["Endpoint_Met", "Interim_Analysis"],
    ),
    ("Objective of study achieved after interim analysis.", "Success", ["Endpoint_Met", "Interim_Analysis"]),
    ("Study closed due to positive interim results.", "Success", ["Interim_Analysis", "Success"]),
    ("FDA approval received for product, no additional study subjects required.", "Success", ["Success"]),
    ("Study drug became commercially available.", "Success", ["Success"]),
    ("drug now on market", "Success", ["Success"]),
    # approvals to run a study, another product's approval, an endpoint nobody reached: no Success
    (
        "Study suspended due to blood supply challenges. Subsequently approved by FDA to reopen but will   not do so"
        " because of changing clinical need.",
        "Neutral",
        ["No_Context"],
    ),
    ("Alternative product is now approved and available for use.", "Neutral", ["No_Context"]),
    (
        "Enrollment cap reached for current protocol. Revised protocol with additional enrollments has   been approved"
        " by the FDA: further enrollments are pending site activation to the updated   protocol.",
        "Neutral",
        ["Insufficient_Enrollment"],
    ),
    (
        "The study only accrued 4 patients in 2 years, far below target (40). It was closed with no   subject reached"
        " the primary endpoint, thus no results to publish.",
        "Neutral",
        ["Insufficient_Enrollment"],
    ),
    # Endpoint_Met: enough data collected to answer the question
    ("sufficient data collected for analysis", "Success", ["Endpoint_Met"]),
    ("Enough information was gathered in order to answer the primary research question", "Success", ["Endpoint_Met"]),
    ("Successfully obtained sufficient data to complete this research project.", "Success", ["Endpoint_Met"]),
    (
        "Preliminary analysis determined there was sufficient data to support objectives and allow early   completion."
        " The last patient visit occurred on November 6, 2007.",
        "Success",
        ["Endpoint_Met"],
    ),
    (
        "The data from the first 48 patients recruited has now been analysed, and it has been determined   that it is"
        " sufficient to meet the study objectives.",
        "Success",
        ["Endpoint_Met"],
    ),
    (
        '"""Two cohorts successfully completed; further cohorts not needed; no safety issue!"""',
        "Success",
        ["Endpoint_Met"],
    ),
    # ... and beside the reason the study stopped for, in a sentence or clause of its own: Success by the groups'
    # order (the fourth sample's hand labels of NCT03420846 and NCT03397446); not when the same clause says what was
    # not enough ("insufficient funds", "Lack of enrollment during Covid pandemic, however sufficient data"), nor
    # when the text denies the data were enough
    (
        "Funding exhausted. Sufficient data already collected.",
        "Success",
        ["Business_Administrative", "Endpoint_Met"],
    ),
    (
        '"""Halted due to COVID 19; we believe we have adequate data for analysis"""',
        "Success",
        ["Covid19", "Endpoint_Met"],
    ),
    (
        "Lack of enrollment during Covid pandemic, however sufficient data gathered for assessment of   primary"
        " outcome",
        "Neutral",
        ["Covid19", "Insufficient_Enrollment"],
    ),
    ("Unable to accrue enough subjects to analyze data.", "Neutral", ["Insufficient_Enrollment"]),
    ("Not enough patients to conclude", "Neutral", ["Insufficient_Enrollment"]),
    # Endpoint_Met: the objective or goal reached, the question answered, the trial's end or its events reached
    (
        "the actual primary goal - establishment of an approved tissue biobank - was reached. 1000   tissue samples"
        " were collected. No motivation at this time for continuation as originally   planned",
        "Success",
        ["Endpoint_Met"],
    ),
    ("This was an exploratory open-label study and has met its initial objectives", "Success", ["Endpoint_Met"]),
    ("Trial reached a definitive answer ahead of full recruitment.", "Success", ["Endpoint_Met"]),
    (
        "Recruitment was only stopped after the statistical power of the study was reached and the study   objectives"
        " could be met despite the premature discontinuation.",
        "Success",
        ["Endpoint_Met"],
    ),
    ("The trial end was achieved according to the definition in the trial protocol", "Success", ["Endpoint_Met"]),
    (
        "The required number of endpoints will be obtained with a sample size lower than initially   planned.",
        "Success",
        ["Endpoint_Met"],
    ),
    # Endpoint_Met: efficacy shown (the enrolment a success cut short is no enrolment problem)
    (
        "Difference found in interim analysis, not ethical to continue",
        "Success",
        ["Endpoint_Met", "Ethical_Reason", "Interim_Analysis"],
    ),
    ("Study results were too significant", "Success", ["Endpoint_Met"]),
    (
        "Investigators and Ethic Committee endorsed early suspension of the protocol because of   superiority and"
        " safety. For the interim analysys, the statistical methodology presented by   Pocock was followed.",
        "Success",
        ["Endpoint_Met", "Interim_Analysis", "Study_Design"],
    ),
    ("Study group showed better results. Poor Accrual.", "Success", ["Endpoint_Met", "Insufficient_Enrollment"]),
    ("Significant result achieved after enrollment of 31 of planned 50 subjects.", "Success", ["Endpoint_Met"]),
    # Success: a positive interim analysis, a proof of concept, a clearance
    (
        "After a positive interim analysis, the decision was made to terminate the study early to allow   for"
        " participants to enroll into an open label study",
        "Success",
        ["Interim_Analysis", "Success"],
    ),
    ("Successful proof of concept study after 1 subject.", "Success", ["Success"]),
    ("IP received FDA clearance for use in PAE as treatment for BPH.", "Success", ["Success"]),
    # negated and failed forms, another study's result, a safety endpoint: never Success
    (
        "Sufficient evidence of efficacy not met. Discontinuation not based on any safety concerns.",
        "Negative",
        ["Negative"],
    ),
    ("Primary endpoint reached futility boundary", "Negative", ["Negative"]),
    ("There was no clear benefit but numerous side effects.", "Safety", ["Negative", "Safety_Sideeffects"]),
    ("Sponsor decided that the results were not significant enough to continue.", "Negative", ["Negative"]),
    (
        "Based on interim analysis study felt unlikely to reach the primary aim",
        "Negative",
        ["Interim_Analysis", "Negative"],
    ),
    ("Study did not meet pre-specified objectives.", "Negative", ["Negative"]),
    ("The study did not achieve the statistical success to continue.", "Negative", ["Negative"]),
    (
        "36 cases were included and the 4 centers and they are unable to increase their recruitment to   obtain the 400"
        " cases necessary to reach statistical significance.",
        "Neutral",
        ["Insufficient_Enrollment"],
    ),
    (
        "From the interim analysis resulted that more than 1000 patients were required to demonstrate a   significant"
        " difference between the 2 treatments.",
        "Neutral",
        ["Interim_Analysis"],
    ),
    # significance out of reach at the planned size is low conditional power: the hand labels of the same phrasing
    # (NCT00606788 "sample size had to be highly increased to obtain significant outcomes", NCT01937572) are Negative
    (
        "based on interim analysis statistical significance in primary endpoint cannot be achieved with   planned"
        " sample size, no safety concerns",
        "Negative",
        ["Insufficient_Enrollment", "Interim_Analysis", "Negative"],
    ),
    ("Superiority of iv omeprazole to ranitidine has already been proven by others.", "Neutral", ["No_Context"]),
    (
        "Accrual was poor at two other sites and manuscript was published which describing another study   which"
        " accomplished the goals of this project.",
        "Neutral",
        ["Another_Study", "Insufficient_Enrollment"],
    ),
    ("REAL trial showed a significant difference in OS for reduced EOX and standard EOX", "Neutral", ["No_Context"]),
    # the study's own endpoint reached, of safety too, is its question answered, and no harm: the hand labels of
    # "Primary endpoint (Safety) has been achieved" (NCT03827096, NCT03838666) are Endpoint_Met
    ("Study met safety endpoints", "Success", ["Endpoint_Met"]),
    ("Enrollment Goal Not Met", "Neutral", ["Insufficient_Enrollment"]),
    # Invalid_Reason: a pointer to another field and nothing more
    ("See termination reason in detailed description.", "Invalid", ["Invalid_Reason"]),
    ("Please see Detailed Description below for termination reason.", "Invalid", ["Invalid_Reason"]),
    ("See 'Limitations and Caveats' section", "Invalid", ["Invalid_Reason"]),
    ("Please see Brief Summary for Termination Reason.", "Invalid", ["Invalid_Reason"]),
    # ... but a reason beside the pointer is read, and a duplicate entry is a reason
    ("Business Decision (see below)", "Neutral", ["Business_Administrative"]),
    ("The study was terminated based on interim analysis. See detailed description.", "Neutral", ["Interim_Analysis"]),
    ("study entered twice, please see protocol 0120110047", "Neutral", ["No_Context"]),
    ("Due to potential concerns about liver safety (See Detailed Description)", "Safety", ["Safety_Sideeffects"]),
    # Invalid_Reason: completion, a completed enrolment or a target number reached, and nothing more
    ("Accrual Goal Met", "Invalid", ["Invalid_Reason"]),
    ("Recruitment and follow-up has been completed.", "Invalid", ["Invalid_Reason"]),
    ("The maximum of inclusions was reached", "Invalid", ["Invalid_Reason"]),
    ("Administratively complete.", "Invalid", ["Invalid_Reason"]),
    ("End of study", "Invalid", ["Invalid_Reason"]),
    ("Trial completed prematurely.", "Invalid", ["Invalid_Reason"]),
    ("Recruitment finished earlier, because all 40 patients enrolled", "Invalid", ["Invalid_Reason"]),
    ("The study fully enrolled and completed after last patient completed the study", "Invalid", ["Invalid_Reason"]),
    # ... but not beside anything else
    (
        "Study completed by another institution prior to enrollment of first subject.",
        "Neutral",
        ["Insufficient_Enrollment"],
    ),
    ("no patients completed", "Neutral", ["Insufficient_Enrollment"]),
    (
        "Enrollment completed. Outcomes measured after only 1 yr due to loss of funding.",
        "Neutral",
        ["Business_Administrative"],
    ),
    ("Phase I completed. Phase II is cancelled.", "Neutral", ["No_Context"]),
    ("Study stopped and was not completed", "Neutral", ["No_Context"]),
    # Invalid_Reason: a placeholder
    ("Unknown Reason", "Invalid", ["Invalid_Reason"]),
    ("To be confirmed", "Invalid", ["Invalid_Reason"]),
    ("#NAME?", "Invalid", ["Invalid_Reason"]),
    ("Others", "Invalid", ["Invalid_Reason"]),
    ("For various reasons.", "Invalid", ["Invalid_Reason"]),
    # a stop stated without its why stays No_Context
    ("Administratively terminated.", "Neutral", ["No_Context"]),
    ("Study terminated prematurely.", "Neutral", ["No_Context"]),
    ("Investigator decision", "Neutral", ["No_Context"]),
    # Safety: tolerance and tolerability in the registry's spellings, a dose-limiting "tox"
    ("Trial did not move to Phase II portion due to poor tolerance of treatment", "Safety", ["Safety_Sideeffects"]),
    ("Based on the tolerabilty challenges of the combination", "Safety", ["Safety_Sideeffects"]),
    ("lack of efficacy and tolerability", "Safety", ["Negative", "Safety_Sideeffects"]),
    ("Dose limiting tox is observed. Study put on full clinical hold.", "Safety", ["Regulatory", "Safety_Sideeffects"]),
    # Safety: what animal studies found
    ("Terminated due to nonclinical findings", "Safety", ["Safety_Sideeffects"]),
    ("Animal Safety Data", "Safety", ["Safety_Sideeffects"]),
    # Safety: the regulator's and the maker's safety actions
    ("Sirolimus usage discontinued since black box warning", "Safety", ["Safety_Sideeffects"]),
    ("Philips Global Field Safety Notice for PAP Devices & Ventilators", "Safety", ["Safety_Sideeffects"]),
    ("Product class one recall", "Safety", ["Safety_Sideeffects"]),
    ("EMEA recommendation to suspend Acomplia marketing authorisation", "Safety", ["Safety_Sideeffects"]),
    (
        "ANSM decision due to veino occlusive disease (security alert)",
        "Safety",
        ["Regulatory", "Safety_Sideeffects"],
    ),
    # Safety: named harms, in this study or another of the same drug
    (
        "Study was withdrawn due to 2 cases of agranulocytosis in a different clinical trial with this   same drug.",
        "Safety",
        ["Another_Study", "Safety_Sideeffects"],
    ),
    (
        "Infusion reactions during re-induction cycles after a period of no treatment in another study   [P04563,"
        " NCT0358670]",
        "Safety",
        ["Another_Study", "Safety_Sideeffects"],
    ),
    (
        "An excess of all-cause acute health services utilization in the intervention arm",
        "Safety",
        ["Safety_Sideeffects"],
    ),
    (
        "No improvement obtained in 3 cases. Retinal detachment observed in 2 cases",
        "Safety",
        ["Negative", "Safety_Sideeffects"],
    ),
    # Safety: a profile that needed work, safety questioned, raised, or the reason a regulator refused the study
    (
        "A program evaluation identified that the safety profile and pharmacokinetic (PK)   characteristics of the"
        " formulation used in all oprozomib studies required further optimization   and thus enrollment in 2011-001 was"
        " halted.",
        "Safety",
        ["Insufficient_Enrollment", "Safety_Sideeffects"],
    ),
    (
        "Low likelihood to usedrug in clinic practice based on emergining AE profile and data from front   line"
        " clinical trials",
        "Safety",
        ["Safety_Sideeffects"],
    ),
    ("concern of detrimental effect", "Safety", ["Safety_Sideeffects"]),
    (
        "After enrolling 3 participants the safety and efficacy of the planned treatment is   questionable, thus we"
        " decided to terminate the study.",
        "Safety",
        ["Insufficient_Enrollment", "Safety_Sideeffects"],
    ),
    (
        "Previous other study including EPC capture stent raised the issue of safety (significant high   incidence of"
        " instent restenosis)",
        "Safety",
        ["Another_Study", "Safety_Sideeffects"],
    ),
    (
        "Although this study was approved at the Institutional Review Board, Korea Food & Drug   Administration (KFDA)"
        " did not approve this study due to safety concern.",
        "Safety",
        ["Regulatory", "Safety_Sideeffects"],
    ),
    # ... but not a warning denied, tolerability set aside, preclinical data that are no finding, a recall or a
    # withdrawal from the market without its why, nor a marketing authorisation withdrawn for business
    (
        "As no safety warnings were detected,Interim analysis from the first 40 patients reccomends to   stop the trial"
        " for futility",
        "Negative",
        ["Interim_Analysis", "Negative"],
    ),
    (
        "Business decision related to efficacy rather than tolerability limitations, not stopped for any   safety"
        " reasons.",
        "Neutral",
        ["Business_Administrative"],
    ),
    (
        '"""The primary reason for the decision to discontinue the study is lack of enrolment; this   decision is not'
        ' related to any tolerability concerns with Givinostat"""',
        "Neutral",
        ["Insufficient_Enrollment"],
    ),
    (
        "Based on newly available preclinical data we changed the CAR construct to a more effective   version and will"
        " now study that product on a different protocol.",
        "Neutral",
        ["No_Context"],
    ),
    ("Insufficient target engagement of ABT-957 (preclinical data)", "Neutral", ["No_Context"]),
    (
        "Study product voluntarily recalled by sponsor. Listeria identified at the manufacturing   facility (not in"
        " tested finished product).",
        "Neutral",
        ["Logistics_Resources"],
    ),
    ("Raptiva was withdrawn from the market", "Neutral", ["No_Context"]),
    (
        "Recruitment/study discontinued after withdrawal of marketing authorisation. No data entered.",
        "Neutral",
        ["Insufficient_Enrollment"],
    ),
    (
        "EMA withdrew the marketing Authorisation at the request of AGC Biologics S.p.A (formerly MolMed   S.p.A),"
        " which decided to permanently discontinue the marketing of the product for commercial   reasons",
        "Neutral",
        ["Business_Administrative"],
    ),
    # Negative: an endpoint or goal that can no longer be reached, results not good or not favourable
    ("Primary endpoint could no longer be reached.", "Negative", ["Negative"]),
    ("Primary goal not achievable", "Negative", ["Negative"]),
    (
        "Primary endpoint of parent study AC-055-305/MAESTRO (NCT01743001) not met.",
        "Negative",
        ["Another_Study", "Negative"],
    ),
    (
        "The primary endpoint of non-inferiority to daily therapy in the pediatric Phase 3 study was not   achieved",
        "Negative",
        ["Negative"],
    ),
    (
        "Interim analysis did not show good results for main objective",
        "Negative",
        ["Interim_Analysis", "Negative"],
    ),
    (
        "The results from the interim analysis were not favorable to continue this trial.",
        "Negative",
        ["Interim_Analysis", "Negative"],
    ),
    (
        "Study did not meet first stage requirements of interim analysis",
        "Negative",
        ["Interim_Analysis", "Negative"],
    ),
    # Negative: no effect, no responses, minimal activity, a modest change, failures, a Phase 3 failure
    (
        "interim analysis proved that protocol intervention had no preventive effect",
        "Negative",
        ["Interim_Analysis", "Negative"],
    ),
    ("Because there were no responses", "Negative", ["Negative"]),
    ("The number of responders in the test sessions was too low.", "Negative", ["Negative"]),
    (
        "Overall clinical activity (ORR) for oleclumab + durvalumab is minimal across tumor types and   does not"
        " support further evaluation of this doublet.",
        "Negative",
        ["Negative"],
    ),
    (
        "Numerically modest lowering of HbA1c with canakinumab in combination with metformin was   inadequate to"
        " continue patients with T2DM into Period IV of this study.",
        "Negative",
        ["Negative"],
    ),
    (
        "Sponsor decision to terminate because limited investigational agent activity was observed.",
        "Negative",
        ["Negative"],
    ),
    ("Failure rate was 100% in one arm of the study (the intervention)", "Negative", ["Negative"]),
    (
        "Halozyme halted development of PEGPH20 following Phase 3 failure.",
        "Negative",
        ["Business_Administrative", "Negative"],
    ),
    ("Efficacy study indicated that further study is not warranted", "Negative", ["Negative"]),
    (
        "Study stopped early based on interim results of another trial, showing inferior activity of  "
        " pemetrexed/carboplatin compared to etoposide/carboplatin in SCLC.",
        "Negative",
        ["Another_Study", "Interim_Analysis", "Negative"],
    ),
    (
        "Study was terminated in March 2012 due to lack of eficacy in a seperate Phase II study in   patients.",
        "Negative",
        ["Negative"],
    ),
    # ... but an enrolment target out of reach, a screening failure rate and a comparator's failures are not
    (
        "Recruitment targets were unachievable in the currently available population.",
        "Neutral",
        ["Insufficient_Enrollment"],
    ),
    (
        "Accrual did not meet expectations. Over nearly 2 years just 4 subjects were treated on study.   The goal of 30"
        " subjects was not attainable.",
        "Neutral",
        ["Insufficient_Enrollment"],
    ),
    ("Slow enrollment [HIGH SCREEN FAILURE RATE]", "Neutral", ["Insufficient_Enrollment"]),
    (
        "The study was stopped by DSMB based on high treatment failure rate in placebo compared to   active drug.",
        "Neutral",
        ["No_Context"],
    ),
    # Success: a benefit seen, a high response rate, the data needed, objectives obtained, conclusive results,
    # requirements met
    (
        '"""Clinical benefit was noted in the earlier portion of the trial; hence, participants were not   enrolled in'
        ' 2 expansion cohorts and the study was terminated early."""',
        "Success",
        ["Endpoint_Met"],
    ),
    (
        "Discontinuation due to the high response rate at the 1st stage and slow accrual.",
        "Success",
        ["Endpoint_Met", "Insufficient_Enrollment"],
    ),
    ("The required data was obtained and there was no need to collect further data", "Success", ["Endpoint_Met"]),
    ("Data needs met", "Success", ["Endpoint_Met"]),
    ("The number of patients were enough for statistic treatment", "Success", ["Endpoint_Met"]),
    ("Feasibility objectives were obtained", "Success", ["Endpoint_Met", "Logistics_Resources"]),
    (
        "The results concerning amniotic membrane transplantation (n=7) and robot-assisted pterygium   surgery (n=5)"
        " were conclusive",
        "Success",
        ["Endpoint_Met"],
    ),
    ("The study was terminated due to satisfaction of post-marketing commitments", "Success", ["Endpoint_Met"]),
    (
        "Early termination was granted by FDA based on study results meeting the post approval   requirements.",
        "Success",
        ["Endpoint_Met"],
    ),
    # Success: the drug's marketing authorisation, licence or label expansion
    (
        "Study was terminated by sponsor due to market authorization of tocilizumab for the study   population.",
        "Success",
        ["Success"],
    ),
    (
        "Today Entresto treatment has marketing authorization and is available for all patients, that is   the reason"
        " why study was halted prematurely.",
        "Success",
        ["Success"],
    ),
    ("Tocilizumab was licenced in Canada for children, so the study was not necessary", "Success", ["Success"]),
    ("Study was stopped due to approved label expansion of alglucosidase alfa.", "Success", ["Success"]),
    # ... but not another study's conclusive results, a named drug's approval that may be a competitor's, data no
    # longer needed because the asset was dropped, nor a response in the placebo group
    ("Results from sister study at University of the Pacific were conclusive.", "Neutral", ["Another_Study"]),
    ("Concerns about post VTP MRI results being conclusive", "Neutral", ["No_Context"]),
    ("Terminated due to Osimertinib approval", "Neutral", ["No_Context"]),
    (
        "delayed start of the trial, both treatment options already have market authorizations, study   medication"
        " expired",
        "Neutral",
        ["Logistics_Resources"],
    ),
    (
        "This trial was supporting the development of an asset which was terminated, thus the data from   the study"
        " were no longer required.",
        "Neutral",
        ["No_Context"],
    ),
    (
        "Response rate in placebo group for primary outcome was 100% on interim analysis.",
        "Neutral",
        ["Interim_Analysis"],
    ),
    # real dev texts (outside the sample) beside the families added for significant differences and advantages
    # shown, enough data, a purpose achieved, numbered harms, nerve palsies and stopping criteria met
    ("One treatment policy showed an advantage at a very high significance level.", "Success", ["Endpoint_Met"]),
    (
        "The sponsor determined that adequate data had been acquired.",
        "Success",
        ["Business_Administrative", "Endpoint_Met"],
    ),
    (
        "Treatment without success, low enrollment, one serious adverse event",
        "Safety",
        ["Insufficient_Enrollment", "Safety_Sideeffects"],
    ),
    ("ANSM decision due to veino occlusive disease (security alert)", "Safety", ["Regulatory", "Safety_Sideeffects"]),
    # ... and near-misses that must not change: another study's advantage, a purpose no longer held, a stopping
    # rule for futility or for pharmacodynamics, a committee's rule, safety data beside a shortfall, a funding
    # stop with enough patients, a population with cerebral palsy, no significant difference seen
    (
        "Data from other trials failed to demonstrate meaningful survival advantage",
        "Negative",
        ["Another_Study", "Negative"],
    ),
    ("At sponsor's discretion : The purpose of study is no longer maintained", "Neutral", ["Business_Administrative"]),
    ("Met protocol defined stopping rule for futility", "Negative", ["Negative"]),
    ("The study pharmacodynamic stopping criteria were met after the first dosing group", "Neutral", ["No_Context"]),
    (
        "Data Safety Monitoring Board is in agreement with the study findings so far and the stopping   rule has been"
        " met, which suspends the study treatment arms.",
        "Neutral",
        ["No_Context"],
    ),
    (
        "Adequate safety data has been accumulated and the # of patients meeting inclusion criteria has   diminished.",
        "Neutral",
        ["Study_Design"],
    ),
    # the funding's end, and in a sentence of its own a sample sufficient for the analysis: Success by the groups'
    # order, as the fourth sample's readers read enough data beside a business stop
    (
        "Study funding period reached conclusion. Sample size sufficient to complete the analysis on  "
        " benzodiazepines.",
        "Success",
        ["Business_Administrative", "Endpoint_Met"],
    ),
    (
        "No patients have been enrolled since 2015. There has been difficulty recruiting patients for   randomization."
        " We have initiated a prospective cohort study evaluating salvage hip procedures   for patients with cerebral"
        " palsy.",
        "Neutral",
        ["Insufficient_Enrollment"],
    ),
    (
        "After an Interims analysis the Data Safety Monitoring board recommended this because no   significant"
        " difference between the two arms was seen and was not expected with an reasonable   recruitment of"
        " patients.~   No interruptions ",
        "Negative",
        ["Insufficient_Enrollment", "Negative"],
    ),
    # families added after the first hand-labelled sample was read (none of these texts is in either sample): a dose
    # that does not suffice, few responders of many, enough data for a decision, a typo the registry keeps
    # a smaller decline than expected may be the disease's slower course (an underpowered trial), not a failure
    (
        "High dropout, problems recruiting, and smaller than expected decline in FEV1.",
        "Neutral",
        ["Insufficient_Enrollment"],
    ),
    ("Dose specified in protocol was not adequate to achieve optimal resolution.", "Negative", ["Negative"]),
    (
        "According to the protocol, the sponsor terminated the study after it was determined that less   than 2 of"
        " the first 22 patients showed a PSA50 response.",
        "Negative",
        ["Negative"],
    ),
    ("The results are negtive.", "Negative", ["Negative"]),
    # one arm better than the other is read by no rule: the text does not say which arm holds the drug
    ("There was more benefit from the infusion arm compared to the bolus arm.", "Neutral", ["No_Context"]),
    (
        '"""Study terminated.24 subjects enrolled;provided adequate data for decision making."""',
        "Success",
        ["Endpoint_Met"],
    ),
    (
        "Preliminary monotherapy data in relapsed/refractory AML and high-risk MDS did not offer a   sufficiently"
        " encouraging profile for further dose escalation/expansion",
        "Negative",
        ["Negative"],
    ),
    ("safety and efficacy after cohort 5 did not warrant further dose escalation", "Negative", ["Negative"]),
    (
        "Need for improvement of study medication. Safety data collected sufficient. No further gain in   knowledge"
        " expected.",
        "Success",
        ["Endpoint_Met"],
    ),
    # Endpoint_Met: the endpoints settled, no further data or cohorts needed (NCT00544700, NCT00946972)
    (
        "Data collection is completed. As no changes in the endpoints were expected in the future, no   further data"
        " is needed.",
        "Success",
        ["Endpoint_Met"],
    ),
    (
        "No safety signals were noted. The study completed the main phase, additional potential study   cohorts not"
        " required.",
        "Success",
        ["Endpoint_Met"],
    ),
    # Endpoint_Met: enough patients for the outcomes (NCT02204904, NCT01506960), denied ones are enrolment stops
    # (NCT04385264)
    ("Sufficient enrollment for Month 24 safety and efficacy endpoints", "Success", ["Endpoint_Met"]),
    ("It was felt that a sufficient number of subjects were enrolled.", "Success", ["Endpoint_Met"]),
    ("Sufficient number of subjects would probably not reach", "Neutral", ["No_Context"]),
    # Endpoint_Met: the regulator's commitment fulfilled (NCT01194284, NCT00436748), not one released (NCT01130324)
    ("Regulatory agency commitment fulfilled.", "Success", ["Endpoint_Met", "Regulatory"]),
    (
        "FDA and EMA agreed that the information that had been submitted to date was acceptable to meet   the"
        " requirements of the post-marketing commitment.",
        "Success",
        ["Endpoint_Met"],
    ),
    ("Released by he FDA from this Post-Marketing Commitment", "Neutral", ["No_Context"]),
    # Endpoint_Met: a dose-finding study's dose found (NCT02721056), not one not identified (NCT00996892) nor one the
    # study stopped before (NCT03195764)
    (
        "The RP2D for intratumoral injection was determined. With the changing practice of medicine for   HCC, it was"
        " decided to design an independent Phase II clinical study.",
        "Success",
        ["Endpoint_Met"],
    ),
    (
        "A recommended Phase 2 dose and schedule was not identified and the study was terminated before   initiation"
        " of Stage 2B.",
        "Neutral",
        ["No_Context"],
    ),
    (
        "The study was terminated before the primary endpoint (determination of MTD) was reached because   the OPC"
        " form is to be replaced with the newly developed capsule form in all subsequent clinical   trials.",
        "Neutral",
        ["Another_Study"],
    ),
    # Endpoint_Met: qualitative data saturation (NCT03593876), not a regimen's "saturation" (NCT02887196); a method
    # not validated (NCT01737892), a question unanswered (NCT03311568)
    ("Given the design of the study, we reached saturation with a sample of 16", "Success", ["Endpoint_Met"]),
    (
        "Saturation of a particular breast cancer treatment regimen enrolled. We will need to reexamine  "
        " inclusion/exclusion criteria in future studies.",
        "Neutral",
        ["Insufficient_Enrollment", "Study_Design"],
    ),
    ("unable to validate analytical method", "Neutral", ["No_Context"]),
    (
        "Researcher has quit. Question still unanswered. A related study (observational, not to be   registered) has"
        " started recently.",
        "Neutral",
        ["Another_Study"],
    ),
    # Success: significantly fewer deaths in an arm (NCT02490384); the drug's approval given alone (NCT04541576), an
    # approval not received is Regulatory (NCT02062996, NCT01151748)
    ("due to significant decrease of perinatal mortality in the cerclage group", "Success", ["Endpoint_Met"]),
    ("FDA Approval", "Success", ["Success"]),
    ("Could not receive FDA approval for IND", "Neutral", ["Regulatory"]),
    ('"""Study abandoned; Could not obtain final SRC approval due to IND disagreements"""', "Neutral", ["Regulatory"]),
    # Endpoint_Met: the sample size the analysis needs reached (NCT00511628), not the required number not met
    # (NCT01533844, NCT02241148, NCT00441168) nor an enrolment's maximum or target (NCT01894204, NCT03042312)
    (
        "Due to the achievement of minimum required sample size and new changes in local regulations.",
        "Success",
        ["Endpoint_Met"],
    ),
    ("Terminated due to the fact that the required number of trial subjects was not met.", "Neutral", ["No_Context"]),
    ("Required number of participants were not able to be enrolled.", "Neutral", ["Insufficient_Enrollment"]),
    (
        "TRIAL STOPPED due to a change in standard of care and the required patient numbers could no   longer be"
        " achieved",
        "Neutral",
        ["No_Context"],
    ),
    ("The maximum of inclusions was reached", "Invalid", ["Invalid_Reason"]),
    ("Recruitment was stopped before the target sample size was achieved.", "Neutral", ["Insufficient_Enrollment"]),
    # Endpoint_Met: the primary objective considered met, the primary analysis done (NCT01264484, NCT00476996,
    # NCT02034916, NCT02975336), the data already gathered enough for the decision (NCT02971436); not beside a
    # business decision or the pandemic (NCT01137552, NCT03978416), nor with no analysis done (NCT02080416)
    ("The primary objective was considered sufficient for follow-up.", "Success", ["Endpoint_Met"]),
    (
        '"""Recruitment was fully completed for this study; however, the study was terminated during   conduct after'
        ' the primary endpoint analysis was completed."""',
        "Success",
        ["Endpoint_Met"],
    ),
    ("Primary Analysis and study completed. Not stopped due to safety concerns.", "Success", ["Endpoint_Met"]),
    ('"""Study is completed; primary analysis completed."""', "Success", ["Endpoint_Met"]),
    ("project progression decision was able to be made with the data already gathered", "Success", ["Endpoint_Met"]),
    (
        "Part A, the dose escalation and primary objective of the study, was completed. Part B, the dose   expansion,"
        " was not conducted due to a business decision.",
        "Neutral",
        ["No_Context"],
    ),
    ("The study was terminated due to the SARS-CoV-2 pandemic. Aim 1 was completed.", "Neutral", ["Covid19"]),
    (
        '"""Very slow accrual; terminated to allow resources to be utilized more effectively on other   studies. No'
        ' data analysis completed, nor any conclusions reached."""',
        "Neutral",
        ["Another_Study", "Insufficient_Enrollment", "Logistics_Resources"],
    ),
    # Success: the study's end the protocol set on the drug's commercial availability (NCT02435836); a stopping
    # criterion met does not say whether for harm or for benefit (NCT01747408)
    ("Study terminated when aripiprazole available commercially per protocol", "Success", ["Success"]),
    ("The study met the pre-specified criteria for stopping the trial", "Neutral", ["No_Context"]),
    # enough data beside the pandemic is a pandemic stop (NCT03592784), and a result judged settled by further
    # recruitment "unlikely to change" it stays Negative (NCT00337792)
    (
        "Lack of enrollment during Covid pandemic, however sufficient data gathered for assessment of   primary"
        " outcome",
        "Neutral",
        ["Covid19", "Insufficient_Enrollment"],
    ),
    (
        "DSMB review at 50% recruitment, further recruitment unlikely to change result",
        "Negative",
        ["Insufficient_Enrollment", "Negative"],
    ),
]

# Phrasings of the Success families that the dev texts outside the hand-labelled sample hardly hold, and their
# negated and failed forms
CONSTRUCTED_SUCCESS = [
    "The study met its primary endpoint",
    "Study met primary endpoint at interim analysis",
    "Statistical significance reached at the interim analysis",
    "Study stopped after reaching statistical significance",
    "The required number of events was reached",
    "Study reached the pre-specified number of events",
    "Early termination for efficacy",
    "Trial stopped for efficacy at the second interim analysis",
    "End of study reached",
    "The study met its goal",
    "The goal of the study was achieved",
    "The study answered its primary question",
    "Enough data has been collected to answer the study question",
    "Superiority demonstrated",
    "Non-inferiority demonstrated",
    "The drug was shown to be effective",
    "The study was successful",
    "Positive primary endpoint",
    "The drug was approved so the trial was no longer needed",
    "Clinical benefit was observed",
    "The results were conclusive",
    "The product has received marketing authorisation",
    "Significant differences were observed between the groups",
    "Survival advantage was demonstrated at the interim analysis",
    "Superior effect of the new treatment",
    "Sufficient data on the dose response had been obtained from the first cohort",
    "The interim analysis showed the sample size sufficient for the final analysis",
    "The main purpose of the study has been achieved",
    "Primary endpoint (safety) has been achieved",
    "The DSMB recommended early termination due to efficacy",
    "The DMC recommended stopping the study for efficacy",
    "The drug proved effective",
    "The vaccine was highly effective against the infection",
    "The efficacy of the drug was confirmed at the interim analysis",
    "Predefined efficacy criteria met",
    "The stopping boundary for efficacy was crossed",
    "Met the pre-specified criteria for efficacy",
    "The experimental arm was superior",
    "Treatment was superior to placebo",
    "Study results were positive",
    "The treatment effect was larger than expected",
    "Study question answered",
    "With 40 patients the score has been validated",
    "Sufficient enrollment achieved for outcome measures",
    "We do not expect any changes to the endpoints with longer follow-up",
    "No further patients are needed",
    "Thematic saturation was reached",
    "The maximum tolerated dose was determined",
]
CONSTRUCTED_NOT_SUCCESS = [
    "The study did not meet its primary endpoint",
    "Unlikely to reach the primary endpoint",
    "Insufficient data",
    "Not enough data to answer the study question",
    "There was not sufficient data to draw conclusions",
    "Unable to collect sufficient data",
    "The endpoint could not be reached due to low enrolment",
    "Study would not have enough data to meet its objectives",
    "Goal of the study was not reached",
    "Statistical significance could not be reached with the planned sample size",
    "More patients would be needed for reaching statistical significance",
    "Not reaching statistical significance",
    "Superiority could not be demonstrated",
    "Failed to demonstrate non-inferiority",
    "Benefit has not been shown",
    "Superiority has already been proven by others",
    "Benefit of drug X was demonstrated in a published trial",
    "Drug shown to be effective in another trial",
    "Interim analysis showed a significant difference in favour of placebo",
    "The required number of events could not be reached",
    "Event target not reached in time",
    "End of study not reached",
    "The trial end was not achieved",
    "Study was not successful",
    "Lack of success",
    "Results were not positive",
    "Low enrollment; sufficient data for the primary analysis had been collected",
    "Study stopped due to efficacy reasons",
    "Recruitment goal reached",
    "Clinical benefit was not observed",
    "No clinical benefit was noted",
    "Benefit was seen in the placebo group",
    "Results were not conclusive",
    "Results of another study were conclusive",
    "The drug was not licensed in Canada",
    "High response rate in the placebo arm",
    "No significant differences were observed between the groups",
    "Superior effect of placebo",
    "Advantage demonstrated by another study",
    "Insufficient data on the dose response had been obtained",
    "The study was terminated before the primary endpoint was reached",
    "Never received FDA approval",
    "The drug was not effective",
    "The vaccine was as effective as the comparator",
    "Proven effective treatments are now available",
    "Other treatments were shown to be effective in a recent trial",
    "Placebo was superior to the study drug",
    "The study drug was not superior to placebo",
    "Results of the other trial were positive",
    "Results were favorable for placebo",
    "Met the futility criteria for efficacy",
    "Study was not stopped for efficacy",
    "Terminated due to efficacy concerns",
    "The efficacy of the drug was shown in other studies",
    "The treatment effect was larger than expected in the placebo arm",
    "Research question not answered",
    "The assay has not been validated",
    "The questionnaire was validated in a previous study",
    "The MTD was not reached",
    "Terminated before the MTD was determined",
    "Lack of sufficient enrollment",
    "Unable to achieve sufficient enrollment for the primary endpoint",
    "Sufficient enrollment was not achieved",
    "A sufficient number of patients could not be enrolled",
    "No further patients could be recruited",
    "No further data could be collected due to funding",
    "The information was not acceptable to meet the requirements of the post-marketing commitment",
    "Significant reduction of mortality in the control group",
    "Significant decrease in the number of eligible patients",
    "Oxygen saturation reached 90%",
]


@pytest.mark.parametrize(("text", "group", "classes"), CASES)
def test_each_group_with_its_hard_cases(text: str, group: str, classes: list[str]) -> None:
    row = classify(pl.Series([text])).row(0, named=True)
    assert (row["stop_group"], sorted(row["stop_categories"]), row["note"]) == (group, classes, None)


@pytest.fixture(scope="module")
def real_labels() -> dict[str, tuple[str, list[str]]]:
    """The real texts' (group, classes), read in one call."""
    texts = [text for text, _, _ in REAL_CASES]
    rows = classify(pl.Series(texts)).select("stop_group", "stop_categories").rows()
    return {text: (group, sorted(classes)) for text, (group, classes) in zip(texts, rows, strict=True)}


@pytest.mark.parametrize(("text", "group", "classes"), REAL_CASES)
def test_real_texts_of_each_family(
    real_labels: dict[str, tuple[str, list[str]]], text: str, group: str, classes: list[str]
) -> None:
    assert real_labels[text] == (group, classes)


def test_a_reason_without_its_why_is_neutral_and_only_no_reason_is_invalid() -> None:
    """No_Context ("terminated by sponsor", "per DSMB recommendation", "PI decision") is Neutral, as in Open
    Targets' class table; Invalid is a text that gives no reason at all."""
    texts = ["Per DSMB recommendation", "PI decision", "Investigator's decision", "Terminated", "Study completed", "0"]
    rows = classify(pl.Series(texts)).select("stop_group", "stop_categories").rows()
    assert rows == [("Neutral", ["No_Context"])] * 4 + [("Invalid", ["Invalid_Reason"])] * 2


def test_negative_and_safety_are_precise_on_both_labelled_sets() -> None:
    assert len(LABELLED) >= 300
    for labelled in (LABELLED, HELD_OUT):
        table = scores(labelled).filter(level="group")
        precision = dict(table.select("name", "precision").iter_rows())
        assert precision["Negative"] >= 0.9 and precision["Safety"] >= 0.9
    classes = {label for _, labels in LABELLED for label in labels}
    assert len(classes) == 17  # every Open Targets class is in the labelled set


def test_success_phrasings_and_their_negated_forms() -> None:
    groups = classify(pl.Series(CONSTRUCTED_SUCCESS + CONSTRUCTED_NOT_SUCCESS))["stop_group"].to_list()
    assert groups[: len(CONSTRUCTED_SUCCESS)] == ["Success"] * len(CONSTRUCTED_SUCCESS)
    not_success = dict(zip(CONSTRUCTED_NOT_SUCCESS, groups[len(CONSTRUCTED_SUCCESS) :], strict=True))
    assert [text for text, group in not_success.items() if group == "Success"] == []


def test_harms_named_in_new_ways_and_stopping_criteria_met_for_vital_signs() -> None:
    texts = [
        "Stopping criteria met with regard to vital signs",
        "Two isolated events of seizure",
        "Facial nerve palsy in two patients",
        "Stopped for one complication event",
    ]
    assert classify(pl.Series(texts))["stop_group"].to_list() == ["Safety"] * len(texts)
    # a safety endpoint reached, a stopping rule for efficacy and a condition studied are not harms
    near = ["Primary endpoint (safety) has been achieved", "Stopping rules were met for efficacy", "Cerebral palsy"]
    assert "Safety" not in classify(pl.Series(near))["stop_group"].to_list()


def test_no_reason_at_all_is_invalid_and_a_stop_without_its_why_is_not() -> None:
    """A pointer elsewhere, a completion, a placeholder or a date is Invalid_Reason; who stopped the study, or that
    it stopped, is No_Context, even beside a pointer."""
    invalid = ["Please see above", "Completed as planned", "completed as scheduled in March 2012", "March 2015", "xxx"]
    no_context = ["PI decision", "Terminated", "Per DSMB. See detailed description.", "Study terminated prematurely."]
    rows = classify(pl.Series(invalid + no_context)).select("stop_group", "stop_categories").rows()
    assert rows == [("Invalid", ["Invalid_Reason"])] * len(invalid) + [("Neutral", ["No_Context"])] * len(no_context)


def test_a_text_no_rule_reads_is_no_context_with_a_note() -> None:
    row = classify(pl.Series(["Hurricane damage to the building"])).row(0, named=True)
    assert (row["stop_group"], row["stop_categories"], row["note"]) == ("Neutral", ["No_Context"], "no rule matched")


def test_labels_do_not_depend_on_order_or_repetition() -> None:
    texts = [text for text, _ in LABELLED[:60]]
    once = classify(pl.Series(texts))
    shuffled = classify(pl.Series(list(reversed(texts)) * 2))
    assert shuffled.head(60).reverse().equals(once) and shuffled.slice(60).reverse().equals(once)


STUDIES = pl.DataFrame(
    {
        "nct_id": ["NCT00000001", "NCT00000002", "NCT00000003", "NCT00000004", "NCT00000005", "NCT00000006"],
        "overall_status": ["TERMINATED", "SUSPENDED", "WITHDRAWN", "COMPLETED", "TERMINATED", "TERMINATED"],
        "why_stopped": [
            "Slow\x0baccrual\x1f at\x07 all sites",
            "Participants receive the study drug; adverse events are recorded at every visit. " * 70,
            "\x07\x08",
            "Toxicity",  # a completed study's leftover text: not a stopped study
            None,
            "Unacceptable toxicity",
        ],
    }
)


def test_stopped_studies_with_control_characters_and_a_shifted_field() -> None:
    with collecting() as figures:
        result = stop_reasons(STUDIES.lazy())
    assert result["studyId"].to_list() == ["NCT00000001", "NCT00000002", "NCT00000003", "NCT00000006"]
    rows = {row["studyId"]: row for row in result.iter_rows(named=True)}
    assert rows["NCT00000001"]["stop_categories"] == ["Insufficient_Enrollment"]
    assert rows["NCT00000001"]["why_stopped"] == STUDIES["why_stopped"][0]  # kept as written
    long = rows["NCT00000002"]  # it names adverse events: read as a reason, it would be a safety stop
    assert len(long["why_stopped"]) > MAX_LENGTH
    assert (long["stop_group"], long["stop_categories"]) == (None, None)
    assert long["note"].startswith("longer than 1000 characters")
    assert rows["NCT00000003"]["note"] == "no text once control characters are removed"
    assert rows["NCT00000006"]["stop_group"] == "Safety"
    assert figures["texts_given"] == 5
    assert figures["texts_of_studies_not_stopped"] == 1
    assert figures["texts_with_control_characters"] == 2
    assert (figures["skipped/too_long"], figures["skipped/empty_after_cleaning"]) == (1, 1)
    assert (figures["group/Safety"], figures["group/Neutral"], figures["studies"]) == (1, 1, 4)


def test_statuses_are_configurable_and_a_missing_column_is_named() -> None:
    completed = stop_reasons(STUDIES.lazy(), statuses=["COMPLETED"])
    assert completed.select("studyId", "stop_group").rows() == [("NCT00000004", "Safety")]
    with pytest.raises(ResultsInputError, match=r"studies lacks column\(s\) why_stopped that stop_reasons read"):
        stop_reasons(STUDIES.drop("why_stopped").lazy())


def test_final_df_counts_the_studies_stopped_for_safety_and_for_efficacy_for_the_drug_they_test() -> None:
    evidence = pl.DataFrame(
        {
            "studyId": ["NCT1", "NCT2", "NCT3", "NCT1"],
            "source": ["AACT"] * 4,
            "url": ["https://clinicaltrials.gov/study/NCT1"] * 4,
            "drug_name": ["drug a", "drug a", "drug a", "drug b"],
            "disease_name": ["asthma"] * 4,
            "drug_id": ["CHEMBL1", "CHEMBL1", "CHEMBL1", "CHEMBL2"],
            "disease_id": ["EFO_1"] * 4,
            "drug_vocabulary_name": [None] * 4,
            "disease_vocabulary_name": [None] * 4,
            "clinical_stage": ["PHASE_2"] * 4,
        }
    )
    stops = pl.DataFrame({"studyId": ["NCT1", "NCT2", "NCT3"], "stop_group": ["Safety", "Negative", "Neutral"]})
    # drug b is NCT1's comparator: the study's safety stop is drug a's, not drug b's (this test once counted it
    # for both, which is what a user of the counts must never read)
    roles = pl.DataFrame(
        {
            "studyId": ["NCT1", "NCT2", "NCT3", "NCT1"],
            "drug_key": ["CHEMBL1", "CHEMBL1", "CHEMBL1", "CHEMBL2"],
            "role": ["INVESTIGATIONAL", "INVESTIGATIONAL", "INVESTIGATIONAL", "ACTIVE_COMPARATOR"],
        }
    )
    final = drug_disease_pairs(evidence, stop_reasons=stops, trial_roles=roles)
    counts = final.select("drug_id", "stopped_for_safety", "stopped_for_efficacy").rows()
    assert counts == [("CHEMBL1", 1, 1), ("CHEMBL2", 0, 0)]
    without = drug_disease_pairs(evidence)
    assert without.select("stopped_for_safety", "stopped_for_efficacy").sum().row(0) == (0, 0)
    # an evidence row without any drug label keys its pair by null: its stops count there too (the counts are
    # taken apart from the grouping and joined back by key, null to null)
    nameless = evidence.head(1).with_columns(pl.lit(None, pl.String).alias(c) for c in ("drug_name", "drug_id"))
    final = drug_disease_pairs(pl.concat([evidence, nameless]), stop_reasons=stops)
    assert final.filter(pl.col("drug_name").is_null())["stopped_for_safety"].to_list() == [1]


def test_significance_and_results_denied_or_out_of_reach_are_no_success() -> None:
    """The significance and result families read a positive finding; the same words denied, still to be reached
    or in the comparator's favour are negative or nothing, never Success."""
    texts = {
        "Significant differences were not observed": "Negative",
        "Statistically significant results were not obtained": "Negative",
        "No satisfactory results": "Negative",
        "Results were not satisfactory": "Negative",
        "Not enough patients to obtain significant results": "Neutral",
        "More benefit in the placebo arm compared to the active arm": "Neutral",
        "A bigger sample size was needed to find a significant difference": "Neutral",
        "The study achieved the stated objective": "Success",
        "Interim review showed a statistically significant treatment effect": "Success",
    }
    assert dict(zip(texts, classify(pl.Series(list(texts)))["stop_group"], strict=True)) == texts


def test_another_treatments_success_is_not_the_drugs() -> None:
    """A real text of the third sample (NCT02768558) that the rules read as Success: another treatment found
    efficacious is a reason to stop, not this study's result; the drug's own is still read."""
    texts = {
        "Another treatment found efficacious": "Neutral",
        "An alternative therapy was proven effective": "Neutral",
        "Other drugs were shown effective in the meantime": "Neutral",
        "The drug proved effective": "Success",
        # other treatments named beside the drug's own finding are no guard (a fresh-eyes review's texts)
        "Objectives of the study were met. Other treatment options now available to participants": "Success",
        "The drug was shown to be effective; participants were allowed to switch to other medications": "Success",
        "Drug proved efficacious, superior to alternative treatments": "Success",
        "Benefit demonstrated over the other drug": "Success",
        "Objective met: the treatment was more effective than similar products": "Success",
        "Study objective met; patients transitioned to another treatment": "Success",
    }
    assert dict(zip(texts, classify(pl.Series(list(texts)))["stop_group"], strict=True)) == texts


def test_a_review_of_safety_and_efficacy_is_interim_and_a_safety_review_is_safety() -> None:
    texts = {
        "Study suspended while data is reviewed for safety and efficacy.": ("Neutral", ["Interim_Analysis"]),
        "Terminated after an interim analysis of efficacy and safety data did not warrant continuation": (
            "Negative",
            ["Interim_Analysis", "Negative"],
        ),
        "Terminated based on the DMC's safety review": ("Safety", ["Safety_Sideeffects"]),
        # a review of safety data says when, and the futility found says why
        "Following DSMB review of safety data, the study was stopped for futility": ("Negative", ["Negative"]),
        "Safety and efficacy concerns": ("Safety", ["Negative", "Safety_Sideeffects"]),
    }
    rows = classify(pl.Series(list(texts))).select("stop_group", pl.col("stop_categories").list.sort()).rows()
    assert dict(zip(texts, rows, strict=True)) == {text: (group, classes) for text, (group, classes) in texts.items()}


def test_the_new_families_leave_alone_what_a_reviewer_tried_against_them() -> None:
    """Texts written by a reviewer against this round's families (denials after the phrase, another reason to stop,
    the comparator's arm, a population at risk, an enrolment goal): none is a false Safety, Negative or Success."""
    texts = {
        "Funding insufficient to support continuation of the study": "Neutral",
        "Study objectives could not be achieved due to the COVID-19 pandemic": "Neutral",
        "Lack of conclusive results because of the COVID-19 pandemic": "Neutral",
        "Statistical significance cannot be achieved with the planned sample size due to slow accrual": "Neutral",
        "Terminated due to slow enrollment following an interim safety review": "Neutral",
        "The rate of fatal and non-fatal cardiovascular events was lower than expected": "Neutral",
        "No fatal cases; closed for poor accrual": "Neutral",
        "No intolerability was observed; stopped for slow enrollment": "Neutral",
        "None of the participants reported pain": "Neutral",
        "Significant reduction in enrollment rate": "Neutral",
        "Significant results would require three times the planned sample size": "Neutral",
        "Significant improvement in placebo group": "Neutral",
        "The results were significant for the secondary endpoint but not for the primary endpoint": "Neutral",
        "Sufficient power could not be reached": "Neutral",
        "The study lacks sufficient power": "Neutral",
        "Goal reached": "Invalid",
        "Achieved the goal of enrolling 40 subjects": "Invalid",
        "The interim goal was met; the sponsor discontinued the program for strategic reasons": "Neutral",
        "Evident superiority of the standard treatment": "Neutral",
        "Review of negative efficacy and safety results": "Negative",
        "Monitoring for safety and efficacy concerns led to termination": "Safety",
        "Patients at increased cardiovascular risk were difficult to recruit": "Neutral",
        "Lower than expected response in the placebo group": "Neutral",
    }
    assert dict(zip(texts, classify(pl.Series(list(texts)))["stop_group"], strict=True)) == texts


def test_enough_reached_an_analysis_done_and_an_effect_for_a_cohort_are_success() -> None:
    """The families of successful stops the registry says in few words, each beside what only looks like it: enough
    (data, subjects, acquisitions, proof of concept) denied, awaited or named beside another reason, the number the
    analysis needs not reached, another study's result, a futility found with enough data, a stopping criterion."""
    texts = {
        # enough, the required number (events almost reached), or more than needed through the study
        "Enough subjects had already completed the study": "Success",
        "Sufficient acquisitions were obtained": "Success",
        "Minimum required sample size achieved": "Success",
        "The number of participants needed was reached": "Success",
        "The required number of events was almost reached": "Success",
        "The study has enrolled enough patients to address the primary objective": "Success",
        # the primary objective considered met, the primary analysis done, further follow-up not needed
        "Primary objective considered met": "Success",
        "Study terminated following completion of the primary analysis": "Success",
        "Follow-up after the primary analysis is no longer needed": "Success",
        "More mature data will not alter the study outcome": "Success",
        "Conclusive results obtained": "Success",
        "Sufficient proof of concept obtained": "Success",
        "Cohort 1 showed a clinically meaningful benefit": "Success",
        "Protocol-defined end of study criterion reached": "Success",
        # traps
        "Insufficient number of subjects completed the study": "Neutral",
        "Not enough patients were enrolled": "Neutral",
        "Could not reach the required number of patients": "Neutral",
        "The minimum number of patients required could not be enrolled": "Neutral",
        "Minimum required sample size not achieved": "Neutral",
        "Terminated before the required number of events was reached": "Neutral",
        "Suspended until sufficient data are collected": "Neutral",
        "It would take too long to collect sufficient data for the primary endpoint": "Neutral",
        "Sufficient proof of concept was not obtained": "Neutral",
        "No primary analysis was performed": "Neutral",
        "Primary analysis will be performed when all patients complete": "Neutral",
        "No conclusive results were obtained": "Negative",
        "No patient showed a clinically meaningful response": "Neutral",
        "Results from another study were conclusive": "Neutral",
        "Enough data available from other studies": "Neutral",
        "The DSMB recommended termination": "Neutral",
        "Enough data collected to show futility": "Negative",
        "Sufficient data collected; funding ended": "Success",  # its own clause: Endpoint_Met beside a business stop
        "Insufficient funding, although sufficient data were collected": "Success",  # "although" opens a clause
        "Sufficient funding was not available; data collection stopped": "Neutral",  # enough funding, denied
        "Insufficient number of adverse events": "Neutral",  # too few outcome events (NCT01586026): no harm
        "Lower than required number of events observed": "Neutral",  # the events needed, not reached
        "Terminated: Sponsor decision following Primary Analysis": "Neutral",  # its outcome not said (NCT01077154)
        "The study goals were accomplished by a similar study": "Neutral",  # another study's (NCT00483210)
        "The study goals were accomplished": "Success",
        "Stopping criterion met": "Neutral",
    }
    assert dict(zip(texts, classify(pl.Series(list(texts)))["stop_group"], strict=True)) == texts


def test_what_a_reviewer_wrote_against_the_fourth_samples_families() -> None:
    """Texts a reviewer wrote against the families of successful stops added with the fourth sample: an analysis
    done without saying how it came out, the comparator's arm as the subject, what is not needed because of
    something else, enough that is in doubt, a pause, a criterion met because of a shortfall, harms that happened
    in small numbers. Beside them, the real texts (NCT ids) the families were written for still read as Success."""
    texts = {
        "Achievement of minimum required sample size was not possible": "Neutral",
        "Protocol-specified criteria for closure of the trial were met due to slow accrual": "Neutral",
        "After the primary analysis was conducted, the DSMB recommended termination": "Neutral",
        "Study terminated because the primary analysis was performed on an unblinded dataset": "Neutral",
        "The primary analysis was completed without the required number of events; study stopped": "Neutral",
        "Terminated because the primary analysis was done by another group": "Neutral",
        "Placebo patients demonstrated a clinically meaningful improvement over drug": "Neutral",
        "Control group showed a clinically meaningful benefit": "Neutral",
        "No further follow-up needed due to device recall": "Neutral",
        "Additional follow-up not required per regulatory authority request": "Neutral",
        "It is unclear whether the site has enough patients to continue": "Neutral",
        "Number of patients required for the interim analysis was reached; study on hold pending analysis": "Neutral",
        "Enrollment on hold until the interim analysis; sufficient patients randomized to perform it": "Neutral",
        "Study stopped because of a small number of serious adverse events": "Safety",
        "A small number of serious adverse events occurred and the sponsor decided to terminate the study": "Safety",
        # real texts
        "Primary analysis was completed in 2015 and data collection post 1-Jul-2019 was not reportable   due to local"
        " regulations in China.": "Success",  # NCT00508274
        '"""Study is completed; primary analysis completed."""': "Success",  # NCT02975336
        "Primary endpoint reached, slow accrual, leakage around": "Success",  # NCT00661570
        "Upon interim analysis, sufficient data was accrued to assess study hypotheses.": "Success",  # NCT00868790
        "Drug showed a clinically meaningful benefit over placebo": "Success",
    }
    assert dict(zip(texts, classify(pl.Series(list(texts)))["stop_group"], strict=True)) == texts
