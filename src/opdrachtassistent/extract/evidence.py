"""Quotes: the sentence (or line) of a text that gave each extracted value, verbatim.

Generic over the extractors: the text is split into sentences with their spans, and a value
is traced back by re-reading each sentence with the same `lang.nl` parser that found it (a
budget is quoted from the sentence whose amount equals it), by the sentence that names it
(a party, a framework), or by the sentence its own first sentence was taken from (free
text). A quote is always a slice of the original text, never of a normalised copy; when no
sentence accounts for a value (a paraphrase by the language model), the quote is None.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from opdrachtassistent.commission import Commission, Stakeholder
from opdrachtassistent.extract.base import Extraction
from opdrachtassistent.fields import FIELDS
from opdrachtassistent.lang import nl
from opdrachtassistent.provenance import STAKEHOLDER_PARTS, field_of, fold_value, value_of

# A sentence ends at . ! ? followed by white space, or at a line break; a bullet or list
# number at the start of a line is not part of the quote.
_BREAK = re.compile(r"(?<=[.!?])\s+|\s*\n\s*")
_BULLET = re.compile(r"(?:[-*•·>]+|\d+[.)])\s+")
_LABEL_LINE = re.compile(r"[^\W\d][\w '/-]{0,30}:(?:\s|$)")
_ENDS = frozenset(".!?:;")
_INITIAL = re.compile(r"(?<!\w)[^\W\d_]\.$")
MIN_WRAPPED_LINE = 50  # a shorter line is a line of its own (a title, a greeting, a label)
_WORD = re.compile(r"\w{4,}")
_SPACE = re.compile(r"\s+")
MAX_WINDOW = 3  # a value may need up to this many adjacent sentences ("mw. Kok, ..."))
MIN_OVERLAP = 0.6  # share of a free text's words a sentence must hold to count as its source


def _level(text: str) -> object:
    """The level as the rules read it, so the quoted sentence is the one that gave it."""
    return nl.commissioner_level(text, nl.find_commissioner(text))


# The field whose value a parser reproduces from the sentence that gave it.
PARSERS: dict[str, Callable[[str], object]] = {
    "budget_eur": nl.parse_amount_eur,
    "capacity_fte": nl.parse_fte,
    "deadline": nl.parse_deadline,
    "start": nl.parse_start,
    "commissioner": nl.find_commissioner,
    "level": _level,
}
# List fields whose items a finder reproduces from one sentence.
FINDERS: dict[str, Callable[[str], list[str]]] = {
    "themes": lambda s: list(nl.find_themes(s)),
    "frameworks": nl.find_frameworks,
    "instruments": nl.find_instruments,
}


# Extraction field name <-> its path in the commission ("goal_results" <-> "goal.results").
_PATHS: dict[str, str] = {f.name: f.path for f in FIELDS}
_NAMES: dict[str, str] = {f.path: f.name for f in FIELDS}


def _norm(text: str) -> str:
    return _SPACE.sub(" ", nl.fold(text)).strip(" .;:,!?")


class Evidence:
    """One text split into sentences once, to quote many values from it."""

    def __init__(self, text: str) -> None:
        self.text = text or ""
        self.spans = sentence_spans(self.text)
        self._folded = [_norm(self.text[a:b]) for a, b in self.spans]

    def sentence(self, i: int, n: int = 1) -> str:
        """Sentences i .. i+n-1 with what lies between them, verbatim."""
        return self.text[self.spans[i][0] : self.spans[i + n - 1][1]]

    def quote(self, field: str, value: object) -> str | None:
        """The sentence that gave `value` for the extraction field `field`, or None."""
        if value is None or value == "" or not self.spans:
            return None
        if isinstance(value, Stakeholder):
            return self._naming(value.name) or next(
                (q for w in _name_words(value.name) if (q := self._naming(w))), None
            )
        parse = PARSERS.get(field)
        if parse is not None:
            found = self._parsed(lambda s: parse(s) == value)
            if found is not None or not isinstance(value, str):
                return found
        finder = FINDERS.get(field)
        if finder is not None and isinstance(value, str):
            found = self._parsed(lambda s: value in finder(s))
            if found is not None:
                return found
        if isinstance(value, str):
            found = self._naming(value) or self._overlapping(value)
            if found is None and field == "title":
                # A title composed from the place ("Herinrichting Dorpsstraat") is quoted
                # where the text names the place.
                words = sorted(_WORD.findall(value), key=len, reverse=True)
                found = next((q for w in words if len(w) >= 6 and (q := self._naming(w))), None)
            return found
        return None

    def quote_at(self, c: Commission, path: str) -> str | None:
        """The sentence that gave the commission's value at a value path."""
        field = field_of(path)
        value = value_of(c, path)
        if field.startswith("stakeholders."):
            owner = value_of(c, path.rpartition(".")[0])
            assert isinstance(owner, Stakeholder)
            return self.part_quote(owner, field.rpartition(".")[2])
        if field == "mandate.level" and c.mandate.commissioner:
            # A level usually comes with the commissioner: quote that sentence when it says it.
            said = self.quote("commissioner", c.mandate.commissioner)
            if said is not None and _level(said) == value:
                return said
        return self.quote(_NAMES.get(field, field), value)

    def quotes(self, e: Extraction) -> dict[str, str | None]:
        """A quote for every value of an extraction, keyed by field name, list items by
        index ("goal_results.0", "stakeholders.1", "stakeholders.1.role")."""
        out: dict[str, str | None] = {}
        for field in Extraction.model_fields:
            value = getattr(e, field)
            if isinstance(value, list):
                for i, item in enumerate(value):
                    out[f"{field}.{i}"] = self.quote(field, item)
                    if isinstance(item, Stakeholder):
                        for part in STAKEHOLDER_PARTS:
                            if getattr(item, part):
                                out[f"{field}.{i}.{part}"] = self.part_quote(item, part)
            elif value is not None and value != "":
                out[field] = self.quote(field, value)
        return out

    def part_quote(self, s: Stakeholder, part: str) -> str | None:
        """The sentence that gave a party's role or interest: the one that says it, else the
        one that names the party."""
        text = getattr(s, part)
        return (text and self._naming(text)) or self.quote("stakeholders", s)

    # -- matching ----------------------------------------------------------------------

    def _parsed(self, matches: Callable[[str], bool]) -> str | None:
        """The first (shortest) run of sentences whose parse gives the value."""
        for n in range(1, MAX_WINDOW + 1):
            for i in range(len(self.spans) - n + 1):
                candidate = self.sentence(i, n)
                if matches(candidate):
                    return candidate
        return None

    def _naming(self, value: str) -> str | None:
        """The first sentence that contains the value's first sentence (or lies within it:
        a value joined from several sentences)."""
        first = _norm(_first_sentence(value))
        if len(first) < 2:
            return None
        pattern = re.compile(r"(?<!\w)" + re.escape(first) + r"(?!\w)")
        for i, folded in enumerate(self._folded):
            if pattern.search(folded):
                return self.sentence(i)
        whole = _norm(value)
        for i, folded in enumerate(self._folded):
            if len(folded.split()) >= 3 and folded in whole:
                return self.sentence(i)
        return None

    def _overlapping(self, value: str) -> str | None:
        """The sentence that holds most of the words of a paraphrased value, if enough."""
        words = set(_WORD.findall(_norm(_first_sentence(value))))
        if not words:
            return None
        best, share = None, MIN_OVERLAP
        for i, folded in enumerate(self._folded):
            found = len(words & set(_WORD.findall(folded))) / len(words)
            if found >= share and (best is None or found > share):
                best, share = i, found
        return self.sentence(best) if best is not None else None


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence or line of `text`, trimmed, bullets left out.

    A line break ends a sentence unless it only wraps one (a mail or a PDF broken at the
    margin): the line before runs on and the next line is neither a bullet nor a label."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in [*(b for b in _BREAK.finditer(text) if _ends(text, b)), None]:
        end = m.start() if m else len(text)
        a, b = start, end
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        bullet = _BULLET.match(text, a, b)
        if bullet:
            a = bullet.end()
        if b > a:
            spans.append((a, b))
        start = m.end() if m else len(text)
    return spans


