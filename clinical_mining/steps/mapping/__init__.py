"""Mapping free-text drug and disease labels to vocabulary ids: `labels` (how labels are compared), `lookups`
(the vocabularies as lookup tables, labels resolved against them) and `evidence` (the mapping step)."""
