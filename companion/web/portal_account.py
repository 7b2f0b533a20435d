"""The logged-in coordinator's own account: changing their passphrase.

The private key is re-wrapped under the new passphrase (`accounts.life_cycle`); the
session that asked stays logged in and every other session of theirs ends.
"""

from __future__ import annotations

from aiohttp import web

from companion.accounts.coordinators import who
from companion.accounts.life_cycle import (
    PassphraseChangeRefused,
    change_passphrase,
    end_other_sessions,
)
from companion.db.models import Coordinator
from companion.web.keys import CONTEXT
from companion.web.portal_pages import page
from companion.web.portal_session import require_login, require_login_post

MAX_FIELD = 1024


async def passphrase_page(request: web.Request) -> web.Response:
    """The passphrase change form."""
    login = await require_login(request)
    ctx = request.config_dict[CONTEXT]
    async with ctx.sessions() as session:
        me = await session.get(Coordinator, login.coordinator_id)
    assert me is not None
    done = request.query.get("done") == "1"
    return page(
        "passphrase.html", me=who(ctx.keyring, me), csrf=login.csrf_token, error=None, done=done
    )


async def change(request: web.Request) -> web.Response:
    """Check the current passphrase, set the new one, end the other sessions."""
    login, form = await require_login_post(request)
    ctx = request.config_dict[CONTEXT]
    typed = tuple(
        str(form.get(name, ""))[: MAX_FIELD + 1]
        for name in ("current", "passphrase", "passphrase_again")
    )
    async with ctx.sessions.begin() as session:
        me = await session.get(Coordinator, login.coordinator_id)
        assert me is not None
        named = who(ctx.keyring, me)
        try:
            await change_passphrase(
                session, ctx.keyring, me, (typed[0], typed[1], typed[2]), ctx.clock()
            )
            refused = None
        except PassphraseChangeRefused as error:
            refused = error.reason
        if refused is None:
            await end_other_sessions(session, login.coordinator_id, keep=login.session_id)
    if refused is not None:
        return page(
            "passphrase.html",
            status=400,
            me=named,
            csrf=login.csrf_token,
            error=refused,
            done=False,
        )
    return web.Response(status=303, headers={"Location": "/portal/passphrase?done=1"})
