"""Old Excel workbooks (.xls): the records of the workbook stream, read before calamine builds
any sheet. calamine makes a table as large as the space between a sheet's farthest cells (a
5 KB file with cells at A1 and IV65536 asked for a gigabyte), and it gives a number without
the format that shows it with leading zeros, and an error cell as empty. This scan finds each
sheet's extent, how much shared text its cells would copy, the numbers shown padded with
zeros and the error cells, touching little but the records' headers and the cells' places.

A .xls file is an OLE2 compound file: a little file system of 512-byte sectors chained by
a table, in which the workbook is the stream named "Workbook" (BIFF8) or "Book" (BIFF5).
"""

from __future__ import annotations

import struct
from array import array
from bisect import bisect_right
from collections.abc import Callable
from itertools import accumulate

from custgroups.core.sheets.reading import Shown, padded_width

_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END_OF_CHAIN = 0xFFFFFFFE
_FREE = 0xFFFFFFFF
#: Error cells' codes as Excel shows them.
_ERRORS = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?",
           0x24: "#NUM!", 0x2A: "#N/A"}
# Record types.
_BOF, _EOF, _FILEPASS, _BOUNDSHEET, _FORMAT, _XF = 0x0809, 0x000A, 0x002F, 0x0085, 0x041E, 0x00E0
_NUMBER, _RK, _MULRK, _FORMULA, _BOOLERR = 0x0203, 0x027E, 0x00BD, 0x0006, 0x0205
_SST, _CONTINUE, _LABELSST = 0x00FC, 0x003C, 0x00FD
#: Records of one cell with a value, its row, column and format first (blanks have none).
_VALUES = frozenset({_NUMBER, _RK, _FORMULA, _BOOLERR, 0x00FD, 0x0204, 0x00D6})

#: Called with a sheet's name, its rows and columns from A1 and its cells, while it is read.
Check = Callable[[str, int, int, int], None]


class Damaged(Exception):
    """The file is not a readable .xls workbook."""


class Encrypted(Exception):
    """The workbook is protected by a password."""


class TooMuchText(Exception):
    """A sheet's cells name the workbook's shared texts so often that reading would copy
    more text than a customer list holds."""

    def __init__(self, sheet: str) -> None:
        super().__init__(sheet)
        self.sheet = sheet


def scan_xls(data: bytes, check: Check, most_text: int) -> dict[str, Shown]:
    """Each worksheet's name and what it shows that calamine does not; ``check`` sees each
    sheet's extent as it grows and may refuse it by raising. A sheet whose cells would copy
    more than ``most_text`` characters of shared text raises :class:`TooMuchText`."""
    stream = workbook_stream(data) + bytes(16)  # a last record's header reads whole
    try:
        return _scan(stream, check, most_text)
    except (struct.error, IndexError, UnicodeDecodeError):
        raise Damaged from None


def workbook_stream(data: bytes) -> bytes:
    """The workbook stream of a compound file's bytes."""
    return _Compound(data).stream(("workbook", "book"))


