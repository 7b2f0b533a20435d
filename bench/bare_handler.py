"""The inbound baseline: a bare aiohttp handler that checks Twilio's signature, nothing else.

`python -m bench.bare_handler --port P --auth-token T` serves `POST /twilio/sms` on
127.0.0.1: it parses the form, validates `X-Twilio-Signature` with
`twilio.request_validator.RequestValidator` against the same public URL the service
uses, and answers the same empty TwiML. No database, no engine: the floor of the stack.
"""

from __future__ import annotations

import argparse

from aiohttp import web
from twilio.request_validator import RequestValidator

# companion.web.twilio_webhook.EMPTY_TWIML, copied so this process imports none of the
# service (its memory is a floor too); bench/inbound.py checks the two are the same.
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'


def make_app(auth_token: str, public_base_url: str) -> web.Application:
    """The one-route baseline application."""
    validator = RequestValidator(auth_token)

    async def inbound_sms(request: web.Request) -> web.Response:
        raw = await request.post()
        form = {key: value for key, value in raw.items() if isinstance(value, str)}
        signature = request.headers.get("X-Twilio-Signature", "")
        if not validator.validate(public_base_url + request.raw_path, form, signature):
            raise web.HTTPForbidden(text="invalid signature\n")
        return web.Response(text=EMPTY_TWIML, content_type="text/xml")

    async def healthz(_request: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    app = web.Application(client_max_size=64 * 1024)
    app.router.add_post("/twilio/sms", inbound_sms)
    app.router.add_get("/healthz", healthz)
    return app


def main() -> None:
    """Serve until SIGTERM."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--auth-token", required=True)
    args = parser.parse_args()
    app = make_app(args.auth_token, f"http://127.0.0.1:{args.port}")
    web.run_app(app, host="127.0.0.1", port=args.port, print=None, access_log=None)


if __name__ == "__main__":
    main()
