"""How Dutch texts list and name parties no vocabulary knows (data only, folded regex).

Read by `parties.find_listed_parties` and `parties.find_parties`: the cues that open (or
close) an enumeration of parties, the words that show a list item is plainly not a party,
and the legal forms that make a capitalised phrase a company.
"""

from __future__ import annotations

# A line label whose value is a list of parties ("Betrokken: ...", "Key stakeholders: ...").
LIST_LABELS: tuple[str, ...] = (
    r"betrokken(?:en|\s+partijen)?",
    r"(?:key\s+|belangrijkste\s+)?stakeholders",
    r"(?:externe\s+|samenwerkings)?partijen",
    r"partners",
    r"samenwerkingspartners",
    r"belanghebbenden",
    r"deelnemers",
    r"aanwezig",
    r"aanwezigen",
    r"in samenwerking met",
    r"met medewerking van",
)
# Words after which the rest of the clause lists parties ("samen met X, Y en Z").
LIST_AFTER_CUE: tuple[str, ...] = (
    r"samen met",
    r"in samenwerking met",
    r"in overleg met",
    r"overleg met",
    r"afstemming met",
    r"afstemmen met",
    r"afspraken met",
    r"met medewerking van",
    r"betrekken(?:\s+we|\s+wij)?",
    r"betrekt",
    r"haken\s+(?:we|wij)\s+(?:ook\s+)?aan",
    r"aanhaken",
    r"informeren(?:\s+we|\s+wij)?",
    r"informeert",
    r"nodigen\s+(?:we|wij)\s+(?:ook\s+)?uit",
    r"partners\s+zijn",
    r"betrokken\s+zijn",
    r"aan\s+tafel\s+zitten",
    r"deelnemers\s+waren",
    r"aanwezig\s+waren",
    r"(?:zijn|waren|is|worden|werden)\s+(?:ook\s+)?(?:betrokken|gesproken|geraadpleegd|gehoord|"
    r"uitgenodigd|geinformeerd)",
)
# Words that close a clause whose start lists parties ("X en Y willen we aanhaken").
LIST_BEFORE_CUE: tuple[str, ...] = (
    r"(?:willen|gaan|moeten|zullen)\s+(?:we|wij)\s+(?:ook\s+|nog\s+)?(?:betrekken|aanhaken|"
    r"informeren|meenemen|uitnodigen)",
    r"(?:ook\s+|nog\s+)?(?:betrekken|aanhaken|informeren|meenemen|uitnodigen)",
    r"(?:doet|doen)\s+(?:ook\s+)?mee",
    r"(?:zit|zitten)\s+(?:ook\s+)?aan\s+tafel",
    r"(?:is|zijn)\s+(?:ook\s+)?(?:aangehaakt|betrokken|aan\s+boord)",
    r"(?:ook\s+)?aan\s+boord",
    r"(?:sluit|sluiten)\s+(?:ook\s+)?aan",
    r"(?:aan\s+te\s+haken|te\s+betrekken|te\s+informeren|mee\s+te\s+nemen|uit\s+te\s+nodigen)",
    r"(?:zijn|is|wordt|werd|werden|worden|waren)\s+(?:ook\s+)?(?:geraadpleegd|gehoord|gesproken|"
    r"ingelicht|"
    r"geinformeerd|uitgenodigd|betrokken)",
)
# Words after which a closing cue's list begins ("Leden vragen om ook X en Y aan te haken").
LIST_BEFORE_LEAD = r"\b(?:om|dat|ook|graag|nog|verder|willen|gaan|moeten|zullen|vragen|we|wij)\b"
# Qualifiers that stay with an organisation's name ("Fietsersbond afdeling Zeist").
BRANCH_WORDS = r"(?:afdeling|regio|district|kring)"
# Salutations that name the addressees as a party ("Beste bewoners,").
SALUTATION = r"^[ \t]*(?:beste|geachte)[ \t]+(?P<who>bewoners?|omwonenden|ondernemers|ouders)\b"
# Words that begin a list item which is plainly not a party: an activity, a document, a
# thing or a time ("de planning", "werkzaamheden", "kosten").
NOT_PARTY_WORDS: tuple[str, ...] = (
    r"planning",
    r"budget",
    r"kosten",
    r"uitvoering",
    r"werkzaamheden",
    r"afspraken",
    r"ontwerp",
    r"plannen?",
    r"besluit\w*",
    r"voorstel\w*",
    r"aanpak",
    r"opdracht",
    r"onderzoek\w*",
    r"resultaten",
    r"informatie",
    r"brief",
    r"overlast",
    r"hinder",
    r"zorgen",
    r"vragen",
    r"wensen",
    r"ideeen",
    r"omgevingswet",
    r"\w*wet",
    r"\w*visie",
    r"\w*beleid",
    r"\w*plan",
    r"\w*programma",
    r"\w*project",
    r"\w*regeling",
    r"\w*verordening",
    r"week",
    r"maand",
    r"jaar",
    r"dag",
    r"avond",
    r"ochtend",
    r"middag",
    r"iedereen",
    r"alles",
    r"verder",
    r"elkaar",
    r"hen",
    r"hun",
    r"ze",
    r"zij",
    r"we",
    r"wij",
    r"u",
    r"jullie",
    r"ons",
    r"die",
    r"dat",
    r"dit",
    r"deze",
    r"er",
    r"om",
    r"te",
    r"maar",
    r"in",
    r"niet",
    r"wel",
    r"geen",
    r"als",
    r"zo",
    r"heel",
    r"vooral",
    r"eigenlijk",
    r"misschien",
    r"denk",
    r"ik",
    r"mij",
    r"me",
    r"waarschijnlijk",
    r"sowieso",
    r"zeker",
    r"namens",
    r"leden",
    r"wie",
    r"wat",
    r"welke",
    r"waar",
    r"wanneer",
    r"bij",
    r"via",
)
# Street and place words: "de Dorpsstraat" in a list is where, not who.
PLACE_SUFFIXES = (
    r"(?:straat|weg|laan|plein|kade|singel|dreef|gracht|dijk|pad|steeg|hof|markt|park|"
    r"wijk|buurt|centrum|kwartier|haven|veld|polder)"
)
# Legal forms after a company name ("Van den Berg Infra BV"), in the text as written.
LEGAL_SUFFIXES = r"(?:B\.\s?V\.|BV|N\.\s?V\.|NV|V\.O\.F\.|VOF|vof|C\.V\.|U\.A\.|Holding)"
# Words in a company's name that say it builds ("Van den Berg Infra BV" is a contractor).
CONTRACTOR_WORDS = r"\b(?:infra\w*|grondwerk\w*|bouw\w*|aanneming\w*|wegenbouw|civiel\w*)\b"
# Plural kind nouns that introduce several named parties ("de gemeenten Baarn en Soest"),
# with the singular each party is named by.
PLURAL_HEADS: dict[str, str] = {
    "gemeenten": "gemeente",
    "buurgemeenten": "gemeente",
    "regiogemeenten": "gemeente",
    "waterschappen": "waterschap",
    "hoogheemraadschappen": "hoogheemraadschap",
    "woningcorporaties": "woningcorporatie",
    "corporaties": "corporatie",
}
# Words that make a list item a clause, not a name ("de scholen zijn al ingelicht").
VERB_WORDS: tuple[str, ...] = (
    r"is",
    r"zijn",
    r"wordt",
    r"worden",
    r"werd",
    r"werden",
    r"heeft",
    r"hebben",
    r"had",
    r"gaat",
    r"gaan",
    r"moet",
    r"moeten",
    r"kan",
    r"kunnen",
    r"zal",
    r"zullen",
    r"wil",
    r"willen",
    r"komt",
    r"komen",
    r"doet",
    r"doen",
    r"maakt",
    r"maken",
    r"pakken",
    r"pakt",
    r"werken",
    r"werkt",
    r"blijft",
    r"blijven",
    r"krijgt",
    r"krijgen",
    r"staat",
    r"staan",
    r"vinden",
    r"vindt",
    r"weten",
    r"weet",
    r"vragen",
    r"vraagt",
    r"legt",
    r"leggen",
    r"plaatst",
    r"plaatsen",
)
# Words that lead into a list item and are not part of the name ("onder andere", "ook").
ITEM_LEADS = (
    r"(?:(?:onder\s+andere|o\.a\.|zoals|bijvoorbeeld|ook|nog|verder|daarnaast|natuurlijk|"
    r"uiteraard|met|de|het|een|onze|alle)\s+)+"
)
# Words written like a brand ("WhatsApp") that name a tool or a document, not a party.
NOT_BRANDS: tuple[str, ...] = (
    r"whatsapp",
    r"youtube",
    r"linkedin",
    r"facebook",
    r"powerpoint",
    r"sharepoint",
    r"onedrive",
    r"teamviewer",
    r"iphone",
    r"ipad",
    r"eherkenning",
    r"digid",
    r"mijnoverheid",
    r"powerbi",
    r"excel",
)
# Functions of people: "Jelle Hoekstra (projectleider)", "wijkagent Kamphuis" name a
# person, not a party (folded regex, whole words).
PERSON_FUNCTIONS = (
    r"\w*(?:leider|medewerker|voorzitter|secretaris|ontwerper|adviseur|coordinator|ambtenaar|"
    r"agent|manager|directeur|wethouder|burgemeester|gedeputeerde|notulist|toezichthouder|"
    r"opzichter|uitvoerder|planner|regisseur|makelaar|consulent|specialist|deskundige)|lid|"
    r"raadslid|bewoner|eigenaar|ondernemer|woordvoerder|projectsecretaris"
)
# How the head word of a lower-case list item ends when it names people or an organisation
# ("huisartsenpraktijk", "botenverhuurders", "taxicentrale", "marktkooplieden"); a list item
# in lower case without such a head ("wilgenschermen") is a thing, not a party.
PARTY_HEAD_SUFFIXES = (
    r"(?:ers|aars|enaars|lieden|lui|ouders|gebruikers|eigenaren|bewoners|leden|"
    r"praktijk|praktijken|bedrijf|bedrijven|vereniging|verenigingen|club|clubs|raad|raden|"
    r"groep|groepen|centrale|post|winkel|winkels|school|scholen|centrum|boerderij|kerk|kerken|"
    r"moskee|apotheek|opvang|dienst|diensten|bureau|bond|stichting|platform|comite|team|"
    r"instelling|instellingen|organisatie|organisaties|partij|partijen|aanbieder|aanbieders|"
    r"exploitant|exploitanten|beheerder|beheerders|maatschappij|corporatie|fonds|museum|"
    r"bibliotheek|ziekenhuis|zorg|huis|tehuis|hospice|kinderdagverblijf|crèche|creche|markt)"
)
# Roles of a commissioner that show whose document it is: under a dijkgraaf the waterschap,
# under a gedeputeerde the provincie is the writer, not a stakeholder (folded regex, kind).
OWN_ORGANISATION: tuple[tuple[str, str], ...] = (
    (r"\b(?:dijkgraaf|heemraad|hoogheemraad)\b", "waterschap"),
    (r"\bgedeputeerden?\b|\bgedeputeerde staten\b", "provincie"),
)
