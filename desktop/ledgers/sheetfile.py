"""Opening the file a user hands in as a sheet: an Excel workbook (.xlsx) or a CSV file (UTF-8
with or without BOM, GBK / GB18030), told apart by content, not by name; and anything else
refused with a sentence in Chinese.

The file may be hostile (a lone cell at XFD1048576, a workbook that unpacks to gigabytes, a
300 MB cell, a shared-strings bomb, a million rows): every limit holds before the memory is
spent. The workbook is a ZIP: the members' declared sizes and ratios are checked before
they are read and the bytes counted while they are; the sheet is parsed a slice of rows at
a time and its rows handed on as they come, so memory does not grow with the rows; cells
beyond the last column a sheet may have are ignored, a row wider than that is refused. No
file can end the process: what cannot be read raises UnreadableFile, a RefusedError.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path, PurePosixPath
from typing import IO, Any
from xml.etree import ElementTree as ET  # the small parts

from desktop.domain.messages import QT_TRANSLATE_NOOP, RefusedError

# Rows of one sheet: as many as Excel holds. They are checked as they are read and kept by
# nobody, so the cap is the sheet's, not the memory's.
MAX_ROWS = 1_048_576
MAX_COLUMNS = 512  # cells in one row (cells further right are ignored)
MAX_FILE = 256 << 20  # bytes on disk
MAX_SHEET = 1 << 30  # the sheet's XML, unpacked
MAX_STRINGS = 64 << 20  # the shared strings' XML, unpacked
MAX_SMALL = 16 << 20  # workbook.xml, styles.xml, their relations, unpacked
MAX_ROW = 8 << 20  # one row's XML (a cell holds at most 32,767 characters in Excel)
MAX_RATIO = 200  # unpacked ÷ packed, for a member over 1 MB
MAX_MEMBERS = 10_000
CHUNK = 1 << 20

DAMAGED = QT_TRANSLATE_NOOP(
    "Messages",
    "{file} is damaged and cannot be read: open it in Excel or WPS and save it again as .xlsx.",
)
NOT_A_SHEET = QT_TRANSLATE_NOOP(
    "Messages",
    "{file} is neither an Excel workbook (.xlsx) nor a CSV file: open it in Excel or WPS "
    "and save it as .xlsx.",
)
PASSWORD = QT_TRANSLATE_NOOP(
    "Messages",
    "{file} is protected by a password: open it in Excel or WPS, remove the password and "
    "save it again as .xlsx.",
)
OLD_XLS = QT_TRANSLATE_NOOP(
    "Messages",
    "{file} is an old Excel 97-2003 workbook (.xls): open it in Excel or WPS and save it as .xlsx.",
)
TOO_BIG = QT_TRANSLATE_NOOP(
    "Messages",
    "{file} is larger than {limit} MB once unpacked: split it into smaller files.",
)
BOMB = QT_TRANSLATE_NOOP(
    "Messages",
    "{file} unpacks to more than {ratio} times its size, as no real workbook does: it cannot "
    "be imported.",
)
TOO_MANY_ROWS = QT_TRANSLATE_NOOP(
    "Messages", "{file} has more than {limit} rows: split it into smaller files."
)
TOO_WIDE = QT_TRANSLATE_NOOP(
    "Messages",
    "Row {row} of {file} has more than {limit} columns: delete the columns the import does "
    "not need.",
)
ROW_TOO_BIG = QT_TRANSLATE_NOOP(
    "Messages", "Row {row} of {file} holds more than {limit} MB of text: it cannot be imported."
)
ENCODING = QT_TRANSLATE_NOOP(
    "Messages",
    "{file} is text but neither UTF-8 nor GBK: save it as CSV (UTF-8) or as .xlsx.",
)
EMPTY_FILE = QT_TRANSLATE_NOOP("Messages", "{file} is empty.")


class UnreadableFile(RefusedError):
    """The file is no sheet this program can read; the message says why and what to do."""


@dataclass
class Sheet:
    """A sheet being read: its name, an estimate of its rows (for progress), and its rows as
    (the row number the spreadsheet shows, the values), blank rows left out, read as they
    are asked for."""

    name: str
    total: int
    rows: Iterator[tuple[int, list[Any]]]

    def close(self) -> None:
        close = getattr(self.rows, "close", None)
        if close is not None:
            close()


def open_sheet(path: Path) -> Sheet:
    """The first sheet of a workbook, or the rows of a CSV file; UnreadableFile otherwise."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(8)
    except OSError as error:
        raise UnreadableFile(DAMAGED, file=name) from error
    if size == 0:
        raise UnreadableFile(EMPTY_FILE, file=name)
    if size > MAX_FILE:
        raise UnreadableFile(TOO_BIG, file=name, limit=MAX_FILE >> 20)
    if head.startswith(b"PK"):
        return _Workbook(path).sheet()
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # OLE2: .xls, or encrypted OOXML
        raise UnreadableFile(PASSWORD if _encrypted(path) else OLD_XLS, file=name)
    return _csv_sheet(path)


