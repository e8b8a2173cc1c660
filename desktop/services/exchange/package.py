"""The data package file: a ZIP holding a manifest and one JSON line per record.

The manifest names the desk that wrote it, its place in that desk's series and the SHA-256
of the records; each record line carries the digest of its own values too. A file changed
or cut short anywhere fails one of these checks and is refused before anything is read
into the database.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.domain.messages import QT_TRANSLATE_NOOP, UserError
from desktop.paths import private_file
from desktop.services.exchange.rows import EXCHANGED, Row, columns, digest
from desktop.store.migrations import HEAD

FORMAT = "policedesk-exchange"
FORMAT_VERSION = 1
MANIFEST, RECORDS = "manifest.json", "records.jsonl"


class PackageError(UserError):
    """The file is not a package this program can take; nothing was imported."""


_DAMAGED = QT_TRANSLATE_NOOP(
    "Messages",
    "{file} is damaged or incomplete ({detail}). Nothing was imported; ask for the package again.",
)


@dataclass(frozen=True)
class Line:
    """One record of a package: its table, values, digest and the revisions it follows."""

    table: str
    row: Row
    digest: bytes
    parents: tuple[bytes, ...]
    version: int

    @property
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
class Package:
    id: uuid.UUID
    origin_id: uuid.UUID
    origin_label: str
    sequence: int
    full: bool
    written_at: datetime
    lines: list[Line]
    file_name: str


def _seal(manifest: dict[str, Any]) -> str:
    body = {k: v for k, v in manifest.items() if k != "sha256"}
    text = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def write(path: Path, package: Package) -> None:
    """Write the file whole or not at all (a temporary file renamed into place)."""
    records = "".join(
        json.dumps(line.as_json(), ensure_ascii=False, separators=(",", ":")) + "\n"
        for line in package.lines
    ).encode()
    counts: dict[str, int] = {}
    for line in package.lines:
        counts[line.table] = counts.get(line.table, 0) + 1
    manifest: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema": HEAD,
        "package_id": str(package.id),
        "origin_id": str(package.origin_id),
        "origin_label": package.origin_label,
        "sequence": package.sequence,
        "full": package.full,
        "written_at": package.written_at.isoformat(),
        "counts": counts,
        "records_sha256": hashlib.sha256(records).hexdigest(),
    }
    manifest["sha256"] = _seal(manifest)
    partial = path.with_name(path.name + ".part")
    try:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
            z.writestr(RECORDS, records)
        with open(partial, "rb") as f:
            os.fsync(f.fileno())
        private_file(partial)  # every record of a jurisdiction: its user's alone
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise UserError(
            QT_TRANSLATE_NOOP("Messages", "Cannot write {file}: {detail}"),
            file=str(path),
            detail=exc.strerror or str(exc),
        ) from exc


def read(path: Path) -> Package:
    """The package in `path`, checked whole; PackageError says what is wrong with it."""
    name = path.name

    def damaged(detail: str) -> PackageError:
        return PackageError(_DAMAGED, file=name, detail=detail)

    try:
        with zipfile.ZipFile(path) as z:
            manifest = json.loads(z.read(MANIFEST))
            records = z.read(RECORDS)
    except FileNotFoundError as exc:
        raise PackageError(
            QT_TRANSLATE_NOOP("Messages", "There is no file {file}."), file=str(path)
        ) from exc
    except OSError as exc:
        raise PackageError(
            QT_TRANSLATE_NOOP("Messages", "Cannot read {file}: {detail}"),
            file=str(path),
            detail=exc.strerror or str(exc),
        ) from exc
    except (zipfile.BadZipFile, KeyError, EOFError, ValueError, zipfile.LargeZipFile) as exc:
        raise damaged(str(exc) or type(exc).__name__) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise PackageError(
            QT_TRANSLATE_NOOP("Messages", "{file} is not a data package of this program."),
            file=name,
        )
    if manifest.get("sha256") != _seal(manifest):
        raise damaged("manifest checksum")
    if hashlib.sha256(records).hexdigest() != manifest.get("records_sha256"):
        raise damaged("records checksum")
    if manifest.get("format_version") != FORMAT_VERSION or str(manifest.get("schema")) > HEAD:
        raise PackageError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "{file} was written by a newer version of this program. Nothing was "
                "imported; install that version here first.",
            ),
            file=name,
        )
    try:
        lines = [_line(json.loads(text)) for text in records.decode().splitlines() if text]
        package = Package(
            id=uuid.UUID(manifest["package_id"]),
            origin_id=uuid.UUID(manifest["origin_id"]),
            origin_label=str(manifest["origin_label"]),
            sequence=int(manifest["sequence"]),
            full=bool(manifest["full"]),
            written_at=datetime.fromisoformat(manifest["written_at"]),
            lines=lines,
            file_name=name,
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise damaged(str(exc) or type(exc).__name__) from exc
    return package


def _line(item: dict[str, Any]) -> Line:
    name, row = item["t"], item["d"]
    if name not in EXCHANGED or not isinstance(row, dict):
        raise ValueError(f"record kind {name!r}")
    unknown = set(row) - set(columns(name)) - {"companions"}
    if unknown:
        raise ValueError(f"unknown fields {sorted(unknown)}")
    uuid.UUID(row["id"])
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
