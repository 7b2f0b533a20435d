"""RFC 6238 TOTP: vectors, drift window, replay refusal, garbage codes, provisioning."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta, timezone
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from cryptography.hazmat.primitives.hashes import SHA1
from cryptography.hazmat.primitives.twofactor.totp import TOTP

from companion.crypto.totp import (
    new_totp_secret,
    provisioning_uri,
    secret_text,
    time_step,
    verify_totp,
)

RFC_SECRET = b"12345678901234567890"
# RFC 6238 Appendix B, SHA1 column (8 digits); our 6-digit codes are the last six.
RFC_VECTORS = [
    (59, "94287082"),
    (1111111109, "07081804"),
    (1111111111, "14050471"),
    (1234567890, "89005924"),
    (2000000000, "69279037"),
    (20000000000, "65353130"),
]


def _at(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, tz=UTC)


def _code(step: int) -> str:
    return TOTP(RFC_SECRET, 6, SHA1(), 30).generate(step * 30).decode("ascii")  # noqa: S303


def test_rfc_6238_eight_digit_vector_holds_for_the_primitive() -> None:
    """With 8 digits the primitive gives RFC 6238's 94287082 at T=59."""
    assert TOTP(RFC_SECRET, 8, SHA1(), 30).generate(59) == b"94287082"  # noqa: S303


@pytest.mark.parametrize(("seconds", "eight_digits"), RFC_VECTORS)
def test_rfc_6238_vectors_verify_as_six_digit_codes(seconds: int, eight_digits: str) -> None:
    """The last six digits of each RFC 6238 SHA1 vector verify at its time, in its step."""
    step = verify_totp(RFC_SECRET, eight_digits[-6:], _at(seconds), last_used_step=None)
    assert step == seconds // 30


def test_wrong_code_is_refused() -> None:
    """A code one off the right one does not verify."""
    assert verify_totp(RFC_SECRET, "287083", _at(59), last_used_step=None) is None


@pytest.mark.parametrize("offset", [-1, 1])
def test_one_step_of_drift_is_accepted(offset: int) -> None:
    """Codes from the previous and next step verify and report their own step."""
    now = _at(1_700_000_000)
    step = time_step(now) + offset
    assert verify_totp(RFC_SECRET, _code(step), now, last_used_step=None) == step


@pytest.mark.parametrize("offset", [-2, 2])
def test_two_steps_of_drift_are_refused(offset: int) -> None:
    """Codes two steps away do not verify."""
    now = _at(1_700_000_000)
    code = _code(time_step(now) + offset)
    assert verify_totp(RFC_SECRET, code, now, last_used_step=None) is None


def test_used_step_cannot_be_replayed() -> None:
    """Once a step is used, its code and earlier codes are refused; a later one is not."""
    now = _at(1_700_000_000)
    current = time_step(now)
    used = verify_totp(RFC_SECRET, _code(current), now, last_used_step=None)
    assert used == current
    assert verify_totp(RFC_SECRET, _code(current), now, last_used_step=used) is None
    assert verify_totp(RFC_SECRET, _code(current - 1), now, last_used_step=used) is None
    later = verify_totp(RFC_SECRET, _code(current + 1), now, last_used_step=used)
    assert later == current + 1


@pytest.mark.parametrize("code", ["287 082", " 287082 ", "28 70 82", "287\t082"])
def test_spaces_in_a_code_are_ignored(code: str) -> None:
    """Whitespace a person types between digits does not matter."""
    assert verify_totp(RFC_SECRET, code, _at(59), last_used_step=None) == 1


@pytest.mark.parametrize(
    "code",
    [
        "",
        "      ",
        "abcdef",
        "28708",
        "2870820",
        "94287082",
        "287o82",
        "287-082",
        "+287082",
        "\u0662\u0668\u0667\u0660\u0668\u0662",  # Arabic-Indic digits
        "\uff12\uff18\uff17\uff10\uff18\uff12",  # full-width digits
        "287082\x00",
    ],
)
def test_garbage_codes_are_refused_without_raising(code: str) -> None:
    """Anything other than six ASCII digits (after removing spaces) is None."""
    assert verify_totp(RFC_SECRET, code, _at(59), last_used_step=None) is None


def test_time_step_follows_the_instant_not_the_zone() -> None:
    """The same instant in another zone is the same step; a naive datetime raises."""
    instant = _at(1_700_000_000)
    elsewhere = instant.astimezone(timezone(timedelta(hours=5, minutes=30)))
    assert time_step(elsewhere) == time_step(instant) == 1_700_000_000 // 30
    with pytest.raises(ValueError, match="aware"):
        verify_totp(RFC_SECRET, "287082", datetime(2025, 1, 1), last_used_step=None)  # noqa: DTZ001


def test_provisioning_uri_carries_secret_issuer_and_settings() -> None:
    """The otpauth URI names issuer and account, the base32 secret, SHA1, 6 digits, 30 s."""
    uri = provisioning_uri(RFC_SECRET, "ana@example.org")
    parts = urlsplit(uri)
    query = {key: values[0] for key, values in parse_qs(parts.query).items()}
    assert (parts.scheme, parts.netloc) == ("otpauth", "totp")
    assert unquote(parts.path) == "/Companion:ana@example.org"
    assert query == {
        "secret": base64.b32encode(RFC_SECRET).decode("ascii"),
        "issuer": "Companion",
        "algorithm": "SHA1",
        "digits": "6",
        "period": "30",
    }


def test_secret_text_is_grouped_base32_that_decodes_back() -> None:
    """The typed form is upper-case base32 in groups of four and decodes to the secret."""
    text = secret_text(RFC_SECRET)
    assert text == "GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ"
    assert base64.b32decode(text.replace(" ", "")) == RFC_SECRET


def test_new_secrets_are_20_random_bytes() -> None:
    """Each secret is 160 bits and differs from the last."""
    first, second = new_totp_secret(), new_totp_secret()
    assert len(first) == len(second) == 20
    assert first != second
