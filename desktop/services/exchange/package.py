"""The data package file: signed by the desk that writes it, sealed for its recipients, written
and read as a stream.

    MAGIC | header length | header (JSON, in clear) | frames | 0 | Ed25519 signature

The header names the package, the signing desk and its public keys, and the recipients,
each with the content key sealed for it (keys.seal_key); it holds no record and no name.
Each frame is a slice of the body (JSON lines: the manifest, the records, the end line with
the counts) compressed and encrypted with AES-256-GCM under the content key, its number and
"last" flag in the nonce and the associated data, so frames cannot be dropped, reordered,
moved to another package or cut off. The signature covers everything before it.

Reading checks in this order, before anything is decrypted or unpacked: the magic, the
header's size and form, every frame's size, the signature (over the whole file, read once
at a bounded pace). Then the caller decides whether it trusts the signer and opens the body
(`lines`), which is checked as it is unpacked: each frame's size when inflated, each line's,
the total against MAX_UNPACKED, and the file read again must be the file signed.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import os
import struct
import uuid
import zlib
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

import orjson
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop.domain.messages import QT_TRANSLATE_NOOP, UserError
from desktop.paths import private_file
from desktop.services.exchange import keys
from desktop.services.exchange.keys import DeskKeys, KeyPair
from desktop.services.exchange.rows import EXCHANGED, Row, carried, digest
from desktop.store.migrations import HEAD

FORMAT = "policedesk-package"
FORMAT_VERSION = 2
MAGIC = b"PDESKPK\x02"
SUFFIX = ".pdpkg"
MAX_HEADER = 256 * 1024  # a few hundred recipients
FRAME_TARGET = 512 * 1024  # body bytes per frame before compression
MAX_FRAME = 2 * 1024 * 1024  # a frame as stored
MAX_INFLATED = 4 * 1024 * 1024  # a frame unpacked
MAX_LINE = 1024 * 1024  # one record
# What a package may unpack to in all: a city's station is about 150 MB.
MAX_UNPACKED = 2 * 1024 * 1024 * 1024
_LENGTH = struct.Struct(">I")
_READ = 1024 * 1024


class PackageError(UserError):
    """The file is not a package this program can take; nothing was imported."""


_DAMAGED = QT_TRANSLATE_NOOP(
    "Messages",
    "{file} is damaged or incomplete ({detail}). Nothing was imported; ask for the package again.",
)
_NOT_OURS = QT_TRANSLATE_NOOP("Messages", "{file} is not a data package of this program.")
_UNSIGNED = QT_TRANSLATE_NOOP(
    "Messages",
    "{file} is a data package of an older version of this program, which was neither signed "
    "nor sealed. Nothing was imported; ask the desk that wrote it for a new package.",
)
_NEWER = QT_TRANSLATE_NOOP(
    "Messages",
    "{file} was written by a newer version of this program. Nothing was imported; install "
    "that version here first.",
)
_BAD_SIGNATURE = QT_TRANSLATE_NOOP(
    "Messages",
    "The signature of {file} does not match its contents: it was changed after it was "
    "written, or damaged on the way. Nothing was imported; ask for the package again.",
)
_TOO_BIG = QT_TRANSLATE_NOOP(
    "Messages",
    "{file} unpacks to more than the {limit} MB a package may hold. Nothing was imported.",
)


@dataclass(eq=False)
class Line:
    """One record of a package: its table, values, digest and the revisions it follows.
    Not frozen: a frozen dataclass's every field set through object.__setattr__ was a
    noticeable part of reading a hundred thousand of them; nothing changes one once made."""

    table: str
    row: Row
    digest: bytes
    parents: tuple[bytes, ...]
    version: int

    @functools.cached_property
    def id(self) -> uuid.UUID:
        return uuid.UUID(self.row["id"])

    def as_json(self) -> dict[str, Any]:
        return {
            "t": self.table,
            "h": self.digest.hex(),
            "p": [p.hex() for p in self.parents],
            "v": self.version,
            "d": self.row,
        }


@dataclass(frozen=True)
class Header:
    """What a package says of itself in clear: enough to check it and to find one's key."""

    package_id: uuid.UUID
    signer: DeskKeys
    unit_kind: str  # what the signer says it is (the receiver trusts its enrolment instead)
    unit_id: uuid.UUID | None
    sequence: int
    full: bool
    written_at: datetime
    schema: str
    ephemeral: bytes
    recipients: dict[uuid.UUID, bytes]  # desk id → the content key sealed for it


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _unb64(text: Any, size: int | None = None) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    data = base64.b64decode(text, validate=True)
    if size is not None and len(data) != size:
        raise ValueError("key of the wrong size")
    return data


