"""HPKE summaries: RFC 9180 conformance, round trip, binding to info and key, tampering.

`cryptography`'s HPKE picks its own ephemeral key and has no public associated-data
argument, so the RFC 9180 vector (which uses aad "Count-0") cannot be fed through
`seal`/`open_` directly. Instead a small reference key schedule written here from
RFC 9180 sections 4.1, 5.1 and 5.2 is first checked against vector A.1.1, then
used to interoperate both ways with the module's AES-256-GCM suite (for which the
RFC has no X25519 vector).
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDFExpand

from companion.crypto.coordinator_keys import new_key_pair
from companion.crypto.hpke_box import OpenError, open_, seal, summary_info

# RFC 9180 Appendix A.1.1: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM, base mode.
A11 = {
    name: bytes.fromhex(value)
    for name, value in {
        "info": "4f6465206f6e2061204772656369616e2055726e",
        "skEm": "52c4a758a802cd8b936eceea314432798d5baf2d7e9235dc084ab1b9cfa2f736",
        "pkEm": "37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431",
        "skRm": "4612c550263fc8ad58375df3f557aac531d26850903e55a9f23f21d8534e8ac8",
        "pkRm": "3948cfe0ad1ddb695d780e59077195da6c56506b027329794ab02bca80815c4d",
        "enc": "37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431",
        "shared_secret": "fe0e18c9f024ce43799ae393c7e8fe8fce9d218875e8227b0187c04e7d2ea1fc",
        "key_schedule_context": "00725611c9d98c07c03f60095cd32d400d8347d45ed67097bbad50fc56da742d07"
        "cb6cffde367bb0565ba28bb02c90744a20f5ef37f30523526106f637abb05449",
        "secret": "12fff91991e93b48de37e7daddb52981084bd8aa64289c3788471d9a9712f397",
        "key": "4531685d41d65f03dc48f6b8302c05b0",
        "base_nonce": "56d890e5accaaf011cff4b7d",
        "pt": "4265617574792069732074727574682c20747275746820626561757479",
        "aad": "436f756e742d30",
        "ct": "f938558b5d72f1a23810b4be2ab4f84331acc02fc97babc53a52ae8218a355a9"
        "6d8770ac83d07bea87e13c512a",
    }.items()
}
AES_128_GCM, AES_256_GCM = 1, 2
INFO = summary_info("person-1", "coord-1", "2025-W07")


@dataclass(frozen=True)
class _Context:
    shared_secret: bytes
    key_schedule_context: bytes
    secret: bytes
    key: bytes
    base_nonce: bytes


def _extract(suite_id: bytes, salt: bytes, label: bytes, ikm: bytes) -> bytes:
    return hmac.digest(salt, b"HPKE-v1" + suite_id + label + ikm, "sha256")


def _expand(suite_id: bytes, prk: bytes, label: bytes, info: bytes, length: int) -> bytes:
    labeled = length.to_bytes(2, "big") + b"HPKE-v1" + suite_id + label + info
    return HKDFExpand(SHA256(), length, labeled).derive(prk)


def _reference(dh: bytes, enc: bytes, pk_rm: bytes, info: bytes, aead_id: int) -> _Context:
    """RFC 9180 base mode key schedule for DHKEM(X25519, HKDF-SHA256), HKDF-SHA256."""
    kem_suite = b"KEM" + (0x20).to_bytes(2, "big")
    eae_prk = _extract(kem_suite, b"", b"eae_prk", dh)
    shared = _expand(kem_suite, eae_prk, b"shared_secret", enc + pk_rm, 32)
    suite = b"HPKE" + b"".join(n.to_bytes(2, "big") for n in (0x20, 1, aead_id))
    psk_id_hash = _extract(suite, b"", b"psk_id_hash", b"")
    context = b"\x00" + psk_id_hash + _extract(suite, b"", b"info_hash", info)
    secret = _extract(suite, shared, b"secret", b"")
    key = _expand(suite, secret, b"key", context, 16 if aead_id == AES_128_GCM else 32)
    return _Context(
        shared, context, secret, key, _expand(suite, secret, b"base_nonce", context, 12)
    )


def test_reference_key_schedule_matches_rfc_9180_vector_a_1_1() -> None:
    """The test's reference reproduces every A.1.1 intermediate value and ciphertext 0."""
    ephemeral = X25519PrivateKey.from_private_bytes(A11["skEm"])
    assert ephemeral.public_key().public_bytes_raw() == A11["pkEm"] == A11["enc"]
    dh = ephemeral.exchange(X25519PublicKey.from_public_bytes(A11["pkRm"]))
    context = _reference(dh, A11["enc"], A11["pkRm"], A11["info"], AES_128_GCM)
    assert context.shared_secret == A11["shared_secret"]
    assert context.key_schedule_context == A11["key_schedule_context"]
    assert context.secret == A11["secret"]
    assert (context.key, context.base_nonce) == (A11["key"], A11["base_nonce"])
    # Sequence 0: nonce = base_nonce XOR 0.
    ct = AESGCM(context.key).encrypt(context.base_nonce, A11["pt"], A11["aad"])
    assert ct == A11["ct"]


