"""Evaluation harness: simulated administrators and programme-office notes (issue 4).

Run `python eval/run.py` (or `make eval`); see `eval/README.md` for the data format and
the definition of every metric.
"""
