"""`companion chat`: type as the person, see the replies, through the real code path."""

from __future__ import annotations

import asyncio
import uuid
from typing import TextIO

from companion.config import Settings
from companion.context import standalone_context
from companion.crypto.blind_index import phone_index
from companion.db.service_modes import claim_mode
from companion.sending.dispatcher import Dispatcher
from companion.sending.rate import SendRate
from companion.sms.phone import InvalidPhoneNumber, to_e164
from companion.sms.simulator_gateway import SimulatorGateway
from companion.texting.inbound import InboundResult, InboundSms, handle_inbound


async def run_terminal_phone(settings: Settings, phone: str, stdin: TextIO, stdout: TextIO) -> int:
    """Read lines from `stdin` as texts from `phone`; print each reply as it is sent.

    Returns:
        The exit status (0 at end of input).
    """
    try:
        e164 = to_e164(phone)
    except InvalidPhoneNumber:
        stdout.write("not a phone number we can use\n")
        return 2
    gateway = SimulatorGateway()
    async with standalone_context(settings) as ctx:
        await claim_mode(ctx.sessions, settings.mode, ctx.clock())
        only = phone_index(ctx.keyring, e164)
        dispatcher = Dispatcher(
            ctx, gateway, SendRate(settings.max_mps), None, asyncio.Event(), only_phone_index=only
        )
        stdout.write(f"texting as {e164}; Ctrl-D to quit\n> ")
        stdout.flush()
        shown = 0
        while line := await asyncio.to_thread(stdin.readline):
            text = line.rstrip("\n")
            if text.strip():
                sms = InboundSms("CHAT" + uuid.uuid4().hex, e164, text)
                if await handle_inbound(ctx, sms) is InboundResult.HANDLED:
                    await dispatcher.drain()
            for message in gateway.inbox(e164)[shown:]:
                stdout.write(f"< {message.body}\n")
            shown = len(gateway.inbox(e164))
            stdout.write("> ")
            stdout.flush()
        stdout.write("\n")
    return 0
