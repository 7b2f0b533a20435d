"""The database: models, sealed column types, connections (SQLite WAL or PostgreSQL),
Alembic migrations, and the set-based reads and writes the hot paths use (`outbox`,
`people`, `observations`, `sweep_reads`, `summary_reads`)."""
