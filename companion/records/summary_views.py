"""Who opened a person's weekly summaries, and when: read from the audit trail.

The portal audits every view, print and download of a person's page, and each showing
of their row in the triaged caseload, with the consent id as subject. A subject access
export lists them so the person sees who looked.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from companion.db.models import AuditEntry
from companion.db.states import AuditAction

# VIEW_IN_CASELOAD: their row in the triaged people list, read from their summaries.
VIEW_ACTIONS = (
    AuditAction.VIEW_PERSON,
    AuditAction.PRINT,
    AuditAction.DOWNLOAD_FHIR,
    AuditAction.VIEW_IN_CASELOAD,
)


async def summary_views(
    session: AsyncSession, consent_ids: Collection[str]
) -> list[dict[str, Any]]:
    """Each opening of a summary under these consents, oldest first (ids, never content)."""
    if not consent_ids:
        return []
    rows = await session.scalars(
        select(AuditEntry)
        .where(AuditEntry.subject.in_(consent_ids), AuditEntry.action.in_(VIEW_ACTIONS))
        .order_by(AuditEntry.seq)
    )
    return [
        {
            "at": entry.at.isoformat(),
            "by": entry.actor,
            "action": entry.action,
            "consent_id": entry.subject,
            "outcome": entry.outcome,
        }
        for entry in rows
    ]
