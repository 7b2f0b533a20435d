"""Hot-path Core statements on the session's own connection, past the ORM's execute.

`session.execute` of a plain Core insert still goes through the ORM: an ORM compile
state, an autoflush, the session's events. For the inbound answer's inserts (the
message, the answer, the reply) that was a third of their cost. `run_core` hands a
prebuilt statement straight to the session's connection, in its transaction.

No autoflush happens first: a caller inserts rows whose references are already written
(a new person is flushed when added; a conversation is flushed when its first answers
are saved), which the foreign keys check on both databases.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import CursorResult, Executable
from sqlalchemy.ext.asyncio import AsyncSession


async def run_core(
    session: AsyncSession,
    statement: Executable,
    parameters: Mapping[str, Any] | Sequence[Mapping[str, Any]],
) -> CursorResult[*tuple[Any, ...]]:
    """Execute `statement` with `parameters` (one row, or many) in `session`'s transaction."""
    connection = await session.connection()
    return await connection.execute(statement, parameters)
