"""A small BM25 index with Dutch-friendly tokenisation (no external dependencies).

Tokens are lowercased and stripped of accents; common Dutch function words are dropped and a
crude suffix stripper folds plurals and diminutives (`bomen`/`boom`, `straten`/`straat`,
`netbeheerders`/`netbeheerder`) onto one form.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence

_STOPWORD_TEXT = """
    aan al alle als alleen ben bij daar dan dat de deze die dit doe doen door dus een eens en er
    ge geen had heb hebben heeft hem het hier hij hoe hun ik in is ja je kan kon kun kunnen
    maar me meer men met mij mijn moet moeten na naar niet niets nog nu of om omdat ons onze
    ook op over te tot u uit uw van veel voor waar wanneer wat we welk welke wel werd wie wij wil
    willen word worden wordt zal ze zelf zich zij zijn zo zoals zou zullen
"""
STOPWORDS: frozenset[str] = frozenset(_STOPWORD_TEXT.split())

_TOKEN_RE = re.compile(r"[a-z0-9]+")
_DOUBLE_VOWEL_RE = re.compile(r"(aa|ee|oo|uu)")
_VOWELS = set("aeiouy")


def fold(text: str) -> str:
    """Lowercase and strip accents: `Integralië` -> `integralie`."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def stem(token: str) -> str:
    """Crude Dutch stemming; consistent rather than linguistically exact."""
    if len(token) <= 3 or token.isdigit():
        return token
    for suffix, replacement in (("heden", "heid"), ("ingen", "ing")):
        if token.endswith(suffix):
            return token[: -len(suffix)] + replacement
    for suffix in ("tjes", "jes", "tje", "je"):
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            token = token[: -len(suffix)]
            break
    else:
        if token.endswith(("ers", "els", "ems", "ens")) and len(token) > 5:
            token = token[:-1]
        if token.endswith("en") and len(token) > 4:
            token = token[:-2]
        elif token.endswith("e") and len(token) > 4:
            token = token[:-1]
    if len(token) >= 3 and token[-1] == token[-2] and token[-1] not in _VOWELS:
        token = token[:-1]
    return _DOUBLE_VOWEL_RE.sub(lambda m: m.group(0)[0], token)


def tokenize(text: str) -> list[str]:
    """Folded, stopword-free, stemmed tokens of `text`."""
    return [
        stem(token)
        for token in _TOKEN_RE.findall(fold(text))
        if token not in STOPWORDS and (len(token) > 1 or token.isdigit())
    ]


class BM25Index:
    """Okapi BM25 over an in-memory inverted index."""

    def __init__(self, *, k1: float = 1.4, b: float = 0.75) -> None:
        self.k1 = k1
        self.b = b
        self._ids: list[str] = []
        self._lengths: list[int] = []
        self._postings: dict[str, dict[int, int]] = {}
        self._avg_length = 0.0

    def __len__(self) -> int:
        return len(self._ids)

    def build(self, documents: Iterable[tuple[str, str]]) -> BM25Index:
        """Index `(id, text)` pairs, replacing whatever was indexed before."""
        self._ids, self._lengths, self._postings = [], [], {}
        for index, (doc_id, text) in enumerate(documents):
            tokens = tokenize(text)
            self._ids.append(doc_id)
            self._lengths.append(len(tokens))
            for term, count in Counter(tokens).items():
                self._postings.setdefault(term, {})[index] = count
        self._avg_length = (sum(self._lengths) / len(self._lengths)) if self._lengths else 0.0
        return self

    def _idf(self, term: str) -> float:
        df = len(self._postings.get(term, ()))
        n = len(self._ids)
        return math.log(1.0 + (n - df + 0.5) / (df + 0.5))

    def search(
        self, query: str, k: int = 10, *, allowed: Sequence[str] | None = None
    ) -> list[tuple[str, float]]:
        """Best `k` `(id, score)` pairs; documents sharing no term with the query are left out."""
        if not self._ids:
            return []
        allowed_set = set(allowed) if allowed is not None else None
        scores: dict[int, float] = {}
        avg = self._avg_length or 1.0
        for term in set(tokenize(query)):
            postings = self._postings.get(term)
            if not postings:
                continue
            idf = self._idf(term)
            for index, tf in postings.items():
                norm = tf + self.k1 * (1.0 - self.b + self.b * self._lengths[index] / avg)
                scores[index] = scores.get(index, 0.0) + idf * tf * (self.k1 + 1.0) / norm
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        result: list[tuple[str, float]] = []
        for index, score in ranked:
            doc_id = self._ids[index]
            if allowed_set is not None and doc_id not in allowed_set:
                continue
            result.append((doc_id, score))
            if len(result) >= k:
                break
        return result
