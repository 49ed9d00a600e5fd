"""Field-level scoring of a commission against the true facts.

Every scorer returns a value in [0, 1], or None when the field does not apply (a list
field whose truth is empty). Definitions, also in `eval/README.md`:

- budget, capacity, deadline, start, level: exact (budget within € 0.50, capacity within
  0.01 fte). A null truth is correct only when the commission leaves the field null too.
  `start` is scored only where the truth gives the key (`Facts.has_start`): the older sets
  say nothing about it, and there it is "n.v.t.", not a hit or a miss.
- commissioner: normalised (case, accents, punctuation, articles) "contains" in either
  direction, and when the truth names someone ("wethouder De Vries") the prediction must
  contain that name, not just the role ("wethouder").
- stakeholders: recall of the true names; a true name is found when some predicted name
  matches it fuzzily (`name_match`).
- themes: the set F1 of true and found themes counts towards field accuracy, on every
  set: recall alone cannot see themes read into a passing word, and F1 weighs a missed
  theme and an invented one alike. Recall and precision are reported beside it.
- free-text placement (interviews): see `placement`.

A predicted name that is much longer than the true one (a pasted paragraph that merely
mentions it) does not count as naming it: see `_too_long`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from eval.data import Facts
from opdrachtassistent.commission import Commission, SectionKey

FIELDS: tuple[str, ...] = (
    "budget",
    "capacity",
    "deadline",
    "start",
    "commissioner",
    "level",
    "stakeholders",
    "themes",
)

_STOP = frozenset({"de", "het", "een", "van", "der", "den", "en", "t", "s", "in", "op", "voor"})
# Role words: a commissioner "wethouder De Vries" is named by "vries", not by "wethouder".
ROLE_WORDS = frozenset(
    {
        "wethouder",
        "portefeuillehouder",
        "burgemeester",
        "gedeputeerde",
        "heemraad",
        "dijkgraaf",
        "hoofd",
        "college",
        "b",
        "w",
        "bw",
        "gemeenteraad",
        "raad",
        "directeur",
        "afdelingshoofd",
        "teamleider",
        "programmamanager",
        "projectleider",
        "manager",
        "gemeentesecretaris",
        "stuurgroep",
        "opdrachtgever",
        "bestuurlijk",
        "ambtelijk",
        "mevrouw",
        "meneer",
        "heer",
        "mw",
        "dhr",
    }
)
# Kind words: "waterschap" alone does not name "waterschap De Dommel".
GENERIC_KINDS = frozenset(
    {
        "waterschap",
        "hoogheemraadschap",
        "gemeente",
        "provincie",
        "netbeheerder",
        "woningcorporatie",
        "corporatie",
        "drinkwaterbedrijf",
        "partij",
        "partijen",
    }
)


def tokens(text: str) -> list[str]:
    """Lower-case, accent-free word tokens without articles and short fillers."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return [t for t in re.split(r"[^a-z0-9]+", plain) if t and t not in _STOP]


def _too_long(truth: str, pred: str) -> bool:
    return len(pred) > max(2 * len(truth), len(truth) + 25)


