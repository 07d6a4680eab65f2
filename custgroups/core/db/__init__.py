"""The database: open one by its address, run reads and writes on it, SQL that reads alike.

``connect`` opens and closes, and turns failures into one sentence; ``operations`` runs reads
(repeated when a server connection died) and writes (never repeated) in transactions;
``sql`` holds helpers for SQL written as text; ``files`` and ``server`` know SQLite files and
PostgreSQL servers; ``migrations`` brings a schema up to date; ``failures`` words a failure.
"""

from custgroups.core.db.connect import (
    ENV_VAR,
    DatabaseInfo,
    administer,
    choose_database_url,
    close_database,
    default_database_url,
    explain,
    info,
    is_postgres,
    is_server_address,
    open_database,
)
from custgroups.core.db.files import SQLITE_BUSY_TIMEOUT_S, default_database_path, display_name
from custgroups.core.db.migrations import LATEST_SCHEMA
from custgroups.core.db.operations import READ_RETRY_WAITS, reads, snapshot, transaction, writes
from custgroups.core.db.sql import (
    BULK_ROWS,
    contains,
    first_column,
    id_list,
    in_ids,
    insert_rows,
    like,
    mark,
    ordered_id_list,
    refresh_statistics,
    stored_time,
    stream,
    text_list,
)

__all__ = [
    "BULK_ROWS",
    "ENV_VAR", "LATEST_SCHEMA", "READ_RETRY_WAITS", "SQLITE_BUSY_TIMEOUT_S", "DatabaseInfo",
    "administer", "choose_database_url", "close_database", "contains", "default_database_path",
    "default_database_url", "display_name", "explain", "first_column", "id_list", "in_ids",
    "info", "insert_rows", "is_postgres", "is_server_address", "like", "mark", "open_database",
    "ordered_id_list", "reads", "refresh_statistics", "snapshot", "stored_time", "stream",
    "text_list", "transaction", "writes",
]
