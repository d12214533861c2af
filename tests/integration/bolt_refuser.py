"""A Bolt listener on 127.0.0.1 that refuses every login, as a Neo4j server does.

No Neo4j runs on this machine and FalkorDB's Bolt ignores credentials, so this is how
the tests see what the real ``neo4j`` driver raises for a refused password (and for no
password where one is needed) and what graphbuild then prints. It speaks only the
opening of the Bolt protocol (5.x, as documented by Neo4j): the handshake, a SUCCESS
for HELLO, then for LOGON the FAILURE Neo4j sends, ``Neo.ClientError.Security.Unauthorized``.
Every connection is closed after that. Bounded: it serves at most ``limit`` connections
and stops with the test.
"""
from __future__ import annotations

import socket
import struct
import threading

MAGIC = b"\x60\x60\xb0\x17"
SUCCESS, FAILURE = 0x70, 0x7F
HELLO, LOGON = 0x01, 0x6A
UNAUTHORIZED = "Neo.ClientError.Security.Unauthorized"


def _string(text: str) -> bytes:
    data = text.encode("utf-8")
    return (bytes([0x80 | len(data)]) if len(data) < 16 else b"\xd0" + bytes([len(data)])) + data


def _message(signature: int, fields: dict[str, str]) -> bytes:
    body = bytes([0xB1, signature, 0xA0 | len(fields)])
    body += b"".join(_string(k) + _string(v) for k, v in fields.items())
    return struct.pack(">H", len(body)) + body + b"\x00\x00"


def _read_exact(conn: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        part = conn.recv(size - len(data))
        if not part:
            raise ConnectionError("closed")
        data += part
    return data


def _read_message(conn: socket.socket) -> int:
    """The signature of the next message (its fields are not needed)."""
    body = b""
    while True:
        size = struct.unpack(">H", _read_exact(conn, 2))[0]
        if size == 0:
            break
        body += _read_exact(conn, size)
    return body[1]


class BoltRefuser:
    def __init__(self, limit: int = 20):
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.2)
        self.port = self._server.getsockname()[1]
        self._limit = limit
        self._stop = threading.Event()
        self.logins = 0
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        served = 0
        while not self._stop.is_set() and served < self._limit:
            try:
                conn, _ = self._server.accept()
            except socket.timeout:
                continue
            served += 1
            with conn:
                conn.settimeout(5)
                try:
                    self._talk(conn)
                except (ConnectionError, OSError, IndexError):
                    pass

    def _talk(self, conn: socket.socket) -> None:
        if _read_exact(conn, 4) != MAGIC:
            return
        offers = _read_exact(conn, 16)
        majors = [(offers[i + 3], offers[i + 2]) for i in range(0, 16, 4)]
        major, minor = next(((5, m) for major, m in majors if major == 5), (0, 0))
        conn.sendall(bytes([0, 0, min(minor, 4), major]))  # Bolt 5.4 at most: the classic FAILURE fields
        if major != 5:
            return
        while True:
            signature = _read_message(conn)
            if signature == HELLO:
                conn.sendall(_message(SUCCESS, {"server": "Neo4j/5.26.0", "connection_id": "bolt-1"}))
            elif signature == LOGON:
                self.logins += 1
                conn.sendall(_message(FAILURE, {"code": UNAUTHORIZED, "message": "The client is unauthorized "
                                                "due to authentication failure."}))
            else:
                return

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._server.close()