def _nonce(index: int) -> bytes:
    return b"\0\0\0\0" + index.to_bytes(8, "big")


def _aad(header_digest: bytes, last: bool) -> bytes:
    return header_digest + (b"\x01" if last else b"\x00")


# -- writing ----------------------------------------------------------------------------------
class PackageWriter:
    """Write a package as its lines come: a frame at a time, never the whole body in memory.
    The file appears under its name only once it is complete (`finish`)."""

    def __init__(
        self,
        path: Path,
        *,
        pair: KeyPair,
        unit_kind: str,
        unit_id: uuid.UUID | None,
        package_id: uuid.UUID,
        sequence: int,
        full: bool,
        written_at: datetime,
        recipients: list[DeskKeys],
    ) -> None:
        self.path = path
        self.partial = path.with_name(path.name + ".part")
        self.pair = pair
        content_key = keys.new_content_key()
        eph_private, eph_public = keys.ephemeral()
        header = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "schema": HEAD,
            "package": str(package_id),
            "desk": str(pair.id),
            "sign": _b64(pair.sign_public),
            "seal": _b64(pair.seal_public),
            "unit": {"kind": unit_kind, "id": str(unit_id) if unit_id else None},
            "sequence": sequence,
            "full": full,
            "written_at": written_at.isoformat(),
            "ephemeral": _b64(eph_public),
            "to": [
                {
                    "desk": str(r.id),
                    "key": _b64(keys.seal_key(content_key, r.seal_public, eph_private, eph_public)),
                }
                for r in recipients
            ],
        }
        raw = json.dumps(header, separators=(",", ":")).encode()
        self._aes = AESGCM(content_key)
        self._header_digest = hashlib.sha256(raw).digest()
        self._hash = hashlib.sha512()
        self._buffer: list[bytes] = []
        self._buffered = 0
        self._index = 0
        self.counts: dict[str, int] = {}
        self.records = 0
        try:
            self._file: IO[bytes] = open(self.partial, "wb")  # noqa: SIM115 (closed in finish)
            private_file(self.partial)  # the records of a jurisdiction: its user's alone
            self._out(MAGIC + _LENGTH.pack(len(raw)) + raw)
        except OSError as exc:
            self.discard()
            raise _cannot_write(path, exc) from exc

    def _out(self, data: bytes) -> None:
        self._hash.update(data)
        self._file.write(data)

    def _text(self, item: dict[str, Any]) -> None:
        data = orjson.dumps(item, option=orjson.OPT_NON_STR_KEYS) + b"\n"  # as json.dumps
        self._buffer.append(data)
        self._buffered += len(data)
        if self._buffered >= FRAME_TARGET:
            self._frame(last=False)

    def _frame(self, last: bool) -> None:
        body = zlib.compress(b"".join(self._buffer), 1)
        self._buffer, self._buffered = [], 0
        sealed = self._aes.encrypt(_nonce(self._index), body, _aad(self._header_digest, last))
        self._index += 1
        try:
            self._out(_LENGTH.pack(len(sealed)) + sealed)
        except OSError as exc:
            self.discard()
            raise _cannot_write(self.path, exc) from exc

    def manifest(self, values: dict[str, Any]) -> None:
        self._text({"manifest": values})

    def add(self, line: Line) -> None:
        self._text(line.as_json())
        self.counts[line.table] = self.counts.get(line.table, 0) + 1
        self.records += 1

    def finish(self) -> None:
        """Write the end line, the signature, and put the file in place."""
        self._text({"end": {"records": self.records, "counts": self.counts}})
        self._frame(last=True)
        try:
            self._out(_LENGTH.pack(0))
            self._file.write(keys.sign(self.pair, self._hash.digest()))
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()
            os.replace(self.partial, self.path)
        except OSError as exc:
            self.discard()
            raise _cannot_write(self.path, exc) from exc

    def discard(self) -> None:
        file = getattr(self, "_file", None)
        if file is not None and not file.closed:
            file.close()
        self.partial.unlink(missing_ok=True)


def _cannot_write(path: Path, exc: OSError) -> UserError:
    return UserError(
        QT_TRANSLATE_NOOP("Messages", "Cannot write {file}: {detail}"),
        file=str(path),
        detail=exc.strerror or str(exc),
    )


