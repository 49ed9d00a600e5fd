"""From notes and documents to commissions: one at a time, or a folder in batch."""
