"""Real drugs and diseases with their public identifiers, used to build the embedded sample and test data.

Ids are ChEMBL molecule ids and EFO / MONDO / HP ids as published by ChEMBL and the Open Targets platform,
and MeSH descriptor ids as published by the NLM. Only entities whose ids the authors know well are listed;
see clinical_mining/sample_data/README.md for what that means and how to report a wrong id.
"""

from typing import NamedTuple


class Drug(NamedTuple):
    chembl_id: str
    name: str
    synonyms: tuple[str, ...] = ()
    trade_names: tuple[str, ...] = ()
    salts: tuple[tuple[str, str], ...] = ()  # (ChEMBL id, name) of salts whose parent is this drug


class Disease(NamedTuple):
    efo_id: str  # Open Targets spelling, with "_"
    name: str
    exact_synonyms: tuple[str, ...] = ()
    mesh_id: str | None = None
    mesh_heading: str | None = None


DRUGS: tuple[Drug, ...] = (
    Drug("CHEMBL1431", "METFORMIN", ("Metformin",), ("Glucophage",), (("CHEMBL1703", "METFORMIN HYDROCHLORIDE"),)),
    Drug("CHEMBL25", "ASPIRIN", ("Acetylsalicylic acid",), ("Ecotrin",)),
    Drug("CHEMBL941", "IMATINIB", ("Imatinib",), ("Gleevec", "Glivec"), (("CHEMBL1642", "IMATINIB MESYLATE"),)),
    Drug("CHEMBL1487", "ATORVASTATIN", ("Atorvastatin",), ("Lipitor",)),
    Drug("CHEMBL1336", "SORAFENIB", ("Sorafenib",), ("Nexavar",)),
    Drug("CHEMBL112", "PARACETAMOL", ("Acetaminophen",), ("Tylenol",)),
    Drug("CHEMBL521", "IBUPROFEN", ("Ibuprofen",), ("Advil", "Motrin")),
    Drug("CHEMBL1064", "SIMVASTATIN", ("Simvastatin",), ("Zocor",)),
    Drug("CHEMBL1464", "WARFARIN", ("Warfarin",), ("Coumadin",)),
    Drug("CHEMBL1201585", "TRASTUZUMAB", ("Trastuzumab",), ("Herceptin",)),
    Drug("CHEMBL3137343", "PEMBROLIZUMAB", ("Pembrolizumab", "MK-3475"), ("Keytruda",)),
    Drug("CHEMBL2108738", "NIVOLUMAB", ("Nivolumab",), ("Opdivo",)),
    Drug("CHEMBL1069", "VALSARTAN", ("Valsartan",), ("Diovan",)),
    Drug("CHEMBL1289601", "LENVATINIB", ("Lenvatinib",), ("Lenvima",)),
    Drug("CHEMBL384467", "DEXAMETHASONE", ("Dexamethasone",), ("Decadron",)),
    Drug("CHEMBL4065616", "REMDESIVIR", ("Remdesivir", "GS-5734"), ("Veklury",)),
    Drug("CHEMBL1535", "HYDROXYCHLOROQUINE", ("Hydroxychloroquine",), ("Plaquenil",)),
    Drug("CHEMBL1422", "SITAGLIPTIN", ("Sitagliptin",), ("Januvia",)),
    Drug("CHEMBL939", "GEFITINIB", ("Gefitinib",), ("Iressa",)),
    Drug("CHEMBL553", "ERLOTINIB", ("Erlotinib",), ("Tarceva",)),
    Drug("CHEMBL83", "TAMOXIFEN", ("Tamoxifen",), ("Nolvadex",)),
    Drug("CHEMBL34259", "METHOTREXATE", ("Methotrexate", "Amethopterin"), ("Trexall",)),
    Drug("CHEMBL1201576", "RITUXIMAB", ("Rituximab",), ("Rituxan", "MabThera")),
    Drug("CHEMBL1201580", "ADALIMUMAB", ("Adalimumab",), ("Humira",)),
    Drug("CHEMBL1201581", "INFLIXIMAB", ("Infliximab",), ("Remicade",)),
    Drug("CHEMBL1201583", "BEVACIZUMAB", ("Bevacizumab",), ("Avastin",)),
    Drug("CHEMBL11359", "CISPLATIN", ("Cisplatin",), ("Platinol",)),
    Drug("CHEMBL428647", "PACLITAXEL", ("Paclitaxel",), ("Taxol",)),
    Drug("CHEMBL53463", "DOXORUBICIN", ("Doxorubicin",), ("Adriamycin",)),
    Drug("CHEMBL635", "PREDNISONE", ("Prednisone",), ("Deltasone",)),
    Drug("CHEMBL1503", "OMEPRAZOLE", ("Omeprazole",), ("Prilosec",)),
    Drug("CHEMBL1237", "LISINOPRIL", ("Lisinopril",), ("Zestril", "Prinivil")),
    Drug("CHEMBL1491", "AMLODIPINE", ("Amlodipine",), ("Norvasc",)),
    Drug("CHEMBL191", "LOSARTAN", ("Losartan",), ("Cozaar",)),
    Drug("CHEMBL1771", "CLOPIDOGREL", ("Clopidogrel",), ("Plavix",)),
    Drug("CHEMBL118", "CELECOXIB", ("Celecoxib",), ("Celebrex",)),
    Drug("CHEMBL192", "SILDENAFIL", ("Sildenafil",), ("Viagra", "Revatio"), (("CHEMBL1737", "SILDENAFIL CITRATE"),)),
    Drug("CHEMBL502", "DONEPEZIL", ("Donepezil",), ("Aricept",)),
    Drug("CHEMBL1009", "LEVODOPA", ("Levodopa", "L-DOPA"), ("Larodopa",)),
    Drug("CHEMBL41", "FLUOXETINE", ("Fluoxetine",), ("Prozac",)),
    Drug("CHEMBL809", "SERTRALINE", ("Sertraline",), ("Zoloft",)),
    Drug("CHEMBL1229", "OSELTAMIVIR", ("Oseltamivir",), ("Tamiflu",)),
    Drug("CHEMBL2107830", "EMPAGLIFLOZIN", ("Empagliflozin",), ("Jardiance",)),
    Drug("CHEMBL429910", "DAPAGLIFLOZIN", ("Dapagliflozin",), ("Farxiga", "Forxiga")),
    Drug("CHEMBL2108724", "SEMAGLUTIDE", ("Semaglutide",), ("Ozempic", "Wegovy")),
)

