"""Shared fixtures: one real build (SQLite + Whoosh) of the embedded document per session."""

from __future__ import annotations

import threading
import urllib.parse
import urllib.request
import json
from pathlib import Path

import pytest

from index.build import Workspace, build, default_sources
from search.corpus import Library
from web import create_app

DOCUMENT = Path(__file__).resolve().parent.parent / "data" / "documents" / "iruma-6th-first-half-evaluation.txt"
DOC_ID = "iruma-6th-first-half-evaluation"


def rid(line: int) -> str:
    """The record id of a line of the embedded document."""
    return f"{DOC_ID}:{line}"


@pytest.fixture(scope="session")
def workspace(tmp_path_factory) -> Workspace:
    workspace = Workspace(tmp_path_factory.mktemp("var"))
    build(workspace, default_sources())
    return workspace


@pytest.fixture(scope="session")
def corpus(workspace):
    return Library(workspace).current()


@pytest.fixture(scope="session")
def app(workspace):
    return create_app({"TESTING": True, "VAR_DIR": str(workspace.root), "BUILD_ON_START": False})


@pytest.fixture
def client(app):
    return app.test_client()


class LiveServer:
    """The app served by waitress on a free loopback port, for tests over real HTTP."""

    def __init__(self, app):
        from waitress.server import create_server

        self.server = create_server(app, host="127.0.0.1", port=0, threads=4)
        self.url = f"http://127.0.0.1:{self.server.effective_port}"
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()

    def get(self, path: str, **params):
        """``(status, headers, body)``; JSON bodies decoded."""
        query = urllib.parse.urlencode(params, doseq=True)
        url = self.url + path + ("?" + query if query else "")
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                status, headers, body = response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            status, headers, body = error.code, error.headers, error.read()
        if headers.get_content_type() == "application/json":
            return status, headers, json.loads(body)
        return status, headers, body.decode("utf-8")

    def get_raw(self, raw_path_and_query: str):
        """GET a path whose query string is already encoded (to send malformed bytes)."""
        try:
            with urllib.request.urlopen(self.url + raw_path_and_query, timeout=30) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read())

    def close(self):
        self.server.close()


@pytest.fixture(scope="session")
def live(app):
    server = LiveServer(app)
    yield server
    server.close()
