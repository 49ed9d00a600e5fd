"""The review's party-kind and level vocabulary, read from the tables of `lang.nl`.

What kinds of party a commission's stakeholders are, and at which level its commissioner
decides; the words themselves live once, in `lang.nl` (party kinds and levels).
"""

from __future__ import annotations

from opdrachtassistent.commission import Commission
from opdrachtassistent.lang import nl
from opdrachtassistent.reviewing.wording import text as _text


def _kind_named(kind: str) -> str:
    """How a message names a kind of party: "het waterschap (of hoogheemraadschap)"."""
    row = nl.KINDS.get(kind)
    return row.get("named_as", f"de {row['label']}") if row else kind


# How a message names each kind, for every kind the party table knows.
_KIND_LABELS: dict[str, str] = {kind: _kind_named(kind) for kind in nl.KINDS}


def stakeholder_kinds(c: Commission) -> set[str]:
    """Kinds of party present: the recognised `kind`, else what the name and role suggest."""
    kinds: set[str] = set()
    for s in c.stakeholders:
        if s.kind:
            kinds.add(s.kind.casefold())
            continue
        kinds.update(p.kind for p in nl.find_parties(s.name))
        kinds.update(nl.kinds_in(" ".join(filter(None, (s.name, s.role)))))
    return kinds


def _commissioner_level(c: Commission) -> str | None:
    """'bestuurlijk', 'afdeling' (a single department), 'ambtelijk' or None (unknown)."""
    who = nl.fold(_text(c.mandate.commissioner))
    if nl.BESTUURLIJK_RE.search(who):
        return "bestuurlijk"
    if nl.DEPARTMENT_RE.search(who):
        return "afdeling"
    if c.mandate.level is not None:
        return c.mandate.level
    if nl.AMBTELIJK_RE.search(who):
        return "ambtelijk"
    return None
