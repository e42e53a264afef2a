"""The ``hyoka-search`` command line mirrors the API: the same data as JSON, CSV or a table, the
API's error message and status 1 on bad input, ``--help`` for each command, and ``serve``."""

from __future__ import annotations

import json
import subprocess
import time
import urllib.request

import pytest
from click.testing import CliRunner

from bench.spawn import BIN_DIR, command_env, free_port, hyoka_search
from web.cli import cli

from .conftest import rid


@pytest.fixture
def run(workspace, monkeypatch):
    """Invoke a command in this process on the session's workspace; ``(status, stdout, stderr)``."""
    monkeypatch.setenv("HYOKA_VAR_DIR", str(workspace.root))

    def invoke(*args: str):
        result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
        return result.exit_code, result.stdout, result.stderr
    return invoke


@pytest.mark.parametrize("command", ["search", "ask", "related", "serve", "ingest", "remove", "reindex",
                                     "build", "check", "documents"])
def test_every_command_has_help(run, command):
    status, out, _ = run(command, "--help")
    assert status == 0 and out.startswith(f"Usage: cli {command} [OPTIONS]")


def test_search_prints_what_the_api_answers(run, client):
    status, out, _ = run("search", "空き家", "--progress", "B", "--json")
    assert status == 0
    assert json.loads(out) == client.get("/api/search?q=空き家&progress=B").get_json()


def test_search_as_a_table_and_as_csv(run, client):
    status, out, _ = run("search", "空き家", "--progress", "B")
    lines = out.splitlines()
    api = client.get("/api/search?q=空き家&progress=B").get_json()
    assert status == 0 and lines[0] == f"{api['total']} 件"
    assert lines[1].split() == ["ID", "進捗", "取組", "方向", "所管課", "施策の方向性"]
    assert [line.split()[0] for line in lines[2:]] == [r["id"] for r in api["results"]]
    status, out, _ = run("search", "空き家", "--csv")
    exported = client.get("/search.csv?q=空き家").get_data(as_text=True)
    assert status == 0 and out == exported.replace("\r\n", "\n")  # the runner reads lines as text


@pytest.mark.parametrize("args, path", [
    (("search", "--progress", "Z"), "/api/search?progress=Z"),
    (("search", "--per-page", "1000"), "/api/search?per_page=1000"),
    (("search", "x", "--csv", "--sort", "nonsense"), "/api/search?q=x&sort=nonsense"),
    (("ask", " "), "/api/ask?q=%20"),
    (("related", "nope:1"), "/api/evaluations/nope:1/related"),
    (("related", rid(460), "--limit", "99"), f"/api/evaluations/{rid(460)}/related?limit=99"),
])
def test_bad_input_exits_with_the_apis_message(run, client, args, path):
    status, out, err = run(*args)
    assert status == 1 and out == ""
    assert err.strip() == client.get(path).get_json()["error"]["message"]


def test_ask_and_related(run, client):
    question = "電子申請システムへの入替を実施したのはどの課ですか"
    status, out, _ = run("ask", question, "--json")
    api = client.get(f"/api/ask?q={question}").get_json()
    assert status == 0 and json.loads(out) == api
    status, out, _ = run("ask", question)
    assert status == 0 and out.splitlines()[0] == api["answer"] and "情報政策課" in out
    status, out, _ = run("related", rid(460), "--limit", "5", "--json")
    api = client.get(f"/api/evaluations/{rid(460)}/related?limit=5").get_json()
    assert status == 0 and json.loads(out) == api
    status, out, _ = run("related", rid(460), "--limit", "5")
    assert [line.split()[0] for line in out.splitlines()[1:]] == [r["id"] for r in api["results"]]


def test_the_installed_command_runs(workspace):
    found = hyoka_search(workspace.root, "search", "地区センター", "--json")
    assert found.returncode == 0 and json.loads(found.stdout)["total"] > 0
    refused = hyoka_search(workspace.root, "search", "--progress", "Z")
    assert refused.returncode == 1 and "progress must be one of A, B, C, D, E" in refused.stderr


def wait_for(url: str, process: subprocess.Popen, timeout: float = 90) -> int:
    deadline = time.monotonic() + timeout
    while True:
        assert process.poll() is None, "the server exited"
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.status
        except OSError:
            assert time.monotonic() < deadline, "the server never answered"
            time.sleep(0.2)


def child_pids(pid: int) -> list[str]:
    return subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()


@pytest.mark.parametrize("processes", [1, 2])
def test_serve_with_one_or_more_processes(workspace, processes):
    port = free_port()
    server = subprocess.Popen([str(BIN_DIR / "hyoka-search"), "serve", "--port", str(port),
                               "--processes", str(processes)], env=command_env(workspace.root),
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        assert wait_for(f"http://127.0.0.1:{port}/api/search?q=%E5%9C%B0%E5%8C%BA", server) == 200
        # gunicorn: an arbiter and its workers (on a busy machine the second may start after the
        # first has answered)
        expected, deadline = (0 if processes == 1 else processes), time.monotonic() + 30
        while len(children := child_pids(server.pid)) != expected and time.monotonic() < deadline:
            time.sleep(0.2)
        assert len(children) == expected
    finally:
        server.terminate()
        _, err = server.communicate(timeout=30)
    assert f"serving http://127.0.0.1:{port}/ ({processes} process" in err
