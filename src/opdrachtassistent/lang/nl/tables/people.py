"""Dutch commissioner roles, name particles and level words (data only)."""

from __future__ import annotations

# Tussenvoegsels: particles that may stand inside a Dutch surname (folded regex).
TUSSENVOEGSELS = r"(?:van 't|van|de|der|den|ter|ten|te|het|'t|op|in|uit|la|le|du|da|von|d'|voor)"
# Capitalised words that never start a name (sentence starts, months, organisations).
NOT_NAMES = (
    "Het|Een|Wij|We|Ik|Zij|Hij|Die|Dat|Deze|Dit|En|Maar|Of|Is|Wordt|Zijn|Heeft|Moet|Kan|Gaat|"
    "Als|Ook|Niet|Nog|Er|Hier|Daar|Wie|Wat|Waar|Want|Dus|Omdat|Met|Bij|Om|Naar|Tot|Na|Over|"
    "Aan|Door|Budget|Opdrachtgever|Eind|Begin|Medio|Q[1-4]|Januari|Februari|Maart|April|Mei|"
    "Juni|Juli|Augustus|September|Oktober|November|December|Verder|Daarnaast|Ook|Graag|"
    "Samen|Enexis|Liander|Stedin|Vitens|Evides|KPN|ProRail|Rijkswaterstaat"
)

# Roles and bodies that commission (folded regex) and whether a capitalised name may follow.
COMMISSIONER_ROLES: tuple[tuple[str, bool], ...] = (
    (
        r"(?:het\s+)?college\s+van\s+(?:b\s*(?:&|en)\s*w|burgemeester\s+en\s+wethouders|gs|"
        r"gedeputeerde\s+staten)",
        False,
    ),
    (r"(?:het\s+)?college", False),
    (r"(?:het\s+)?b\s*(?:&|en)\s*w", False),
    (r"(?:de\s+)?wethouders?", True),
    (r"(?:de\s+)?burgemeester", True),
    (r"(?:de\s+)?gedeputeerden?", True),
    (r"(?:de\s+)?portefeuillehouder", True),
    (r"(?:de\s+)?(?:provinciale|gedeputeerde)\s+staten", False),
    (r"(?:het\s+)?(?:dagelijks|algemeen)\s+bestuur", False),
    (r"(?:de\s+)?dijkgraaf", True),
    (r"(?:de\s+)?heemraad", True),
    (r"(?:de\s+)?(?:gemeente)?raad", False),
    (r"(?:de\s+)?(?:(?:bestuurlijke|ambtelijke|integrale)\s+)?stuurgroep", True),
    (r"(?:het\s+)?(?:bestuurlijk|ambtelijk|regionaal|portefeuillehouders)\s+overleg", False),
    (r"(?:de\s+)?(?:regiegroep|kerngroep|bestuurscommissie|stuurgroepen)", True),
    (r"(?:de\s+)?gemeentesecretaris", True),
    (r"(?:de\s+)?\w*directeur", True),
    (r"(?:de\s+)?directie", True),
    (r"(?:het\s+)?afdelingshoofd", True),
    (r"(?:het\s+)?hoofd(?:\s+(?:van\s+)?(?:de\s+)?afdeling)?", True),
    (r"(?:de\s+)?\w*manager", True),
    (r"(?:de\s+)?teamleider", True),
    (r"(?:de\s+)?programmaleider", True),
    (r"(?:de\s+)?projectleider", True),
)

# Forms of address and titles before a person's name (folded regex): "mevrouw De Boer",
# "dhr. Visser", "ir. Jansen". They mark the words after them as a person, not a portfolio.
HONORIFICS = (
    r"(?:mevrouw|mevr\.?|mw\.?|de\s+heer|dhr\.?|meneer|heer|drs\.?|ir\.?|ing\.?|dr\.?|"
    r"mr\.?|prof\.?)"
)
# Roles held by one named person: in "portefeuillehouder Sport, wethouder Yilmaz" the second
# role names the holder of the first (folded regex).
PERSON_ROLES = r"(?:wethouder|burgemeester|gedeputeerde|dijkgraaf|heemraad|loco-burgemeester)"
