"""Rendering portal pages: Jinja2 templates (all the words live there) and HTTP headers.

Every portal response carries the same strict headers: a Content-Security-Policy
allowing only this origin's stylesheet and images (plus `data:` images for the
enrolment QR code), no scripts, no framing, no referrer, and no caching, because
these pages hold health information.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from aiohttp import web
from jinja2 import Environment, FileSystemLoader, select_autoescape

from companion.engine.timing import LONDON
from companion.web.keys import SETTINGS

TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates" / "portal"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def _parsed(value: object) -> object:
    """An ISO string as a datetime; anything else (or an unreadable string) as it is."""
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            return value
    return value


def day(value: object) -> str:
    """A date, or the date part of a datetime or ISO string, as "23 Nov 2026"."""
    value = _parsed(value)
    if isinstance(value, datetime):
        value = value.astimezone(LONDON).date() if value.tzinfo else value.date()
    if isinstance(value, date):
        return f"{value.day} {value:%b %Y}"
    return str(value)


def num(value: object) -> str:
    """A number with at most one decimal place, and none when it is whole."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    rounded = round(float(value), 1)
    return str(int(rounded)) if rounded.is_integer() else f"{rounded:.1f}"


def week_dates(value: object, with_year: bool = False) -> str:
    """A week (an ISO week code or its Monday) as its dates: "1 to 7 Dec", "29 Dec to 4 Jan 2027".

    The year is shown when asked for or when the week runs into a new year.
    """
    start = _monday(value)
    if start is None:
        return str(value)
    end = start + timedelta(days=6)
    year = f" {end.year}" if with_year or start.year != end.year else ""
    if start.month == end.month:
        return f"{start.day} to {end.day} {end:%b}{year}"
    first = f"{start.day} {start:%b}" + (f" {start.year}" if start.year != end.year else "")
    return f"{first} to {end.day} {end:%b}{year}"


def _monday(value: object) -> date | None:
    if isinstance(value, date):
        return value - timedelta(days=value.weekday())
    if isinstance(value, str):
        match = _ISO_WEEK.fullmatch(value)
        if match:
            return date.fromisocalendar(int(match[1]), int(match[2]), 1)
        try:
            return _monday(date.fromisoformat(value))
        except ValueError:
            return None
    return None


def clock(value: object) -> str:
    """An ISO time or datetime as London wall-clock time with its day: "14:05 on 3 Dec 2026"."""
    value = _parsed(value)
    if isinstance(value, datetime):
        local = value.astimezone(LONDON) if value.tzinfo else value
        return f"{local:%H:%M} on {day(local)}"
    return str(value)


_ISO_WEEK = re.compile(r"([0-9]{4})-W([0-9]{2})")
TEMPLATES.filters["day"] = day
TEMPLATES.filters["num"] = num
TEMPLATES.filters["week_dates"] = week_dates
TEMPLATES.filters["clock"] = clock

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "Pragma": "no-cache",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


def render_html(template: str, /, **context: Any) -> str:
    """A template rendered to text."""
    return TEMPLATES.get_template(template).render(**context)


def page(template: str, /, *, status: int = 200, **context: Any) -> web.Response:
    """A portal page as a response."""
    html = render_html(template, **context)
    return web.Response(text=html, status=status, content_type="text/html")


def error_page(kind: type[web.HTTPException], reason: str) -> web.HTTPException:
    """An HTTP error whose body is the portal's error page for `reason` (raise it)."""
    html = render_html("error.html", reason=reason)
    return kind(text=html, content_type="text/html")


HSTS = "max-age=31536000; includeSubDomains"


async def add_security_headers(request: web.Request, response: web.StreamResponse) -> None:
    """`on_response_prepare` hook: the portal's headers on every response it sends.

    Over HTTPS (directly, or PUBLIC_BASE_URL is https://) browsers are also told to
    use HTTPS only for a year (HSTS), so a later http:// link cannot be downgraded.
    """
    for name, value in SECURITY_HEADERS.items():
        response.headers[name] = value
    if request.secure or request.config_dict[SETTINGS].public_base_url.startswith("https://"):
        response.headers["Strict-Transport-Security"] = HSTS


async def stylesheet(_request: web.Request) -> web.Response:
    """The portal's one stylesheet (served from this origin, so the CSP needs no inline styles)."""
    css = (Path(__file__).parent / "templates" / "portal" / "portal.css").read_text("utf-8")
    return web.Response(text=css, content_type="text/css")