def _encrypted(path: Path) -> bool:
    """An encrypted .xlsx is an OLE2 compound file with EncryptionInfo and EncryptedPackage
    streams (their names are UTF-16 in its directory)."""
    wanted = "EncryptedPackage".encode("utf-16-le")
    tail = b""
    with path.open("rb") as f:
        while block := f.read(CHUNK):
            if wanted in tail + block:
                return True
            tail = block[-len(wanted) :]
    return False


# ---------------------------------------------------------------- the workbook (.xlsx)

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_DATE_FORMATS = {*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)}
_DATE_CODE = re.compile(r"[ymdhs]", re.I)
_NOT_CODE = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')
_P = rb"(?:[A-Za-z_][\w.-]*:)?"  # a namespace prefix, as some writers put on every tag
# A row's start, or a cell: its attributes in the order the schema gives (r, s, t) as every
# writer puts them, anything else after them, and what is inside it.
_ITEM = re.compile(
    rb"<" + _P + rb"(?:(row\b[^>]*)>|c("
    rb'(?:\s+r="([A-Za-z]+)\d*")?(?:\s+s="(\d+)")?(?:\s+t="(\w+)")?([^>]*?))'
    rb"(?:/>|>(.*?)</" + _P + rb"c>))",
    re.S,
)
_ATTR = re.compile(rb"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_ROW_NUMBER = re.compile(rb"""\sr\s*=\s*["'](\d+)""")
_V = re.compile(rb"<" + _P + rb"v\b[^>]*>(.*?)</" + _P + rb"v>", re.S)
_TEXT = re.compile(rb"<" + _P + rb"(t|rPh)\b[^>]*?(?:/>|>(.*?)</" + _P + rb"\1>)", re.S)
_SI = re.compile(rb"<" + _P + rb"si\b[^>]*?(?:/>|>(.*?)</" + _P + rb"si>)", re.S)
_ENTITY = re.compile(r"&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));")
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


class _Workbook:
    def __init__(self, path: Path) -> None:
        self.path, self.file = path, path.name
        _check_directory(path)
        try:
            self.zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
            raise UnreadableFile(DAMAGED, file=self.file) from error
        if len(self.zip.infolist()) > MAX_MEMBERS:
            raise UnreadableFile(DAMAGED, file=self.file)

    def refuse(self, message: str = "", **params: Any) -> UnreadableFile:
        return UnreadableFile(message or DAMAGED, file=self.file, **params)

    def member(self, name: str, limit: int) -> _Counted:
        """A member, opened once its declared size and ratio are within bounds; reading it
        counts the bytes as they come."""
        try:
            info = self.zip.getinfo(name)
        except KeyError:
            raise self.refuse() from None
        if info.flag_bits & 0x1:
            raise self.refuse(PASSWORD)
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > CHUNK and ratio > MAX_RATIO:
            raise self.refuse(BOMB, ratio=MAX_RATIO)
        if info.file_size > limit:
            raise self.refuse(TOO_BIG, limit=limit >> 20)
        try:
            return _Counted(self.zip.open(info), limit, self)
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError) as error:
            raise self.refuse(PASSWORD if "password" in str(error) else "") from error

    def small(self, name: str) -> ET.Element:
        """workbook.xml, styles.xml, relations: parsed whole, they are small."""
        with self.member(name, MAX_SMALL) as f:
            data = f.read()
        if b"<!DOCTYPE" in data or b"<!ENTITY" in data:  # no entities: no entity bombs
            raise self.refuse()
        try:
            return ET.fromstring(data)
        except ET.ParseError as error:
            raise self.refuse() from error

    def sheet(self) -> Sheet:
        names = set(self.zip.namelist())
        if "xl/workbook.xml" not in names:  # a .docx, an .ods, an .xlsb, any ZIP
            raise self.refuse(NOT_A_SHEET)
        book = self.small("xl/workbook.xml")
        ns = book.tag[1 : book.tag.index("}")] if book.tag.startswith("{") else ""
        q = (lambda tag: f"{{{ns}}}{tag}") if ns else (lambda tag: tag)
        first = next(book.iter(q("sheet")), None)
        if first is None:
            raise self.refuse()
        rid = next((v for k, v in first.attrib.items() if k.endswith("}id")), None)
        target = self._target(rid) if rid else None
        if target is None or target not in names:
            target = "xl/worksheets/sheet1.xml"
            if target not in names:
                raise self.refuse()
        pr = next(book.iter(q("workbookPr")), None)
        base = (
            datetime(1904, 1, 1) if pr is not None and pr.get("date1904") in ("1", "true") else None
        )
        strings = self._strings() if "xl/sharedStrings.xml" in names else []
        dates = self._date_styles() if "xl/styles.xml" in names else frozenset()
        rows = _SheetRows(self, target, strings, dates, base)
        return Sheet(first.get("name") or "", rows.estimate(), rows.read())

    def _target(self, rid: str) -> str | None:
        name = "xl/_rels/workbook.xml.rels"
        if name not in self.zip.namelist():
            return None
        for rel in self.small(name).iter(f"{{{_REL}}}Relationship"):
            if rel.get("Id") == rid:
                target = rel.get("Target") or ""
                if target.startswith("/"):
                    return target[1:]
                parts: list[str] = []
                for part in PurePosixPath("xl", target).parts:
                    if part == "..":
                        if parts:
                            parts.pop()
                    elif part != ".":
                        parts.append(part)
                return "/".join(parts)
        return None

    def _strings(self) -> list[str]:
        """The shared strings, read a slice at a time: <si> by <si>, phonetic runs left out,
        the size bounded before and while reading."""
        out: list[str] = []
        with self.member("xl/sharedStrings.xml", MAX_STRINGS) as f:
            for piece in _slices(f, b"sst", b"si", self, lambda: len(out) + 1):
                for inner in _SI.findall(piece):
                    if inner[:3] == b"<t>" and inner.count(b"<") == 2:
                        out.append(_text(inner[3:-4], self))
                    else:
                        out.append(_runs(inner, self))
        return out

    def _date_styles(self) -> frozenset[int]:
        """The cell styles whose number format is a date or a time."""
        styles = self.small("xl/styles.xml")
        ns = styles.tag[: styles.tag.index("}") + 1] if styles.tag.startswith("{") else ""
        custom: dict[int, bool] = {}
        for fmt in styles.iter(ns + "numFmt"):
            try:
                code = _NOT_CODE.sub("", fmt.get("formatCode") or "")
                custom[int(fmt.get("numFmtId") or -1)] = bool(_DATE_CODE.search(code))
            except ValueError:
                continue
        xfs = styles.find(ns + "cellXfs")
        found = set()
        for n, xf in enumerate(xfs if xfs is not None else ()):
            try:
                fid = int(xf.get("numFmtId") or 0)
            except ValueError:
                continue
            if custom.get(fid, fid in _DATE_FORMATS):
                found.add(n)
        return frozenset(found)


