"""The interview: a deterministic policy over the sections, its Dutch texts, scenarios."""
