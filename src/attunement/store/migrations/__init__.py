"""Alembic migrations of the attunement database."""
