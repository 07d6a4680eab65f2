"""Typed access to the settings kept between starts (window, columns, page size, filters)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from custgroups.core.groups import PAGE_SIZES, GroupSort, Status

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
    def page_size(self) -> int:
        """Rows per page; one of :data:`PAGE_SIZES`."""
        try:
            size = int(self._text("list/page_size", "50"))
        except ValueError:
            return 50
        return size if size in PAGE_SIZES else 50

    @page_size.setter
    def page_size(self, value: int) -> None:
        self._store.setValue("list/page_size", str(value))

    @property
    def filters(self) -> tuple[str, str, Status]:
        """The last code filter, name/description filter and status filter."""
        status = self._text("list/status", Status.ALL.value)
        return (self._text("list/code"), self._text("list/text"),
                Status(status) if status in Status._value2member_map_ else Status.ALL)

    @filters.setter
    def filters(self, value: tuple[str, str, Status]) -> None:
        code, text, status = value
        self._store.setValue("list/code", code)
        self._store.setValue("list/text", text)
        self._store.setValue("list/status", status.value)

    @property
    def sort(self) -> tuple[GroupSort, bool]:
        """The last sort column and whether it ran high to low."""
        column = self._text("list/sort", GroupSort.CODE.value)
        descending = self._text("list/descending", "false") == "true"
        return (GroupSort(column) if column in GroupSort._value2member_map_ else GroupSort.CODE,
                descending)

    @sort.setter
    def sort(self, value: tuple[GroupSort, bool]) -> None:
        self._store.setValue("list/sort", value[0].value)
        self._store.setValue("list/descending", "true" if value[1] else "false")

    @property
    def user_name(self) -> str:
        """The name recorded in the history instead of the login name, if one is set."""
        return self._text("user/name").strip()

    def sync(self) -> None:
        """Write pending changes to disk now."""
        self._store.sync()
