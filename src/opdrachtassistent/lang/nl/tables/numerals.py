"""Dutch numeral words and number scales (data only)."""

from __future__ import annotations

UNIT_VALUES: dict[str, float] = {
    "nul": 0,
    "een": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
}
TEEN_VALUES: dict[str, float] = {
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
    "dertien": 13,
    "veertien": 14,
    "vijftien": 15,
    "zestien": 16,
    "zeventien": 17,
    "achttien": 18,
    "negentien": 19,
}
TEN_VALUES: dict[str, float] = {
    "twintig": 20,
    "dertig": 30,
    "veertig": 40,
    "vijftig": 50,
    "zestig": 60,
    "zeventig": 70,
    "tachtig": 80,
    "negentig": 90,
}
# "ton" is a hundred thousand (euro) in Dutch administrative speech: "drie ton" = 300.000.
WORD_SCALES: dict[str, float] = {"duizend": 1e3, "ton": 1e5, "miljoen": 1e6, "miljard": 1e9}
HALF = frozenset({"half", "halve"})
ANDERHALF = frozenset({"anderhalf", "anderhalve"})
CONNECTORS = frozenset({"en", "komma"})

SCALE_VALUES: dict[str, float] = {
    "miljard": 1e9,
    "mrd": 1e9,
    "mld": 1e9,
    "billion": 1e9,
    "miljoen": 1e6,
    "mln": 1e6,
    "milj": 1e6,
    "mio": 1e6,
    "million": 1e6,
    "m": 1e6,
    "ton": 1e5,
    "duizend": 1e3,
    "dzd": 1e3,
    "thousand": 1e3,
    "k": 1e3,
}