DISEASES: tuple[Disease, ...] = (
    Disease(
        "MONDO_0005148",
        "type 2 diabetes mellitus",
        ("type 2 diabetes", "T2DM", "non-insulin-dependent diabetes mellitus"),
        "D003924",
        "Diabetes Mellitus, Type 2",
    ),
    Disease("EFO_0000305", "breast carcinoma", ("breast cancer", "carcinoma of breast"), "D001943", "Breast Neoplasms"),
    Disease(
        "EFO_0000182",
        "hepatocellular carcinoma",
        ("HCC", "liver cell carcinoma"),
        "D006528",
        "Carcinoma, Hepatocellular",
    ),
    Disease("MONDO_0004979", "asthma", ("bronchial asthma",), "D001249", "Asthma"),
    Disease("EFO_0000685", "rheumatoid arthritis", ("RA",), "D001172", "Arthritis, Rheumatoid"),
    Disease("EFO_0000537", "hypertension", ("high blood pressure", "arterial hypertension"), "D006973", "Hypertension"),
    Disease(
        "MONDO_0004975",
        "Alzheimer disease",
        ("Alzheimer's disease", "Alzheimers disease"),
        "D000544",
        "Alzheimer Disease",
    ),
    Disease("MONDO_0005180", "Parkinson disease", ("Parkinson's disease",), "D010300", "Parkinson Disease"),
    Disease(
        "MONDO_0100096", "COVID-19", ("SARS-CoV-2 infection", "coronavirus disease 2019"), "D000086382", "COVID-19"
    ),
    Disease(
        "EFO_0003060",
        "non-small cell lung carcinoma",
        ("NSCLC", "non-small cell lung cancer"),
        "D002289",
        "Carcinoma, Non-Small-Cell Lung",
    ),
    Disease(
        "EFO_0000339",
        "chronic myelogenous leukemia",
        ("chronic myeloid leukemia", "CML"),
        "D015464",
        "Leukemia, Myelogenous, Chronic, BCR-ABL Positive",
    ),
    Disease(
        "EFO_0001645", "coronary artery disease", ("coronary heart disease",), "D003324", "Coronary Artery Disease"
    ),
    Disease("EFO_0003144", "heart failure", ("cardiac failure",), "D006333", "Heart Failure"),
    Disease(
        "MONDO_0002009", "major depressive disorder", ("major depression",), "D003865", "Depressive Disorder, Major"
    ),
    Disease("EFO_0000676", "psoriasis", (), "D011565", "Psoriasis"),
    Disease("EFO_0000384", "Crohn's disease", ("Crohn disease",), "D003424", "Crohn Disease"),
    Disease("EFO_0000729", "ulcerative colitis", (), "D003093", "Colitis, Ulcerative"),
    Disease("EFO_0000756", "melanoma", ("malignant melanoma",), "D008545", "Melanoma"),
    Disease("MONDO_0005812", "influenza", ("flu",), "D007251", "Influenza, Human"),
    Disease("EFO_0001073", "obesity", (), "D009765", "Obesity"),
    Disease("HP_0003124", "hypercholesterolemia", ("high cholesterol",), "D006937", "Hypercholesterolemia"),
    Disease("EFO_0000275", "atrial fibrillation", ("AF",), "D001281", "Atrial Fibrillation"),
    Disease("MONDO_0005090", "schizophrenia", (), "D012559", "Schizophrenia"),
    Disease("MONDO_0005301", "multiple sclerosis", ("MS",), "D009103", "Multiple Sclerosis"),
    Disease("MONDO_0005575", "colorectal cancer", ("colorectal carcinoma",), "D015179", "Colorectal Neoplasms"),
    Disease("EFO_0000764", "HIV infection", ("HIV",), "D015658", "HIV Infections"),
    Disease("EFO_0002506", "osteoarthritis", (), "D010003", "Osteoarthritis"),
    Disease("EFO_0003884", "chronic kidney disease", ("CKD",), "D051436", "Renal Insufficiency, Chronic"),
    Disease("EFO_0003948", "gastroesophageal reflux disease", ("GERD",), "D005764", "Gastroesophageal Reflux"),
    Disease("EFO_0004234", "erectile dysfunction", (), "D007172", "Erectile Dysfunction"),
    Disease("HP_0012531", "pain", (), "D010146", "Pain"),
)
# in the vocabulary only, never drawn by the generator: parents of the diseases above, and the indications of
# the hand-built repurposing trials
VOCABULARY_ONLY_DISEASES: tuple[Disease, ...] = (
    Disease("EFO_0000400", "diabetes mellitus", (), "D003920", "Diabetes Mellitus"),
    Disease("EFO_0001071", "lung carcinoma", (), "D008175", "Lung Neoplasms"),
    Disease("EFO_0000574", "lymphoma", (), "D008223", "Lymphoma"),
    Disease("MONDO_0003660", "adult lymphoma"),
    Disease("EFO_0001361", "pulmonary arterial hypertension", (), "D000081029", "Pulmonary Arterial Hypertension"),
)