# -- reading ----------------------------------------------------------------------------------
class PackageFile:
    """A package whose form and signature were checked (`open_package`); `lines` opens it."""

    def __init__(self, path: Path, header: Header, transcript: bytes) -> None:
        self.path = path
        self.name = path.name
        self.header = header
        self._transcript = transcript
        self.manifest: dict[str, Any] = {}
        self.end: dict[str, Any] = {}
        self.position = 0  # bytes read by `lines`, of `size`
        self.size = max(1, path.stat().st_size) if path.exists() else 1

    def damaged(self, detail: str) -> PackageError:
        return PackageError(_DAMAGED, file=self.name, detail=detail)

    def addressed_to(self, pair: KeyPair) -> bytes | None:
        sealed = self.header.recipients.get(pair.id)
        if sealed is None:
            return None
        return keys.open_key(sealed, pair, self.header.ephemeral)

    def lines(self, content_key: bytes) -> Generator[Line, None, None]:
        """The records, decrypted and checked as they are read. The manifest comes first
        (self.manifest is set before the first line); the end line must come last and agree
        with what came."""
        aes = AESGCM(content_key)
        counted: dict[str, int] = {}
        total = 0
        order = {name: i for i, name in enumerate(EXCHANGED)}
        place = 0
        pending = b""
        try:
            with open(self.path, "rb") as f:
                hasher = hashlib.sha512()
                head_digest = _read_header_bytes(f, hasher)[1]
                size, index = self._mark(f, hasher), 0
                while size:
                    sealed = self._exactly(f, size, hasher)
                    following = self._mark(f, hasher)  # 0: this frame is the last
                    try:
                        body = aes.decrypt(_nonce(index), sealed, _aad(head_digest, following == 0))
                    except InvalidTag:
                        raise self.damaged("frame") from None
                    index, size = index + 1, following
                    self.position = f.tell()
                    inflater = zlib.decompressobj()
                    text = inflater.decompress(body, MAX_INFLATED)
                    if inflater.unconsumed_tail or not inflater.eof:
                        raise self.damaged("frame too large")
                    total += len(text)
                    if total > MAX_UNPACKED:
                        raise PackageError(_TOO_BIG, file=self.name, limit=MAX_UNPACKED >> 20)
                    pending += text
                    *whole, pending = pending.split(b"\n")
                    if len(pending) > MAX_LINE:
                        raise self.damaged("record too large")
                    for raw in whole:
                        if self.end:
                            raise self.damaged("records after the end")
                        item = orjson.loads(raw)
                        if not isinstance(item, dict):
                            raise self.damaged("not a record")
                        if not self.manifest:
                            self._take_manifest(item)
                            continue
                        if "end" in item:
                            self.end = item["end"] if isinstance(item["end"], dict) else {"?": 1}
                            continue
                        line = _line(item)
                        if order[line.table] < place:
                            raise self.damaged("records out of order")
                        place = order[line.table]
                        counted[line.table] = counted.get(line.table, 0) + 1
                        yield line
            if pending or not self.end or self.end.get("counts") != counted:
                raise self.damaged("cut short")
            if hasher.digest() != self._transcript:
                raise self.damaged("changed while it was read")
        except OSError as exc:
            raise _cannot_read(self.path, exc) from exc
        except (KeyError, TypeError, ValueError, AttributeError, zlib.error) as exc:
            raise self.damaged(str(exc)[:200] or type(exc).__name__) from exc

    def _mark(self, f: IO[bytes], hasher: Any) -> int:
        mark = f.read(_LENGTH.size)
        if len(mark) != _LENGTH.size:
            raise self.damaged("cut short")
        hasher.update(mark)
        (size,) = _LENGTH.unpack(mark)
        if size > MAX_FRAME:
            raise self.damaged("frame too large")
        return int(size)

    def _exactly(self, f: IO[bytes], size: int, hasher: Any) -> bytes:
        data = f.read(size)
        if len(data) != size:
            raise self.damaged("cut short")
        hasher.update(data)
        return data

    def _take_manifest(self, item: dict[str, Any]) -> None:
        manifest = item.get("manifest")
        if not isinstance(manifest, dict) or not isinstance(manifest.get("origin_label"), str):
            raise self.damaged("manifest")
        if manifest.get("package") != str(self.header.package_id):
            raise self.damaged("manifest of another package")
        self.manifest = manifest


def _cannot_read(path: Path, exc: OSError) -> PackageError:
    if isinstance(exc, FileNotFoundError):
        return PackageError(
            QT_TRANSLATE_NOOP("Messages", "There is no file {file}."), file=str(path)
        )
    return PackageError(
        QT_TRANSLATE_NOOP("Messages", "Cannot read {file}: {detail}"),
        file=str(path),
        detail=exc.strerror or str(exc),
    )


