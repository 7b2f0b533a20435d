"""Phone numbers: normalised to E.164, UK numbers accepted in national form."""

from __future__ import annotations

import phonenumbers

DEFAULT_REGION = "GB"


class InvalidPhoneNumber(ValueError):
    """The text is not a phone number we can send to."""


def to_e164(raw: str, region: str = DEFAULT_REGION) -> str:
    """Normalise `raw` ("07700 900123", "+44 7700 900123") to E.164 ("+447700900123").

    Raises:
        InvalidPhoneNumber: it cannot be parsed or is not a possible number.
    """
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        raise InvalidPhoneNumber("not a phone number") from None
    if not phonenumbers.is_possible_number(number):
        raise InvalidPhoneNumber("not a possible phone number")
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))
