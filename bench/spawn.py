"""Run the real server (waitress serving ``wsgi:app``) in a subprocess on a loopback port.

Used by the load test and by the tests that reindex under a running server: the server is a
separate process with its own ``HYOKA_VAR_DIR``, as in production.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
BIN_DIR = Path(sys.executable).parent


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def command_env(var_dir: Path | str) -> dict[str, str]:
    """The environment for the server and ``hyoka-search`` commands on one workspace."""
    return {**os.environ, "HYOKA_VAR_DIR": str(var_dir), "HYOKA_BUILD_ON_START": "false",
            "PYTHONWARNINGS": "ignore::SyntaxWarning"}


def hyoka_search(var_dir: Path | str, *args: str, env: dict[str, str] | None = None,
                 **kwargs) -> subprocess.CompletedProcess:
    """Run the ``hyoka-search`` console script on a workspace; output captured as text."""
    kwargs.setdefault("timeout", 300)
    return subprocess.run([str(BIN_DIR / "hyoka-search"), *args], env=command_env(var_dir) | (env or {}),
                          capture_output=True, text=True, **kwargs)


class ServerProcess:
    """``waitress`` serving the app from ``var_dir`` on 127.0.0.1; a context manager."""

    def __init__(self, var_dir: Path | str, port: int | None = None, threads: int = 4,
                 log_path: Path | str | None = None):
        self.var_dir = Path(var_dir)
        self.port = port or free_port()
        self.threads = threads
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = Path(log_path) if log_path else self.var_dir / "server.log"
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 60) -> "ServerProcess":
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "waitress", "--host=127.0.0.1", f"--port={self.port}",
             f"--threads={self.threads}", "wsgi:app"],
            cwd=PROJECT_DIR, env=command_env(self.var_dir), stdout=self._log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited with {self.process.returncode}; see {self.log_path}")
            try:
                if self.get("/api/documents")[0] == 200:
                    return self
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"the server did not answer within {timeout} s; see {self.log_path}")

    def get(self, path: str, timeout: float = 30) -> tuple[int, object]:
        """``(status, body)`` of a GET; JSON decoded, HTML as text."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=timeout) as response:
                status, kind, body = response.status, response.headers.get_content_type(), response.read()
        except urllib.error.HTTPError as error:
            status, kind, body = error.code, error.headers.get_content_type(), error.read()
        return status, json.loads(body) if kind == "application/json" else body.decode("utf-8")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if getattr(self, "_log", None):
            self._log.close()

    def __enter__(self) -> "ServerProcess":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
