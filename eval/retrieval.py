"""Retrieval evaluation: recall@k and MRR for dense, lexical and hybrid search.

    python -m eval.retrieval [--eval FILE] [--data-dir DIR] [--json]

Without `--data-dir` the built-in corpus is indexed into a temporary directory first.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import get_args

from opdrachtassistent.knowledge.search import KnowledgeBase, Mode

DEFAULT_EVAL_FILE = Path(__file__).resolve().parent / "retrieval_eval.json"


@dataclass(frozen=True)
class EvalQuestion:
    question: str
    expected: str
    also: tuple[str, ...] = ()

    @property
    def acceptable(self) -> set[str]:
        return {self.expected, *self.also}


@dataclass
class ModeResult:
    mode: str
    recall_at_k: float
    mrr: float
    k: int
    misses: list[str] = field(default_factory=list)


def load_questions(path: Path = DEFAULT_EVAL_FILE) -> list[EvalQuestion]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [
        EvalQuestion(item["q"], item["expected"], tuple(item.get("also", ())))
        for item in data["questions"]
    ]


def evaluate_mode(
    kb: KnowledgeBase, questions: Sequence[EvalQuestion], mode: Mode, *, k: int = 3, depth: int = 10
) -> ModeResult:
    """recall@k (expected id within the top k) and MRR over the top `depth` results."""
    hits = 0
    reciprocal = 0.0
    misses: list[str] = []
    for item in questions:
        ranked = [doc_id for doc_id, _ in kb.rank(item.question, k=depth, mode=mode)]
        positions = [i for i, doc_id in enumerate(ranked) if doc_id in item.acceptable]
        if positions and positions[0] < k:
            hits += 1
        else:
            misses.append(item.question)
        if positions:
            reciprocal += 1.0 / (positions[0] + 1)
    n = max(len(questions), 1)
    return ModeResult(mode, round(hits / n, 4), round(reciprocal / n, 4), k, misses)


def evaluate(
    kb: KnowledgeBase, questions: Sequence[EvalQuestion], *, k: int = 3
) -> dict[str, ModeResult]:
    return {mode: evaluate_mode(kb, questions, mode, k=k) for mode in get_args(Mode)}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m eval.retrieval",
        description="Meet recall@k en MRR van de kennisbank (dicht, lexicaal en hybride).",
    )
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL_FILE, help="evaluatieset (JSON)")
    parser.add_argument("--data-dir", type=Path, default=None, help="bestaande kennisbank")
    parser.add_argument("-k", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    questions = load_questions(args.eval)
    with tempfile.TemporaryDirectory(prefix="oa-eval-") as tmp:
        kb = KnowledgeBase.open(args.data_dir or Path(tmp))
        kb.ensure_ready()
        results = evaluate(kb, questions, k=args.k)
    if args.json:
        print(json.dumps({m: asdict(r) for m, r in results.items()}, ensure_ascii=False, indent=2))
        return 0
    print(f"{len(questions)} vragen, {kb.count()} passages")
    print(f"{'modus':<8} {'recall@' + str(args.k):>9} {'MRR':>7}")
    for result in results.values():
        print(f"{result.mode:<8} {result.recall_at_k:>9.3f} {result.mrr:>7.3f}")
    for result in results.values():
        for miss in result.misses:
            print(f"  mis ({result.mode}): {miss}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
