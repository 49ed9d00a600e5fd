"""Field-level scoring of a commission against the true facts.

Every scorer returns a value in [0, 1], or None when the field does not apply (a list
field whose truth is empty). Definitions, also in `eval/README.md`:

- budget, capacity, deadline, level: exact (budget within € 0.50, capacity within 0.01 fte).
  A null truth is correct only when the commission leaves the field null too.
- commissioner: normalised (case, accents, punctuation, articles) "contains" in either
  direction, and when the truth names someone ("wethouder De Vries") the prediction must
  contain that name, not just the role ("wethouder").
- stakeholders: recall of the true names; a true name is found when some predicted name
  matches it fuzzily (`name_match`).
- themes: recall of the true themes counts towards field accuracy (an administrator's
  themes must all be there); precision and F1 are reported beside it, since the true
  theme lists are deliberately minimal.

A predicted name that is much longer than the true one (a pasted paragraph that merely
mentions it) does not count as naming it: see `_too_long`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date

from eval.data import Facts
from opdrachtassistent.commission import Commission

FIELDS: tuple[str, ...] = (
    "budget",
    "capacity",
    "deadline",
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


def score_commission(c: Commission, truth: Facts) -> dict[str, float | None]:
    """Scores per field (see `FIELDS`) plus `themes_f1` (reported, not in accuracy)."""
    r = c.resources
    scores: dict[str, float | None] = {
        "budget": float(number_match(truth.budget_eur, r.budget_eur, tol=0.5)),
        "capacity": float(number_match(truth.capacity_fte, r.capacity_fte, tol=0.01)),
        "deadline": float(date_match(truth.deadline, r.deadline)),
        "commissioner": float(commissioner_match(truth.commissioner, c.mandate.commissioner)),
        "level": float(truth.level == c.mandate.level),
        "stakeholders": stakeholder_recall(truth.stakeholders, [s.name for s in c.stakeholders]),
    }
    if truth.themes:
        recall, _, f1 = set_scores(truth.themes, c.goal.themes)
        scores["themes"], scores["themes_f1"] = recall, f1
    else:
        scores["themes"], scores["themes_f1"] = None, None
    return scores


def mean(values: Iterable[float | None]) -> float | None:
    vals = [v for v in values if v is not None]
    return sum(vals) / len(vals) if vals else None


def field_accuracy(all_scores: Sequence[dict[str, float | None]]) -> dict[str, float | None]:
    """Mean per field over all cases, and `overall`: the mean over every applicable cell."""
    out: dict[str, float | None] = {f: mean(s.get(f) for s in all_scores) for f in FIELDS}
    out["overall"] = mean(s.get(f) for s in all_scores for f in FIELDS)
    out["themes_f1"] = mean(s.get("themes_f1") for s in all_scores)
    return out


def percentile(values: list[float], q: float) -> float:
    """The nearest-rank `q` quantile (0..1) of `values`: what `make bench` reports as p50/p95."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]
