"""Fuzz the JSON API from its own ``/openapi.json`` with schemathesis, on the real WSGI app.

Valid and invalid parameters alike (schemathesis' positive and negative modes): no answer is a
5xx, every error is the JSON error shape, valid requests are accepted and every answer conforms
to the published schema.
Derandomized and bounded, so it runs the same cases every time in a few seconds.

Hypothesis drives schemathesis' strategies directly: ``schemathesis.pytest.from_fixture``
does not work with pytest 9 (it sets ``Node._nodeid``, which pytest 9 no longer has).
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

EXAMPLES = 150  # per generation mode, spread over every operation


@pytest.fixture(scope="module")
def api_schema(app):
    return schemathesis.openapi.from_wsgi("/openapi.json", app)


def check(case) -> None:
    response = case.call()
    assert response.status_code < 500, f"{case.method} {case.formatted_path} {case.query}: {response.text}"
    if response.status_code >= 400:
        assert response.headers["content-type"][0].startswith("application/json")
        error = response.json()["error"]
        assert isinstance(error["code"], str) and isinstance(error["message"], str) and error["message"]
    # Not negative_data_rejection: the API reads an empty or blank parameter (what an HTML form
    # sends for an untouched field, e.g. ``per_page=``) as an absent one, on purpose.
    case.validate_response(response, excluded_checks=[schemathesis.checks.negative_data_rejection])


def test_the_schema_lists_every_api_operation(api_schema):
    paths = {operation.ok().path for operation in api_schema.get_all_operations()}
    assert {"/api/search", "/api/evaluations/{id}", "/api/legend", "/api/documents"} <= paths


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=str)
def test_api_never_fails_and_errors_are_json(api_schema, mode):
    @given(case=api_schema.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    def fuzz(case):
        check(case)

    fuzz()


def test_the_published_page_range_is_the_accepted_one(client):
    """Found by the fuzzer: a 10-digit page inside the published range was refused as "not an integer"."""
    last = client.get("/api/search", query_string={"page": "1000000"})
    assert last.status_code == 200 and last.get_json()["results"] == []
    for page in ("1000001", "1359250983", "9" * 5000):
        refused = client.get("/api/search", query_string={"page": page})
        assert refused.status_code == 400
        assert refused.get_json()["error"]["message_en"] == "page must be between 1 and 1000000"
