"""Training and evaluation: corpora readers, fitting the heads, agreement statistics."""