def _read_header_bytes(f: IO[bytes], hasher: Any) -> tuple[bytes, bytes]:
    start = f.read(len(MAGIC) + _LENGTH.size)
    if len(start) < len(MAGIC) + _LENGTH.size or start[: len(MAGIC)] != MAGIC:
        raise ValueError("magic")
    (size,) = _LENGTH.unpack(start[len(MAGIC) :])
    if size > MAX_HEADER:
        raise OverflowError("header")
    raw = f.read(size)
    if len(raw) != size:
        raise EOFError("header")
    hasher.update(start + raw)
    return raw, hashlib.sha256(raw).digest()


def _frame_sizes(f: IO[bytes], hasher: Any, package: Any) -> Iterator[tuple[int, bool]]:
    """Each frame's size, hashed on the way, up to the end mark; then the signature must end
    the file. The last frame is the one before the end mark."""
    sizes: list[int] = []
    while True:
        mark = f.read(_LENGTH.size)
        if len(mark) != _LENGTH.size:
            raise package.damaged("cut short")
        hasher.update(mark)
        (size,) = _LENGTH.unpack(mark)
        if size == 0:
            break
        if size > MAX_FRAME:
            raise package.damaged("frame too large")
        left = size
        while left:
            data = f.read(min(left, _READ))
            if not data:
                raise package.damaged("cut short")
            hasher.update(data)
            left -= len(data)
        sizes.append(size)
    if not sizes:
        raise package.damaged("no records")
    for i, size in enumerate(sizes):
        yield size, i == len(sizes) - 1


def open_package(path: Path) -> PackageFile:
    """The package in `path` with its form and signature checked, nothing decrypted yet."""
    name = path.name
    try:
        with open(path, "rb") as f:
            start = f.read(4)
            if start == b"PK\x03\x04":
                raise PackageError(_UNSIGNED, file=name)
            f.seek(0)
            hasher = hashlib.sha512()
            try:
                raw, _ = _read_header_bytes(f, hasher)
            except ValueError:
                raise PackageError(_NOT_OURS, file=name) from None
            except (OverflowError, EOFError) as exc:
                raise PackageError(_DAMAGED, file=name, detail=str(exc)) from None
            header = _header(name, raw)
            package = PackageFile(path, header, b"")
            list(_frame_sizes(f, hasher, package))
            signature = f.read(keys.SIGNATURE_BYTES + 1)
    except OSError as exc:
        raise _cannot_read(path, exc) from exc
    transcript = hasher.digest()
    if len(signature) != keys.SIGNATURE_BYTES or not keys.verify(
        header.signer.sign_public, signature, transcript
    ):
        raise PackageError(_BAD_SIGNATURE, file=name)
    return PackageFile(path, header, transcript)


def _header(name: str, raw: bytes) -> Header:
    try:
        item = json.loads(raw)
        if not isinstance(item, dict) or item.get("format") != FORMAT:
            raise PackageError(_NOT_OURS, file=name)
        if item.get("version") != FORMAT_VERSION or str(item.get("schema")) > HEAD:
            raise PackageError(_NEWER, file=name)
        unit = item["unit"]
        return Header(
            package_id=uuid.UUID(item["package"]),
            signer=DeskKeys(
                uuid.UUID(item["desk"]),
                _unb64(item["sign"], keys.KEY_BYTES),
                _unb64(item["seal"], keys.KEY_BYTES),
            ),
            unit_kind=str(unit["kind"]),
            unit_id=uuid.UUID(unit["id"]) if unit.get("id") else None,
            sequence=int(item["sequence"]),
            full=bool(item["full"]),
            written_at=datetime.fromisoformat(item["written_at"]),
            schema=str(item["schema"]),
            ephemeral=_unb64(item["ephemeral"], keys.KEY_BYTES),
            recipients={uuid.UUID(r["desk"]): _unb64(r["key"]) for r in item["to"]},
        )
    except PackageError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise PackageError(_DAMAGED, file=name, detail="header") from exc


def _line(item: dict[str, Any]) -> Line:
    name, row = item["t"], item["d"]
    if name not in EXCHANGED or not isinstance(row, dict):
        raise ValueError(f"record kind {str(name)[:32]!r}")
    if not carried(name).issuperset(row):
        raise ValueError(f"unknown fields {sorted(row.keys() - carried(name))[:5]}")
    if not isinstance(row.get("id"), str):
        raise ValueError("a record without its key")  # its form: checks.check_line
    line = Line(
        table=name,
        row=row,
        digest=bytes.fromhex(item["h"]),
        parents=tuple(bytes.fromhex(p) for p in item["p"]),
        version=int(item["v"]),
    )
    if digest(row) != line.digest:
        raise ValueError(f"record {row['id']} does not match its digest")
    return line
