"""A stand-in for a restarting PostgreSQL server, between custgroups and the real test server.

While forwarding, every byte passes both ways untouched. While "restarting", every new
connection gets the answer a real server gives then (a FATAL error with SQLSTATE 57P03,
"the database system is starting up" or "... is shutting down") and is closed, exactly as
the server's own protocol says it; connections already open are cut, as a restart cuts
them.
"""

from __future__ import annotations

import socket
import struct
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from urllib.parse import urlparse

_SSL_REQUEST = 80877103
_GSS_REQUEST = 80877104


def _error_response(message: str) -> bytes:
    fields = b"".join(tag + text.encode() + b"\0" for tag, text in (
        (b"S", "FATAL"), (b"V", "FATAL"), (b"C", "57P03"), (b"M", message)))
    body = fields + b"\0"
    return b"E" + struct.pack("!I", len(body) + 4) + body


def _read_exactly(conn: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = conn.recv(size - len(data))
        if not chunk:
            raise ConnectionError("closed")
        data += chunk
    return data


class RestartingServer:
    """A proxy in front of ``upstream`` (a PostgreSQL URL) that can play a restart."""

    def __init__(self, upstream: str) -> None:
        parsed = urlparse(upstream)
        self._upstream_url = parsed
        self._target = (parsed.hostname or "127.0.0.1", parsed.port or 5432)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._lock = threading.Lock()
        self._refusal: str | None = None
        self._refusals_left = 0
        self._open: list[socket.socket] = []
        self.refused = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self) -> str:
        """The upstream URL with this proxy's address in place of the server's."""
        parsed = self._upstream_url
        user = f"{parsed.username}@" if parsed.username else ""
        return parsed._replace(netloc=f"{user}127.0.0.1:{self.port}").geturl()

    @property
    def refusing(self) -> bool:
        """True while new connections are refused."""
        return self._refusal is not None

    def restart(self, message: str = "the database system is starting up",
                refusals: int = 1_000_000) -> None:
        """Cut every open connection and refuse the next ``refusals`` new ones."""
        with self._lock:
            self._refusal, self._refusals_left = message, refusals
            cutting, self._open = self._open, []
        for conn in cutting:
            with suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
            with suppress(OSError):
                conn.close()

    def up(self) -> None:
        """Forward new connections to the server again."""
        with self._lock:
            self._refusal = None

    def close(self) -> None:
        """Stop listening and cut every connection."""
        self.restart()
        with suppress(OSError):
            self._listener.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _address = self._listener.accept()
            except OSError:
                return
            with self._lock:
                refusal = self._refusal
                if refusal is not None:
                    self._refusals_left -= 1
                    if self._refusals_left <= 0:
                        self._refusal = None
            if refusal is not None:
                threading.Thread(target=self._refuse, args=(client, refusal),
                                 daemon=True).start()
            else:
                self._forward(client)

    def _refuse(self, client: socket.socket, message: str) -> None:
        with client, suppress(OSError, ConnectionError):
            while True:
                length, code = struct.unpack("!II", _read_exactly(client, 8))
                if code in (_SSL_REQUEST, _GSS_REQUEST):
                    client.sendall(b"N")  # no encryption here; the startup packet follows
                    continue
                _read_exactly(client, length - 8)
                client.sendall(_error_response(message))
                self.refused += 1
                return

    def _forward(self, client: socket.socket) -> None:
        try:
            server = socket.create_connection(self._target)
        except OSError:
            client.close()
            return
        with self._lock:
            self._open += [client, server]
        for source, sink in ((client, server), (server, client)):
            threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, sink: socket.socket) -> None:
        with suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        for conn in (source, sink):
            with suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)


@contextmanager
def restarting_server(upstream: str) -> Iterator[RestartingServer]:
    """A :class:`RestartingServer` for the length of a test."""
    proxy = RestartingServer(upstream)
    try:
        yield proxy
    finally:
        proxy.close()