def _tok_eq(a: str, b: str) -> bool:
    """Same token, or a long word's prefix (ondernemers / ondernemersvereniging)."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 5 and long_.startswith(short)


def _subset(small: Iterable[str], big: Sequence[str]) -> bool:
    return all(any(_tok_eq(s, b) for b in big) for s in small)


def number_match(truth: float | None, pred: float | None, *, tol: float) -> bool:
    if truth is None or pred is None:
        return truth is None and pred is None
    return abs(truth - pred) <= tol


def date_match(truth: date | None, pred: date | None) -> bool:
    return truth == pred


def commissioner_match(truth: str | None, pred: str | None) -> bool:
    if truth is None or not pred:
        return truth is None and not pred
    if _too_long(truth, pred):
        return False
    t, p = tokens(truth), tokens(pred)
    if not t or not p:
        return False
    names = [x for x in t if x not in ROLE_WORDS]
    tn, pn = f" {' '.join(t)} ", f" {' '.join(p)} "
    contains = tn in pn or pn in tn
    if names:
        return _subset(names, p) or (contains and any(_tok_eq(n, x) for n in names for x in p))
    return contains or bool(set(t) & set(p) & ROLE_WORDS)


def name_match(truth: str, pred: str) -> bool:
    """Fuzzy match of a stakeholder name as the user gave it."""
    if _too_long(truth, pred):
        return False
    t, p = tokens(truth), tokens(pred)
    if not t or not p:
        return False
    if _subset(t, p):
        return True
    return _subset(p, t) and any(x not in GENERIC_KINDS for x in p)


def stakeholder_recall(truth: Sequence[str], pred: Sequence[str]) -> float | None:
    if not truth:
        return None
    found = sum(1 for t in truth if any(name_match(t, p) for p in pred))
    return found / len(truth)


def set_scores(truth: Iterable[str], pred: Iterable[str]) -> tuple[float, float, float]:
    """(recall, precision, F1) of two sets; empty-vs-empty counts as perfect."""
    ts, ps = set(truth), set(pred)
    if not ts and not ps:
        return 1.0, 1.0, 1.0
    hit = len(ts & ps)
    recall = hit / len(ts) if ts else 1.0
    precision = hit / len(ps) if ps else (1.0 if not ts else 0.0)
    f1 = 2 * recall * precision / (recall + precision) if recall + precision else 0.0
    return recall, precision, f1


# Reported beside the fields, not part of field accuracy.
EXTRA: tuple[str, ...] = ("themes_recall", "themes_precision")


def score_commission(c: Commission, truth: Facts) -> dict[str, float | None]:
    """Scores per field (see `FIELDS`; `themes` is the F1) plus theme recall and precision."""
    r = c.resources
    scores: dict[str, float | None] = {
        "budget": float(number_match(truth.budget_eur, r.budget_eur, tol=0.5)),
        "capacity": float(number_match(truth.capacity_fte, r.capacity_fte, tol=0.01)),
        "deadline": float(date_match(truth.deadline, r.deadline)),
        "start": float(date_match(truth.start, r.start)) if truth.has_start else None,
        "commissioner": float(commissioner_match(truth.commissioner, c.mandate.commissioner)),
        "level": float(truth.level == c.mandate.level),
        "stakeholders": stakeholder_recall(truth.stakeholders, [s.name for s in c.stakeholders]),
    }
    if truth.themes:
        recall, precision, f1 = set_scores(truth.themes, c.goal.themes)
        scores["themes"], scores["themes_recall"], scores["themes_precision"] = (
            f1,
            recall,
            precision,
        )
    else:
        scores["themes"] = scores["themes_recall"] = scores["themes_precision"] = None
    return scores


def mean(values: Iterable[float | None]) -> float | None:
    vals = [v for v in values if v is not None]
    return sum(vals) / len(vals) if vals else None


def field_accuracy(all_scores: Sequence[dict[str, float | None]]) -> dict[str, float | None]:
    """Mean per field over all cases, and `overall`: the mean over every applicable cell."""
    out: dict[str, float | None] = {f: mean(s.get(f) for s in all_scores) for f in FIELDS}
    out["overall"] = mean(s.get(f) for s in all_scores for f in FIELDS)
    out.update({x: mean(s.get(x) for s in all_scores) for x in EXTRA})
    return out


# --------------------------------------------------------------------------- placement

# Each free-text field of the commission and the section whose question it answers.
FREE_TEXT: dict[str, SectionKey] = {
    "context": "context",
    "goal.statement": "goal",
    "mandate.decision_space": "mandate",
    "mandate.escalation": "mandate",
    "organisation": "organisation",
    "resources.funding": "resources",
}
# The share of a field's words that must come from its own section's answers.
PLACED_SHARE = 0.8


def free_text(c: Commission, path: str) -> str | None:
    """The text at a `FREE_TEXT` path ("mandate.escalation"), None when empty."""
    value: object = c
    for part in path.split("."):
        value = getattr(value, part)
    return value if isinstance(value, str) and value.strip() else None


def _share(words: Sequence[str], pool: set[str]) -> float:
    return sum(w in pool for w in words) / len(words) if words else 0.0


def taken_from(text: str, sources: Iterable[str], *, forbidden: Iterable[str] = ()) -> bool:
    """Whether `text` is taken from `sources`: at least `PLACED_SHARE` of its words occur
    there, and it does not hold a `forbidden` passage (a greeting and self-introduction):
    one counts as held when `PLACED_SHARE` of its words are in `text`."""
    words = tokens(text)
    if not words:
        return False
    own = set(words)
    if any(_share(tokens(f), own) >= PLACED_SHARE for f in forbidden):
        return False
    return _share(words, {w for s in sources for w in tokens(s)}) >= PLACED_SHARE


def placement(
    c: Commission,
    sources: Mapping[SectionKey, Sequence[str]],
    *,
    forbidden: Sequence[str] = (),
) -> dict[str, float | None]:
    """Per `FREE_TEXT` field: 1.0 when its text is taken from its section's `sources` (the
    replies given to that section's questions, and the opening where the opening answers
    it), 0.0 when not, None when the field is empty."""
    out: dict[str, float | None] = {}
    for path, section in FREE_TEXT.items():
        text = free_text(c, path)
        out[path] = (
            None
            if text is None
            else float(taken_from(text, sources.get(section, ()), forbidden=forbidden))
        )
    return out


def contains_verbatim(text: str | None, passage: str) -> bool:
    """Whether the whole `passage` stands in `text` (whitespace aside)."""
    if not text:
        return False
    return " ".join(passage.split()).casefold() in " ".join(text.split()).casefold()


def percentile(values: list[float], q: float) -> float:
    """The nearest-rank `q` quantile (0..1) of `values`: what `make bench` reports as p50/p95."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]