def test_module_opens_what_the_reference_seals_with_aes_256_gcm() -> None:
    """A value built by the RFC reference for our suite (aead 2, empty aad) opens."""
    private, public = new_key_pair()
    ephemeral = X25519PrivateKey.from_private_bytes(A11["skEm"])
    enc = ephemeral.public_key().public_bytes_raw()
    dh = ephemeral.exchange(X25519PublicKey.from_public_bytes(public))
    context = _reference(dh, enc, public, INFO, AES_256_GCM)
    ct = AESGCM(context.key).encrypt(context.base_nonce, b"weekly summary", b"")
    assert open_(private, enc + ct, INFO) == b"weekly summary"


def test_reference_opens_what_the_module_seals() -> None:
    """`seal` output is enc || AES-256-GCM ciphertext under the RFC key schedule."""
    private, public = new_key_pair()
    sealed = seal(public, b"weekly summary", INFO)
    enc, ct = sealed[:32], sealed[32:]
    dh = private.exchange(X25519PublicKey.from_public_bytes(enc))
    context = _reference(dh, enc, public, INFO, AES_256_GCM)
    assert AESGCM(context.key).decrypt(context.base_nonce, ct, b"") == b"weekly summary"


def test_round_trip_with_fresh_ephemeral_each_time() -> None:
    """A sealed summary opens; sealing twice gives different bytes of the expected size."""
    private, public = new_key_pair()
    first, second = seal(public, b"summary", INFO), seal(public, b"summary", INFO)
    assert first != second
    assert len(first) == 32 + len(b"summary") + 16
    assert open_(private, first, INFO) == open_(private, second, INFO) == b"summary"
    assert b"summary" not in first


def test_wrong_key_does_not_open() -> None:
    """Another coordinator's private key cannot open the summary."""
    _, public = new_key_pair()
    other, _ = new_key_pair()
    with pytest.raises(OpenError):
        open_(other, seal(public, b"summary", INFO), INFO)


@pytest.mark.parametrize(
    "other_info",
    [
        summary_info("person-2", "coord-1", "2025-W07"),
        summary_info("person-1", "coord-2", "2025-W07"),
        summary_info("person-1", "coord-1", "2025-W08"),
        b"",
    ],
)
def test_summary_moved_to_another_person_coordinator_or_week_does_not_open(
    other_info: bytes,
) -> None:
    """Info binds a summary to its person, coordinator and week."""
    private, public = new_key_pair()
    with pytest.raises(OpenError):
        open_(private, seal(public, b"summary", INFO), other_info)


@pytest.mark.parametrize("position", [0, 31, 32, -1])
def test_tampered_value_does_not_open(position: int) -> None:
    """Flipping a bit in the encapsulated key, the ciphertext or the tag is detected."""
    private, public = new_key_pair()
    sealed = bytearray(seal(public, b"summary", INFO))
    sealed[position] ^= 1
    with pytest.raises(OpenError):
        open_(private, bytes(sealed), INFO)


@pytest.mark.parametrize("length", [0, 31, 32, 47, 48])
def test_truncated_value_does_not_open(length: int) -> None:
    """Short or truncated values raise OpenError, not another exception."""
    private, public = new_key_pair()
    with pytest.raises(OpenError):
        open_(private, seal(public, b"summary", INFO)[:length], INFO)


@pytest.mark.parametrize("public", [b"", bytes(31), bytes(32)])
def test_unusable_public_key_is_refused(public: bytes) -> None:
    """A wrong-length or all-zero (low-order) public key raises ValueError."""
    with pytest.raises(ValueError, match=r"32 bytes|shared key"):
        seal(public, b"summary", INFO)


def test_summary_info_is_length_prefixed_and_unambiguous() -> None:
    """Fields are length-prefixed after a label, so shifted boundaries differ."""
    assert summary_info("p", "c", "2025-W07") == (
        b"companion/summary/v1\x00\x01p\x00\x01c\x00\x082025-W07"
    )
    assert summary_info("ab", "c", "2025-W07") != summary_info("a", "bc", "2025-W07")


@pytest.mark.parametrize("week", ["2025-W7", "2025-W00", "2025-W54", "2025W07", "2025-07", ""])
def test_summary_info_refuses_a_week_that_is_not_iso(week: str) -> None:
    """Only canonical ISO weeks are accepted, so one week has one info string."""
    with pytest.raises(ValueError, match="week"):
        summary_info("p", "c", week)
