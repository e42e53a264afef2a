"""Shared fixtures: one real build (SQLite + Whoosh) of the embedded document per session."""

from __future__ import annotations

import os
import shutil
import threading
import urllib.parse
import urllib.request
import json
from pathlib import Path

import pytest

from index.build import Workspace, build, default_sources
from search.corpus import Library
from search.engine import run_search
from search.query import parse_query
from web import create_app

DOCUMENT = Path(__file__).resolve().parent.parent / "data" / "documents" / "iruma-6th-first-half-evaluation.txt"
DOC_ID = "iruma-6th-first-half-evaluation"


def rid(line: int) -> str:
    """The record id of a line of the embedded document."""
    return f"{DOC_ID}:{line}"


def search(corpus, **params):
    """``run_search`` with keyword parameters (a list for a repeated one), 100 rows a page."""
    request = {k: v if isinstance(v, list) else [v] for k, v in params.items()}
    request.setdefault("per_page", ["100"])
    return run_search(corpus, parse_query(request))


def lines(response):
    """The source lines of a response's results, in order."""
    return [r["source"]["line"] for r in response["results"]]


def copy_workspace(source: Workspace, target) -> Workspace:
    """A private copy of a built workspace (its generations and documents store)."""
    shutil.copytree(source.root, target, symlinks=True)
    return Workspace(target)


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
        self.closing = False
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        try:
            self.server.run()
        except OSError:
            # close() can pull a socket out from under the loop's select(): expected at shutdown.
            if not self.closing:
                raise

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
        self.closing = True
        self.server.close()


@pytest.fixture(scope="session")
def live(app):
    server = LiveServer(app)
    yield server
    server.close()


# --- Real headless Chromium (Debian's package) driven by Playwright, one browser per session ---

CHROMIUM = os.environ.get("HYOKA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"


def browser_required() -> bool:
    """CI and HYOKA_REQUIRE_BROWSER=1 turn a missing browser into a failure instead of a skip."""
    def truthy(name):
        return os.environ.get(name, "").strip().lower() not in ("", "0", "false", "no")
    return truthy("CI") or truthy("HYOKA_REQUIRE_BROWSER")


def _no_browser(reason: str):
    message = (f"{reason}. Install Chromium with `apt-get install -y chromium` and the test extra "
               f"(`pip install -e '.[test]'`); never download a browser.")
    if browser_required():
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless; skipped when missing unless CI or HYOKA_REQUIRE_BROWSER=1."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _no_browser("Playwright for Python is not installed")
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        _no_browser(f"Chromium not found at {CHROMIUM}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def context(browser):
    """A desktop browser context in Japanese (downloads accepted)."""
    context = browser.new_context(viewport=DESKTOP, locale="ja-JP", accept_downloads=True)
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def page(context):
    """A page that records (and dismisses) any dialog, so a test can assert none opened."""
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.dialogs = dialogs
    return page
