"""The cryptography of packages, and nothing else: a desk's key pairs, the fingerprint people
compare over the phone, signing, and sealing a package's content key for each recipient.

Ed25519 signs (the whole file's SHA-512, so a file is signed without holding it in memory);
X25519 with HKDF-SHA256 and AES-256-GCM seals one random content key for each recipient
(an ephemeral key pair per package: a recipient's key never decrypts another package's
other recipients' copies, and nothing links two packages).
"""

from __future__ import annotations

import hashlib
import os
import uuid
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_BYTES = 32
SIGNATURE_BYTES = 64
# Signal's safety numbers: iterated SHA-512, 5 digits from each 5 bytes. Six groups (30
# digits, about 100 bits) are read over the phone in under a minute.
_FINGERPRINT_ROUNDS = 5200
_FINGERPRINT_GROUPS = 6
_RAW = serialization.Encoding.Raw
_RAW_PRIVATE = serialization.PrivateFormat.Raw
_RAW_PUBLIC = serialization.PublicFormat.Raw
_NO_PASSWORD = serialization.NoEncryption()


@dataclass(frozen=True)
class DeskKeys:
    """A desk's public keys: what another desk enrols."""

    id: uuid.UUID
    sign_public: bytes
    seal_public: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.id, self.sign_public, self.seal_public)


@dataclass(frozen=True)
class KeyPair:
    """This desk's keys, private halves included."""

    id: uuid.UUID
    sign_private: bytes
    seal_private: bytes
    sign_public: bytes
    seal_public: bytes

    @property
    def public(self) -> DeskKeys:
        return DeskKeys(self.id, self.sign_public, self.seal_public)


def new_pair(ident: uuid.UUID) -> KeyPair:
    signing, sealing = Ed25519PrivateKey.generate(), X25519PrivateKey.generate()
    return KeyPair(
        ident,
        signing.private_bytes(_RAW, _RAW_PRIVATE, _NO_PASSWORD),
        sealing.private_bytes(_RAW, _RAW_PRIVATE, _NO_PASSWORD),
        signing.public_key().public_bytes(_RAW, _RAW_PUBLIC),
        sealing.public_key().public_bytes(_RAW, _RAW_PUBLIC),
    )


def fingerprint(ident: uuid.UUID, sign_public: bytes, seal_public: bytes) -> str:
    """The desk's keys as six groups of five digits."""
    value = b"policedesk desk 1" + ident.bytes + sign_public + seal_public
    digest = value
    for _ in range(_FINGERPRINT_ROUNDS):
        digest = hashlib.sha512(digest + value).digest()
    groups = [
        int.from_bytes(digest[i * 5 : i * 5 + 5], "big") % 100_000
        for i in range(_FINGERPRINT_GROUPS)
    ]
    return " ".join(f"{g:05d}" for g in groups)


def digits(text: str) -> str:
    """What a person typed of a fingerprint, spaces and dashes left out."""
    return "".join(ch for ch in text if ch.isdigit())


def sign(pair: KeyPair, digest: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(pair.sign_private).sign(digest)


def verify(sign_public: bytes, signature: bytes, digest: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(sign_public).verify(signature, digest)
    except (InvalidSignature, ValueError):
        return False
    return True


def new_content_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def ephemeral() -> tuple[bytes, bytes]:
    """(private, public) of a key pair used for one package only."""
    key = X25519PrivateKey.generate()
    return (
        key.private_bytes(_RAW, _RAW_PRIVATE, _NO_PASSWORD),
        key.public_key().public_bytes(_RAW, _RAW_PUBLIC),
    )


def _wrapping_key(shared: bytes, ephemeral_public: bytes, recipient_public: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(),
        length=KEY_BYTES,
        salt=ephemeral_public + recipient_public,
        info=b"policedesk package content key",
    ).derive(shared)


def seal_key(
    content_key: bytes, recipient_public: bytes, ephemeral_private: bytes, ephemeral_public: bytes
) -> bytes:
    """The content key, readable only with the recipient's private sealing key."""
    shared = X25519PrivateKey.from_private_bytes(ephemeral_private).exchange(
        X25519PublicKey.from_public_bytes(recipient_public)
    )
    nonce = os.urandom(12)
    wrapping = _wrapping_key(shared, ephemeral_public, recipient_public)
    return nonce + AESGCM(wrapping).encrypt(nonce, content_key, b"policedesk")


def open_key(sealed: bytes, pair: KeyPair, ephemeral_public: bytes) -> bytes | None:
    """The content key sealed for this desk; None when it was not (or was altered)."""
    try:
        shared = X25519PrivateKey.from_private_bytes(pair.seal_private).exchange(
            X25519PublicKey.from_public_bytes(ephemeral_public)
        )
        wrapping = _wrapping_key(shared, ephemeral_public, pair.seal_public)
        key = AESGCM(wrapping).decrypt(sealed[:12], sealed[12:], b"policedesk")
    except (InvalidTag, ValueError):
        return None
    return key if len(key) == KEY_BYTES else None
