"""Taking a summary away: as a FHIR R4 Bundle (JSON) or as a page made for printing.

Both go through the same consent check as the person page and are audited
("download_fhir", "print") with the consent id as subject.
"""

from __future__ import annotations

import json

from aiohttp import web

from companion.db.states import AuditAction
from companion.records.fhir_export import ExportParties, summary_bundle
from companion.web.portal_pages import error_page, page
from companion.web.portal_session import require_login
from companion.web.portal_views import load_person

FHIR_JSON = "application/fhir+json"


async def fhir(request: web.Request) -> web.Response:
    """The week's summary as a FHIR Bundle, offered as a file download."""
    login = await require_login(request)
    week = request.match_info["week"]
    view = await load_person(request, login, AuditAction.DOWNLOAD_FHIR, week)
    if view.summary is None:
        raise error_page(web.HTTPNotFound, "unreadable")
    consent = view.consent
    parties = ExportParties(
        person_id=consent.person_id,
        coordinator_id=consent.coordinator_id,
        coordinator_name=view.coordinator.name,
        consent_id=consent.id,
        consent_status=consent.status,
        consent_given_at=consent.given_at,
    )
    body = json.dumps(summary_bundle(view.summary, parties), indent=2, ensure_ascii=False)
    response = web.Response(text=body, charset="utf-8", content_type=FHIR_JSON)
    response.headers["Content-Disposition"] = f'attachment; filename="summary-{week}.json"'
    return response


async def printable(request: web.Request) -> web.Response:
    """The week's summary on one plain page, for the browser's Print command."""
    login = await require_login(request)
    view = await load_person(request, login, AuditAction.PRINT, request.match_info["week"])
    return page("print.html", view=view)
