"""The optional language model: one OpenAI-compatible endpoint, its calls and its limits.

`client.py` makes the calls (methods, refusals, deadlines, the per-endpoint breaker);
`engine.py` says which engine answers; the extractor lives in `extract/llm.py`.
"""
