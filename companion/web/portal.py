"""/portal: where a care coordinator reads the summaries people chose to share with them.

Server-rendered, no JavaScript. Mounted as a sub-application so its security
headers and in-memory state (session keys, login throttle) belong to it alone.

Routes (all under /portal):

    GET  /                       -> the login page, or the people list if logged in
    GET  /login, POST /login     email + passphrase + TOTP code
    POST /logout
    GET  /enrol/{token}, POST    one-time enrolment: passphrase, TOTP app, first code
    GET  /people                 people sharing now, share codes
    POST /share-codes            a new share code
    POST /share-requests         text a person asking them to share
    GET  /people/{consent}                          latest summary, earlier weeks
    GET  /people/{consent}/summary/{week}           an earlier week
    POST /people/{consent}/notes                    a medicine change or appointment
    GET  /people/{consent}/summary/{week}.json      FHIR R4 Bundle download
    GET  /people/{consent}/summary/{week}/print     printable page
    GET  /passphrase, POST       change the passphrase (the private key is re-wrapped)
    GET  /static/portal.css
"""

from __future__ import annotations

from aiohttp import web

from companion.web import (
    portal_account,
    portal_auth,
    portal_downloads,
    portal_notes,
    portal_views,
)
from companion.web.portal_pages import add_security_headers, stylesheet
from companion.web.portal_session import PORTAL_STATE, PortalState

_CONSENT = "{consent_id:[A-Za-z0-9]{1,64}}"
_WEEK = "{week:" + portal_views.WEEK_PATTERN + "}"


def setup(app: web.Application) -> None:
    """Mount the portal on `app` at /portal."""
    portal = portal_app()
    app[PORTAL_STATE] = portal[PORTAL_STATE]  # the same state, for operators and tests
    app.add_subapp("/portal", portal)


def portal_app() -> web.Application:
    """The portal as its own application (mounted by `setup`)."""
    portal = web.Application()
    portal[PORTAL_STATE] = PortalState()
    portal.on_response_prepare.append(add_security_headers)
    get, post = portal.router.add_get, portal.router.add_post
    get("", _index)
    get("/", _index)
    get("/login", portal_auth.login_page)
    post("/login", portal_auth.login)
    post("/logout", portal_auth.logout)
    get("/enrol/{token}", portal_auth.enrol_page)
    post("/enrol/{token}", portal_auth.enrol)
    get("/people", portal_views.people)
    post("/share-codes", portal_views.new_code)
    post("/share-requests", portal_views.ask_by_text)
    get(f"/people/{_CONSENT}", portal_views.person)
    get(f"/people/{_CONSENT}/summary/{_WEEK}", portal_views.person)
    post(f"/people/{_CONSENT}/notes", portal_notes.add_note)
    get(f"/people/{_CONSENT}/summary/{_WEEK}.json", portal_downloads.fhir)
    get(f"/people/{_CONSENT}/summary/{_WEEK}/print", portal_downloads.printable)
    get("/passphrase", portal_account.passphrase_page)
    post("/passphrase", portal_account.change)
    get("/static/portal.css", stylesheet)
    return portal


async def _index(_request: web.Request) -> web.Response:
    return portal_auth.see_other("/portal/login")
