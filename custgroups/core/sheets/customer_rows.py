"""A customer list's rows, each checked: a thousand rows at a time, with one look at all
their text when they are the usual kind, and row by row, each field in full, otherwise."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress, islice, repeat, zip_longest
from operator import itemgetter

from custgroups.core import customers
from custgroups.core.codes import customer_code_key, whole_number
from custgroups.core.customer_import import CustomerInput, plainly_valid_rows
from custgroups.core.errors import Sentence, tr
from custgroups.core.progress import ProgressFn
from custgroups.core.sheets.cells import ERROR_VALUES
from custgroups.core.sheets.headings import ACTIVE_WORDS, INACTIVE_WORDS
from custgroups.core.sheets.reading import Sheet

#: Distinct cities and countries kept as one text each (past it, each row keeps its own).
_SHARED_TEXTS = 10_000
_BATCH = 1000
_FIELDS = ("code", "name", "email", "phone", "city", "country", "status")
#: What a status cell says, by its text: Active (True), Inactive (False) or nothing (None).
_STATUSES = {word: False for word in INACTIVE_WORDS} | {word: True for word in ACTIVE_WORDS
                                                       if word} | {"": None}


class _Reading:
    """The rows read so far, the problems found by row, and each code's key with its row."""

    def __init__(self) -> None:
        self.rows: list[CustomerInput] = []
        self.problems: list[tuple[int, Sentence]] = []
        self.keys: list[str] = []
        self.key_rows: list[int] = []
        self.key_codes: list[str] = []
        self.shared: dict[str, str] = {}

    def usual(self, numbers: Sequence[int], fields: Sequence[Sequence[str]]) -> bool:
        """Take a batch of rows, given as columns, that are all the usual kind at once;
        False (nothing taken) when any row needs a closer look."""
        codes, names, emails, phones, cities, countries, statuses = fields
        text = "".join(codes)
        said = {status: status.strip().casefold() for status in set(statuses)}
        if ("." in text or "," in text or not ERROR_VALUES.isdisjoint(codes)
                or not ERROR_VALUES.isdisjoint(names)
                or not _STATUSES.keys() >= set(said.values())
                or not plainly_valid_rows(codes, names, emails, phones, cities, countries)):
            return False
        self.keys += map(str.casefold, codes) if text.isascii() else map(customer_code_key,
                                                                          codes)
        self.key_rows += numbers
        self.key_codes += codes
        if len(self.shared) < _SHARED_TEXTS:  # a city or country repeats: keep its text once
            cities = tuple(map(self.shared.setdefault, cities, cities))
            countries = tuple(map(self.shared.setdefault, countries, countries))
        actives = map({status: _STATUSES[word] for status, word in said.items()}.__getitem__,
                      statuses)
        # Made as the tuples they are: the class's own constructor is a Python function, and
        # calling it for each row took twice as long.
        self.rows += map(tuple.__new__, repeat(CustomerInput),
                         zip(codes, names, emails, phones, cities, countries, actives))
        return True

    def closely(self, number: int, fields: tuple[str, ...]) -> None:
        """Take one row, each field checked in full."""
        code, name, email, phone, city, country, said_status = fields
        status = said_status.strip().casefold()
        problems: list[Sentence] = []
        if status not in _STATUSES:
            problems.append(tr("Row {row}: status '{status}' is neither Active nor Inactive.",
                               row=str(number), status=said_status))
        # An empty (or absent) status says nothing: the import decides what that means.
        if len(self.shared) < _SHARED_TEXTS:
            city, country = (self.shared.setdefault(city, city),
                             self.shared.setdefault(country, country))
        row = CustomerInput(code=whole_number(code), name=name, email=email, phone=phone,
                            city=city, country=country,
                            active=_STATUSES.get(status, True))
        problems.extend(tr("Row {row}: {problem}", row=str(number), problem=problem)
                        for _field, problem in customers.validate_customer(row))
        if code in ERROR_VALUES:
            problems.append(tr("Row {row}: the code cell holds the spreadsheet error {error}; "
                               "fix the formula in the file.", row=str(number), error=code))
        if name in ERROR_VALUES:
            problems.append(tr("Row {row}: the name cell holds the spreadsheet error {error}; "
                               "fix the formula in the file.", row=str(number), error=name))
        self.problems += ((number, problem) for problem in problems)
        key = customer_code_key(row.code)
        if key:
            self.keys.append(key)
            self.key_rows.append(number)
            self.key_codes.append(row.code)
        self.rows.append(row)

    def found(self) -> list[Sentence]:
        """Every problem, in the order of the rows; a code met on an earlier row is one."""
        # Each key with the row it is first on: reversed, so the first row has the last word.
        first = dict(zip(reversed(self.keys), reversed(self.key_rows), strict=True))
        if len(first) < len(self.keys):
            for key, number, code in zip(self.keys, self.key_rows, self.key_codes,
                                         strict=True):
                if first[key] != number:
                    self.problems.append((number, tr(
                        "Row {row}: Customer code '{code}' already appears on row {first}.",
                        row=str(number), code=code.strip(), first=str(first[key]))))
        self.problems.sort(key=itemgetter(0))  # stable: a row's own problems keep their order
        return [problem for _row, problem in self.problems]


def customer_rows(sheet: Sheet, header_row: int, columns: dict[str, int],
                  progress: ProgressFn) -> tuple[list[CustomerInput], list[Sentence]]:
    """The customers in the rows under the heading row, and every problem found."""
    reading = _Reading()
    indexes = [columns.get(field) for field in _FIELDS]
    start = header_row + 1
    while block := list(islice(sheet.rows, _BATCH)):
        numbers: Sequence[int] = range(start, start + len(block))
        start += len(block)
        progress(numbers[-1], 0)
        filled = list(map(any, block))
        if not all(filled):  # empty rows are no customers
            numbers, block = list(compress(numbers, filled)), list(compress(block, filled))
            if not block:
                continue
        # The block as columns; a field without a column (or past a short row's end) reads
        # as empty, and columns no heading named are not read.
        table = list(zip_longest(*block, fillvalue=""))
        empty = ("",) * len(block)
        fields = [table[index] if index is not None and index < len(table) else empty
                  for index in indexes]
        if not reading.usual(numbers, fields):
            for number, row in zip(numbers, zip(*fields), strict=True):
                reading.closely(number, row)
    return reading.rows, reading.found()
