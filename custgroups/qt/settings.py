"""Typed access to the settings kept between starts (window, columns, page size, filters)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from custgroups.core.groups import PAGE_SIZES, GroupQuery, GroupSort, Status

ORGANIZATION = "custgroups"
APPLICATION = "custgroups"


class Settings:
    """One place for every remembered value, each with a sane default."""

    def __init__(self) -> None:
        self._store = QSettings(ORGANIZATION, APPLICATION)

    def _text(self, key: str, default: str = "") -> str:
        value = self._store.value(key, default)
        return value if isinstance(value, str) else default

    def _bytes(self, key: str) -> QByteArray:
        value = self._store.value(key)
        return value if isinstance(value, QByteArray) else QByteArray()

    @property
    def window_geometry(self) -> QByteArray:
        """The main window's saved geometry (empty the first time)."""
        return self._bytes("window/geometry")

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._store.setValue("window/geometry", value)

    @property
    def table_header(self) -> QByteArray:
        """The group table header's saved state: column widths and order."""
        return self._bytes("window/table_header")

    @table_header.setter
    def table_header(self, value: QByteArray) -> None:
        self._store.setValue("window/table_header", value)

    @property
    def list_query(self) -> GroupQuery:
        """The group list as it was left: filters, sort and page size (on page 1).

        A stored value that is no longer valid falls back to its default.
        """
        status = self._text("list/status", Status.ALL.value)
        column = self._text("list/sort", GroupSort.CODE.value)
        try:
            page_size = int(self._text("list/page_size", "50"))
        except ValueError:
            page_size = 50
        return GroupQuery(
            code=self._text("list/code"),
            text=self._text("list/text"),
            status=Status(status) if status in Status._value2member_map_ else Status.ALL,
            sort=GroupSort(column) if column in GroupSort._value2member_map_ else GroupSort.CODE,
            descending=self._text("list/descending", "false") == "true",
            page_size=page_size if page_size in PAGE_SIZES else 50,
        )

    @list_query.setter
    def list_query(self, query: GroupQuery) -> None:
        for key, value in (("list/code", query.code), ("list/text", query.text),
                           ("list/status", query.status.value), ("list/sort", query.sort.value),
                           ("list/descending", "true" if query.descending else "false"),
                           ("list/page_size", str(query.page_size))):
            self._store.setValue(key, value)

    @property
    def user_name(self) -> str:
        """The name recorded in the history instead of the login name, if one is set."""
        return self._text("user/name").strip()

    @property
    def reason_required_above(self) -> int:
        """Saves removing more customers than this need a reason (0: never); set by IT or
        in the settings file as ``editor/reason_required_above``."""
        try:
            return max(0, int(self._text("editor/reason_required_above", "100")))
        except ValueError:
            return 100

    @property
    def color_scheme(self) -> str:
        """"system", "light" or "dark": View → Appearance."""
        value = self._text("view/color_scheme", "system")
        return value if value in ("system", "light", "dark") else "system"

    @color_scheme.setter
    def color_scheme(self, value: str) -> None:
        self._store.setValue("view/color_scheme", value)

    @property
    def language(self) -> str:
        """"system" or a language code ("en", "de"): View → Language."""
        return self._text("view/language", "system") or "system"

    @language.setter
    def language(self, value: str) -> None:
        self._store.setValue("view/language", value)

    def sync(self) -> None:
        """Write pending changes to disk now."""
        self._store.sync()
