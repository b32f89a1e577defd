"""Evidence from each source and the final dataset: AACT trials, ChEMBL indications, PMDA, EMA and TTD approvals as
evidence rows (`aact`, `chembl`, `pmda`, `ema`, `ttd`, their columns in `columns`, stages in `stage`), drug
warnings (`warnings`) and the drug-disease pairs of `final_df` (`pairs`)."""
