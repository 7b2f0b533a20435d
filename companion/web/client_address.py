"""Whose address a request comes from: X-Forwarded-For is believed from trusted proxies only.

Behind a reverse proxy every request's peer is the proxy. `COMPANION_TRUSTED_PROXIES`
names the proxies (addresses or networks); when the peer is one of them, the
X-Forwarded-For list is read from the right, skipping trusted proxies, and the first
address that is not one is the client. A request from anyone else is taken at its
peer address, whatever headers it sends.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence

from aiohttp import web

from companion.web.keys import SETTINGS

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
UNKNOWN = "unknown"


def _trusted(address: str, proxies: Sequence[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip.version == net.version and ip in net for net in proxies)


def client_address(peer: str | None, forwarded_for: str | None, proxies: Sequence[Network]) -> str:
    """The client's address given the peer, its X-Forwarded-For header and trusted proxies."""
    if peer is None:
        return UNKNOWN
    if not proxies or not _trusted(peer, proxies) or not forwarded_for:
        return peer
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
    for hop in reversed(hops):
        try:
            ipaddress.ip_address(hop)
        except ValueError:
            return peer  # a malformed list is not believed
        if not _trusted(hop, proxies):
            return hop
    return hops[0] if hops else peer


def request_address(request: web.Request) -> str:
    """The client address of a request (see `client_address`)."""
    proxies = request.config_dict[SETTINGS].trusted_proxies
    return client_address(request.remote, request.headers.get("X-Forwarded-For"), proxies)
