"""Both servers as subprocesses on loopback ports, a keep-alive HTTP client, process memory.

hyoka-search runs under waitress (4 threads, as ``make run``) over a given workspace; the peer
runs under Datasette's own server from its virtualenv. Each is stopped by its process id.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import sys
import time
import urllib.parse
from contextlib import contextmanager
from pathlib import Path

from bench import peer

PROJECT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
HYOKA_PORT, PEER_PORT, SCALE_HYOKA_PORT, SCALE_PEER_PORT = 8106, 8107, 8108, 8109
READY_PATHS = {"hyoka": "/api/documents", "peer": "/peer.json"}


class Client:
    """One keep-alive connection to a loopback server."""

    def __init__(self, port: int, timeout: float = 60):
        if HOST != "127.0.0.1":  # the benchmark only ever talks to this machine
            raise ValueError("loopback only")
        self.port = port
        self.timeout = timeout
        self.connection = http.client.HTTPConnection(HOST, port, timeout=timeout)

    def get(self, path: str, params: list[tuple[str, str]] | dict | None = None) -> tuple[int, bytes]:
        query = urllib.parse.urlencode(params or [], doseq=True)
        url = path + ("?" + query if query else "")
        for attempt in (1, 2):
            try:
                self.connection.request("GET", url)
                response = self.connection.getresponse()
                return response.status, response.read()
            except (http.client.HTTPException, ConnectionError):
                # the server closed an idle keep-alive connection: reconnect once
                self.connection.close()
                self.connection = http.client.HTTPConnection(HOST, self.port, timeout=self.timeout)
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def get_json(self, path: str, params=None) -> dict:
        status, body = self.get(path, params)
        if status != 200:
            raise RuntimeError(f"GET {path} answered {status}: {body[:300]!r}")
        return json.loads(body)

    def close(self) -> None:
        self.connection.close()


def hyoka_command(port: int) -> list[str]:
    return [sys.executable, "-m", "waitress", f"--host={HOST}", f"--port={port}", "--threads=4", "wsgi:app"]


@contextmanager
def running(name: str, command: list[str], port: int, env: dict | None = None, log: Path | None = None):
    """Start a server, wait until it answers, yield its process; stop it on exit."""
    log = log or PROJECT / "var" / "bench" / f"{name}-{port}.log"
    if port_in_use(port):
        raise RuntimeError(f"port {port} is already in use: stop what runs there first")
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "wb") as out:
        process = subprocess.Popen(command, cwd=PROJECT, stdout=out, stderr=subprocess.STDOUT,
                                   env={**os.environ, **(env or {})}, start_new_session=True)
    try:
        wait_ready(process, port, READY_PATHS[name], log)
        yield process
    finally:
        stop(process)


def port_in_use(port: int) -> bool:
    import socket

    with socket.socket() as probe:
        return probe.connect_ex((HOST, port)) == 0


def wait_ready(process: subprocess.Popen, port: int, path: str, log: Path, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server on port {port} exited: {log.read_text(errors='replace')[-2000:]}")
        try:
            client = Client(port, timeout=5)
            status, _ = client.get(path)
            client.close()
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"server on port {port} did not answer within {timeout} s")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@contextmanager
def hyoka_server(workspace: Path, port: int = HYOKA_PORT):
    env = {"HYOKA_VAR_DIR": str(workspace), "HYOKA_BUILD_ON_START": "false", "PYTHONWARNINGS": "ignore"}
    with running("hyoka", hyoka_command(port), port, env) as process:
        yield process


@contextmanager
def peer_server(database: Path, port: int = PEER_PORT):
    with running("peer", peer.serve_command(database, port), port) as process:
        yield process


def memory(pid: int) -> dict:
    """Resident memory of a process and of its children, now and at peak, in MiB."""
    now = peak = 0
    for p in [pid, *children(pid)]:
        try:
            status = Path(f"/proc/{p}/status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        now += int(fields.get("VmRSS", "0 kB").split()[0])
        peak += int(fields.get("VmHWM", "0 kB").split()[0])
    return {"rss_mib": round(now / 1024, 1), "peak_rss_mib": round(peak / 1024, 1)}


def children(pid: int) -> list[int]:
    """Every descendant of ``pid``."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            parents.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found
