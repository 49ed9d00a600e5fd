"""Dutch cue patterns, one module per reader: extraction, dialogue, review."""