def _check_directory(path: Path) -> None:
    """The ZIP's end record read before zipfile reads its directory: a directory of millions
    of entries would take gigabytes as ZipInfo objects."""
    with path.open("rb") as f:
        f.seek(0, io.SEEK_END)
        size = f.tell()
        f.seek(max(0, size - (1 << 16) - 22))
        tail = f.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) < at + 22:
        raise UnreadableFile(DAMAGED, file=path.name)
    entries, directory = struct.unpack("<HI", tail[at + 10 : at + 16])
    if directory != 0xFFFFFFFF and directory > MAX_MEMBERS * 400:
        raise UnreadableFile(DAMAGED, file=path.name)
    if entries != 0xFFFF and entries > MAX_MEMBERS:
        raise UnreadableFile(DAMAGED, file=path.name)


class _Counted(io.RawIOBase):
    """A member's bytes, counted: past `limit` the file is refused, whatever it declared."""

    def __init__(self, raw: IO[bytes], limit: int, book: _Workbook) -> None:
        self.raw, self.limit, self.book, self.count = raw, limit, book, 0

    def read(self, n: int = -1) -> bytes:
        try:
            data = self.raw.read(n if n >= 0 else self.limit + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as error:
            raise self.book.refuse() from error
        except RuntimeError as error:
            raise self.book.refuse(PASSWORD) from error
        self.count += len(data)
        if self.count > self.limit:
            raise self.book.refuse(TOO_BIG, limit=self.limit >> 20)
        return data

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        self.raw.close()
        super().close()


def _slices(f: _Counted, root: bytes, item: bytes, book: _Workbook, where: Any) -> Iterator[bytes]:
    """The <item> elements of the list <root>, as pieces of about CHUNK bytes of whole items,
    comments and CDATA sections made plain. An item longer than MAX_ROW is refused."""
    buffer = b""
    started = False
    end = close = b""
    while True:
        block = f.read(CHUNK)
        buffer += block
        if not started:
            found = re.search(rb"<([A-Za-z_][\w.-]*:)?" + root + rb"\b[^>]*>", buffer)
            if found is None:
                if not block or len(buffer) > MAX_SMALL:
                    raise book.refuse()
                continue
            if found.group(0).endswith(b"/>"):
                return  # an empty list
            prefix = found.group(1) or b""
            started, buffer = True, buffer[found.end() :]
            end, close = b"</" + prefix + item + b">", b"</" + prefix + root + b">"
        at = buffer.find(close)
        if at >= 0:  # the list ends here: what follows it is not read
            buffer, block = buffer[:at], b""
        cut = buffer.rfind(end)
        if cut >= 0 or not block:
            cut = len(buffer) if not block else cut + len(end)
            piece, buffer = buffer[:cut], buffer[cut:]
            yield _plain(piece, book) if b"<!" in piece or b"<?" in piece else piece
            if not block:
                return
        elif len(buffer) > MAX_ROW:
            raise book.refuse(ROW_TOO_BIG, row=where(), limit=MAX_ROW >> 20)


def _plain(piece: bytes, book: _Workbook) -> bytes:
    """Comments and processing instructions out, CDATA sections as escaped text."""
    piece = re.sub(rb"<!--.*?-->|<\?.*?\?>", b"", piece, flags=re.S)
    piece = re.sub(
        rb"<!\[CDATA\[(.*?)\]\]>",
        lambda m: m.group(1).replace(b"&", b"&amp;").replace(b"<", b"&lt;"),
        piece,
        flags=re.S,
    )
    if b"<!" in piece:  # a DOCTYPE or an entity declaration in the middle of a sheet
        raise book.refuse()
    return piece


def _entity(found: re.Match[str]) -> str:
    decimal, hexadecimal, name = found.groups()
    if name:
        return _ENTITIES[name]
    code = int(decimal) if decimal else int(hexadecimal, 16)
    return chr(code) if 0 < code <= 0x10FFFF else "\ufffd"


def _text(raw: bytes, book: _Workbook) -> str:
    """An element's text: UTF-8, its entities replaced."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise book.refuse() from None
    return _ENTITY.sub(_entity, text) if "&" in text else text


def _runs(inner: bytes, book: _Workbook) -> str:
    """A string's text: its <t>, or its runs' <t>s joined; phonetic guides (<rPh>) left out."""
    return "".join(_text(text, book) for tag, text in _TEXT.findall(inner) if tag == b"t")


def _column(letters: bytes) -> int:
    """A → 0, AB → 27: the column of a reference's letters."""
    n = 0
    for ch in letters.upper()[:4]:
        n = n * 26 + ch - 64
    return n - 1 if len(letters) < 4 else MAX_COLUMNS  # XFD is the last column Excel has


class _SheetRows:
    def __init__(
        self,
        book: _Workbook,
        target: str,
        strings: list[str],
        dates: frozenset[int],
        base: datetime | None,
    ) -> None:
        self.book, self.target, self.strings, self.dates = book, target, strings, dates
        self.base = base
        self.number = 0

    def estimate(self) -> int:
        """The rows the sheet's <dimension> claims, bounded: for progress only."""
        with self.book.member(self.target, MAX_SHEET) as f:
            head = f.read(4096)
        found = re.search(rb'<(?:\w+:)?dimension\s+ref="[A-Z]*\d*:?[A-Z]*(\d+)"', head)
        return min(int(found.group(1)), MAX_ROWS) if found else 0

    def read(self) -> Iterator[tuple[int, list[Any]]]:
        with self.book.member(self.target, MAX_SHEET) as f:
            try:
                yield from self._rows(f)
            except UnicodeDecodeError:  # text that is not UTF-8
                raise self.book.refuse() from None

    def _rows(self, f: _Counted) -> Iterator[tuple[int, list[Any]]]:
        book, strings, dates = self.book, self.strings, self.dates
        cache: dict[bytes, int] = {}
        filled = 0
        values: list[Any] | None = None
        width = 0
        for piece in _slices(f, b"sheetData", b"row", book, lambda: self.number + 1):
            for row, attrs, ref, style, kind, rest, inner in _ITEM.findall(piece):
                if row:  # a new row: the one before is done
                    if values:
                        filled += 1
                        if filled > MAX_ROWS:
                            raise book.refuse(TOO_MANY_ROWS, limit=MAX_ROWS)
                        yield self.number, values
                    found = _ROW_NUMBER.search(row)
                    self.number = int(found.group(1)) if found else self.number + 1
                    if self.number > MAX_ROWS:  # below the last row a sheet has
                        raise book.refuse(TOO_MANY_ROWS, limit=MAX_ROWS)
                    values, width = (None if row.endswith(b"/") else []), 0
                    continue
                if values is None:
                    raise book.refuse()  # a cell outside a row
                width += 1
                if width > MAX_COLUMNS:
                    raise book.refuse(TOO_WIDE, row=self.number, limit=MAX_COLUMNS)
                if rest.strip():  # other attributes, or these in another order
                    found_attrs = {m[0]: m[1] or m[2] for m in _ATTR.findall(attrs)}
                    ref = (found_attrs.get(b"r") or b"").rstrip(b"0123456789")
                    style = found_attrs.get(b"s", b"")
                    kind = found_attrs.get(b"t", b"")
                col = cache.get(ref) if ref else len(values)
                if col is None:
                    col = _column(ref)
                    if len(cache) < 4096:
                        cache[ref] = col
                if col >= MAX_COLUMNS:
                    continue  # a far-away cell: ignored
                value: Any
                if kind == b"inlineStr":
                    if inner[:7] == b"<is><t>" and inner.count(b"<") == 4:  # most are
                        value = inner[7:-9].decode()  # UnicodeDecodeError: see below
                        if "&" in value:
                            value = _ENTITY.sub(_entity, value)
                    else:
                        value = _runs(inner, book)
                else:
                    if inner[:3] == b"<v>" and inner[-4:] == b"</v>":
                        v = inner[3:-4]
                    else:
                        found_v = _V.search(inner)
                        if found_v is None:
                            continue
                        v = found_v.group(1)
                    if not kind or kind == b"n":
                        if style and dates:
                            value = self._number(v, style)
                        else:
                            try:
                                value = float(v)
                            except ValueError:
                                value = _text(v, book)
                    elif kind == b"s":
                        try:
                            value = strings[int(v)]
                        except (ValueError, IndexError):
                            raise book.refuse() from None
                    elif kind == b"b":
                        value = v.strip() in (b"1", b"true")
                    else:  # str (a formula's text), e (#N/A …), d (an ISO date)
                        value = _text(v, book)
                if value == "":
                    continue
                if col > len(values):
                    values.extend([""] * (col - len(values)))
                if col == len(values):
                    values.append(value)
                else:
                    values[col] = value
        if values:
            filled += 1
            if filled > MAX_ROWS:
                raise book.refuse(TOO_MANY_ROWS, limit=MAX_ROWS)
            yield self.number, values

    def _number(self, text: bytes, style: bytes) -> Any:
        try:
            value = float(text)
        except ValueError:
            return _text(text, self.book)
        if not style or not self.dates or not style.isdigit() or int(style) not in self.dates:
            return value
        try:
            if self.base is not None:
                stamp = self.base + timedelta(days=value)
            else:
                stamp = datetime(1899, 12, 30) + timedelta(days=value + (value < 60))
        except (OverflowError, ValueError):
            return value
        if 0 <= value < 1:
            return time(stamp.hour, stamp.minute, stamp.second)
        if value.is_integer():
            return stamp.date()
        return stamp


# ---------------------------------------------------------------- CSV


def _csv_sheet(path: Path) -> Sheet:
    """A text file's rows, if it is text in UTF-8 (with or without BOM) or GB18030 (GBK's
    superset); comma- or tab-separated, as its first line says."""
    name = path.name
    with path.open("rb") as f:
        sample = f.read(1 << 16)
    if b"\x00" in sample:  # UTF-16, or binary
        raise UnreadableFile(NOT_A_SHEET, file=name)
    encoding = None
    for candidate in ("utf-8-sig", "gb18030"):
        try:
            codecs.getincrementaldecoder(candidate)().decode(sample, final=False)
        except UnicodeDecodeError:
            continue
        encoding = candidate
        break
    if encoding is None:
        raise UnreadableFile(NOT_A_SHEET, file=name)
    first = sample.split(b"\n", 1)[0]
    delimiter = "\t" if first.count(b"\t") > first.count(b",") else ","
    return Sheet(
        name,
        sample.count(b"\n") if len(sample) < (1 << 16) else 0,
        _csv_rows(path, encoding, delimiter),
    )


def _lines(path: Path, encoding: str) -> Iterator[str]:
    """The file's lines, decoded; a line longer than MAX_ROW is refused before it is held."""
    decoder = codecs.getincrementaldecoder(encoding)()
    rest = b""
    number = 0
    with path.open("rb") as f:
        while True:
            block = f.read(CHUNK)
            rest += block
            lines = rest.split(b"\n")
            rest = lines.pop() if block else b""
            if len(rest) > MAX_ROW:
                raise UnreadableFile(
                    ROW_TOO_BIG, file=path.name, row=number + 1, limit=MAX_ROW >> 20
                )
            for line in lines:
                number += 1
                try:
                    yield decoder.decode(line + b"\n")
                except UnicodeDecodeError:
                    raise UnreadableFile(ENCODING, file=path.name) from None
            if not block:
                if rest:
                    yield decoder.decode(rest, final=True)
                return


def _csv_rows(path: Path, encoding: str, delimiter: str) -> Iterator[tuple[int, list[Any]]]:
    filled = 0
    try:
        for number, row in enumerate(csv.reader(_lines(path, encoding), delimiter=delimiter), 1):
            if len(row) > MAX_COLUMNS:
                raise UnreadableFile(TOO_WIDE, file=path.name, row=number, limit=MAX_COLUMNS)
            if any(row):
                filled += 1
                if filled > MAX_ROWS:
                    raise UnreadableFile(TOO_MANY_ROWS, file=path.name, limit=MAX_ROWS)
                yield number, row
    except csv.Error as error:
        raise UnreadableFile(NOT_A_SHEET, file=path.name) from error