class _Compound:
    """An OLE2 compound file's sectors, their chains and its directory of streams."""

    def __init__(self, data: bytes) -> None:
        if data[:8] != _SIGNATURE or len(data) < 512:
            raise Damaged
        shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
        if shift not in (9, 12) or mini_shift != 6:
            raise Damaged
        self.data, self.wide_sizes, self.size = data, shift == 12, 1 << shift
        self.sectors = (len(data) - 512 + self.size - 1) // self.size
        (self.first_directory, _, self.cutoff, self.first_mini_table, _, difat,
         difat_count) = struct.unpack_from("<7I", data, 0x30)
        tables = [n for n in struct.unpack_from("<109I", data, 0x4C) if n < self.sectors]
        seen = 0
        while difat < self.sectors and seen <= min(difat_count, self.sectors):
            entries = struct.unpack(f"<{self.size // 4}I", self.sector(difat))
            tables += [n for n in entries[:-1] if n < self.sectors]  # the list goes on
            difat, seen = entries[-1], seen + 1
        table = b"".join(self.sector(n) for n in tables)
        self.table = struct.unpack(f"<{len(table) // 4}I", table)

    def sector(self, number: int) -> bytes:
        if number >= self.sectors:
            raise Damaged
        return self.data[(number + 1) * self.size:(number + 2) * self.size]

    def read(self, start: int, length: int) -> bytes:
        chain = _chain(start, self.table, self.sectors)
        return b"".join(self.sector(n) for n in chain)[:length]

    def stream(self, names: tuple[str, ...]) -> bytes:
        """The first of the streams called one of ``names`` (in any case)."""
        directory = self.read(self.first_directory, self.sectors * self.size)
        entries: dict[str, tuple[int, int, int]] = {}
        for at in range(0, len(directory) - 127, 128):
            name_bytes, kind = struct.unpack_from("<HB", directory, at + 64)
            name = directory[at:at + max(0, min(name_bytes, 64) - 2)].decode("utf-16-le",
                                                                             "replace")
            start, length = struct.unpack_from("<IQ", directory, at + 116)
            length = length if self.wide_sizes else length & 0xFFFFFFFF
            entries.setdefault(name.lower(), (kind, start, length))
        found = next((entries[name] for name in names if name in entries), None)
        root = next((entry for entry in entries.values() if entry[0] == 5), None)
        if found is None or found[0] != 2 or root is None:
            raise Damaged
        _, start, length = found
        if length >= self.cutoff:
            return self.read(start, length)
        # A small stream lives in 64-byte pieces of the mini stream, the root's own data.
        mini_stream = self.read(root[1], root[2])
        mini_table = self.read(self.first_mini_table, self.sectors * self.size)
        chain = _chain(start, struct.unpack(f"<{len(mini_table) // 4}I", mini_table),
                       len(mini_stream) // 64)
        return b"".join(mini_stream[n * 64:(n + 1) * 64] for n in chain)[:length]


def _chain(start: int, links: tuple[int, ...], limit: int) -> list[int]:
    """The sectors of a chain from ``start``: each one's link in ``links`` names the next."""
    found: list[int] = []
    while start not in (_END_OF_CHAIN, _FREE):
        if start >= len(links) or len(found) > limit:  # out of the table, or a loop
            raise Damaged
        found.append(start)
        start = links[start]
    return found


def _scan(stream: bytes, check: Check, most_text: int) -> dict[str, Shown]:
    """Walk the records: the workbook's formats, styles, shared texts and sheets, then each
    sheet's cells."""
    version, = struct.unpack_from("<H", stream, 4)
    wide = version >= 0x0600  # BIFF8 keeps text in Unicode strings
    formats: dict[int, str] = {}
    styles: list[int] = []
    sheets: list[tuple[int, str]] = []
    texts: list[tuple[int, int]] = []  # the shared texts' record and its continuations
    position, end, previous = 0, len(stream), 0
    while position + 4 <= end:
        kind, length = struct.unpack_from("<HH", stream, position)
        body = position + 4
        if kind == _SST or (kind == _CONTINUE and previous in (_SST, _CONTINUE) and texts):
            texts.append((body, length))
        previous = kind
        if kind == _FILEPASS:
            raise Encrypted
        if kind == _FORMAT:
            number, = struct.unpack_from("<H", stream, body)
            formats[number] = _text(stream, body + 2, wide, long=wide)
        elif kind == _XF:
            styles.append(struct.unpack_from("<H", stream, body + 2)[0])
        elif kind == _BOUNDSHEET:
            start, = struct.unpack_from("<I", stream, body)
            if stream[body + 5] == 0:  # a worksheet, not a chart or macro sheet
                sheets.append((start, _text(stream, body + 6, wide, long=False)))
        elif kind == _EOF:
            break
        position = body + length
    padded = {style: width for style, number in enumerate(styles)
              if (width := padded_width(formats.get(number, "")))}
    shared = _SharedTexts(stream, texts)
    scans: dict[str, Shown] = {}
    done = 0
    for start, name in sorted(sheets):
        if start < done:  # sheets overlapping: read once each, or a few bytes are read forever
            raise Damaged
        named = shared.counts()
        scans[name], done = _scan_sheet(stream, start, name, padded, check, named)
        if shared.copied(named) > most_text:
            raise TooMuchText(name)
    return scans


class _SharedTexts:
    """The workbook's shared texts, which cells name by number: calamine copies a text into
    every cell naming it (a 1.6 MB file of 20,000 cells naming one 32,000-character text
    took it to 1.3 GB)."""

    def __init__(self, stream: bytes, records: list[tuple[int, int]]) -> None:
        self.stream, self.records = stream, records
        self.size = sum(length for _start, length in records)
        self.total = struct.unpack_from("<I", stream, records[0][0] + 4)[0] if records else 0

    def counts(self) -> array[int]:
        """How often a sheet's cells name each text: none yet."""
        return array("I", bytes(4 * min(self.total, self.size // 3 + 1)))

    def copied(self, named: array[int]) -> int:
        """At most how many characters a sheet's cells would copy: every text once (no
        more than the texts' bytes), and the length of each text again for each cell more
        that names it."""
        again = [index for index, times in enumerate(named) if times > 1]
        if not again:
            return self.size
        lengths = self.lengths(max(again))
        return self.size + sum((named[index] - 1) * lengths[index] for index in again)

    def lengths(self, last: int) -> list[int]:
        """The characters of each text up to number ``last``. The records' bodies are read as
        one: a text's characters may go on in the next body, which then starts with a byte
        saying how wide they are."""
        joined = b"".join(self.stream[start:start + length] for start, length in self.records)
        ends = list(accumulate(length for _start, length in self.records))
        found: list[int] = []
        position = 8  # after the count of all texts and of the different ones
        while len(found) <= last:
            characters, flags = struct.unpack_from("<HB", joined, position)
            position += 3
            runs = struct.unpack_from("<H", joined, position)[0] if flags & 8 else 0
            position += 2 if flags & 8 else 0
            extra = struct.unpack_from("<I", joined, position)[0] if flags & 4 else 0
            position += 4 if flags & 4 else 0
            width, left = 2 if flags & 1 else 1, characters
            while left:
                body = bisect_right(ends, position)
                if body >= len(ends):
                    raise Damaged
                step = min(left, (ends[body] - position) // width)
                position, left = position + step * width, left - step
                if left:  # the rest is in the next body, after a byte of flags
                    position = ends[body]
                    if position >= ends[-1]:
                        raise Damaged
                    width = 2 if joined[position] & 1 else 1
                    position += 1
            position += 4 * runs + extra
            found.append(characters)
        return found


def _scan_sheet(stream: bytes, position: int, name: str, padded: dict[int, int],
                check: Check, named: array[int]) -> tuple[Shown, int]:
    """What one sheet shows that calamine does not, and where its records end."""
    shown = Shown()
    rows = columns = cells = records = 0
    unpack = struct.Struct("<HHHHHI").unpack_from  # a text cell's text number last
    end = len(stream)
    if struct.unpack_from("<H", stream, position)[0] != _BOF:
        raise Damaged
    while position + 4 <= end:
        kind, length, row, column, style, text = unpack(stream, position)
        body = position + 4
        position = body + length
        if kind in _VALUES:
            cells += 1
            if kind == _LABELSST:
                named[text] += 1
            rows, columns = max(rows, row + 1), max(columns, column + 1)
            if kind == _BOOLERR and stream[body + 7] == 1:
                shown.error(row + 1, column + 1, _ERRORS.get(stream[body + 6], "#N/A"))
            elif kind == _FORMULA and stream[body + 12:body + 14] == b"\xff\xff":
                if stream[body + 6] == 2:  # a formula whose result is an error
                    shown.error(row + 1, column + 1, _ERRORS.get(stream[body + 8], "#N/A"))
            elif style in padded and kind in (_NUMBER, _RK, _FORMULA):
                shown.pad(row + 1, column + 1, padded[style])
        elif kind == _MULRK:  # several numbers in a row: (style, number) each
            last, = struct.unpack_from("<H", stream, position - 2)
            if last - column + 1 != (length - 6) // 6:
                raise Damaged
            cells += last - column + 1
            rows, columns = max(rows, row + 1), max(columns, last + 1)
            for index in range(last - column + 1):
                style, = struct.unpack_from("<H", stream, body + 4 + 6 * index)
                if style in padded:
                    shown.pad(row + 1, column + index + 1, padded[style])
        elif kind == _EOF:
            break
        records += 1
        if records % 4096 == 0:  # refuse a sheet spreading far before its end
            check(name, rows, columns, cells)
    check(name, rows, columns, cells)
    return shown, position


def _text(stream: bytes, at: int, wide: bool, long: bool) -> str:
    """A string of a record: its length (two bytes if ``long``, else one), then, in BIFF8, a
    flag byte saying whether its characters take one byte or two."""
    count = struct.unpack_from("<H" if long else "<B", stream, at)[0]
    at += 2 if long else 1
    if not wide:
        return stream[at:at + count].decode("latin-1")
    if stream[at] & 1:
        return stream[at + 1:at + 1 + 2 * count].decode("utf-16-le")
    return stream[at + 1:at + 1 + count].decode("latin-1")