def _ends(text: str, brk: re.Match[str]) -> bool:
    """Whether a break ends the sentence before it (see `sentence_spans`)."""
    gap = brk.group()
    if "\n" not in gap and _INITIAL.search(text, max(0, brk.start() - 3), brk.start()):
        return False  # "mevrouw L. de Vries": an initial, not the end of a sentence
    if "\n" not in gap or gap.count("\n") > 1 or text[brk.start() - 1 : brk.start()] in _ENDS:
        return True
    line_start = text.rfind("\n", 0, brk.start()) + 1
    after = text[brk.end() : brk.end() + 60]
    return (
        brk.start() - line_start < MIN_WRAPPED_LINE
        or bool(_BULLET.match(after))
        or bool(_LABEL_LINE.match(after))
    )


def quotes(text: str, e: Extraction) -> dict[str, str | None]:
    """A quote for every value of `e` found in `text` (see `Evidence.quotes`)."""
    return Evidence(text).quotes(e)


def model_values(merged: Extraction, rules: Extraction) -> set[tuple[str, str]]:
    """The values of a merged extraction that the rules did not find, as `provenance.key_of`
    keys: what the language model contributed. A value both found is the rules' (it is
    reproducible from the text)."""
    out: set[tuple[str, str]] = set()
    for name in Extraction.model_fields:
        value, theirs = getattr(merged, name), getattr(rules, name)
        field = _PATHS[name]
        if name == "stakeholders":
            by_name = {fold_value(s): s for s in theirs}
            for s in value:
                other = by_name.get(fold_value(s))
                if other is None:
                    out.add((field, fold_value(s)))
                for part in STAKEHOLDER_PARTS:
                    mine = getattr(s, part)
                    if mine and (other is None or getattr(other, part) != mine):
                        out.add((f"{field}.{part}", fold_value(s) + "\n" + fold_value(mine)))
        elif isinstance(value, list):
            known = {fold_value(x) for x in theirs}
            out.update((field, fold_value(x)) for x in value if fold_value(x) not in known)
        elif value is not None and value != theirs:
            out.add((field, fold_value(value)))
    return out


def _first_sentence(value: str) -> str:
    spans = sentence_spans(value)
    return value[spans[0][0] : spans[0][1]] if spans else value


def _name_words(name: str) -> list[str]:
    """The words of a party's name to look for when the whole name is not in the text
    ("gemeente Rheden" in "de gemeenten Brummen en Rheden"): proper nouns first, then the
    longer words."""
    words = [w for w in re.findall(r"[\w'-]+", name) if len(w) >= 4]
    return sorted(words, key=lambda w: (not w[:1].isupper(), -len(w)))
