"""Schemathesis against the API's OpenAPI schema, in process (WSGI), bounded to a few dozen examples per
endpoint: no answer is a server error, and every answer (status, content type, body) is the documented one.
Requests carry a supervisor's token so writes get past authentication and reach the action layer.

Operations are driven through Hypothesis directly (one test per endpoint) rather than schemathesis'
pytest plugin, which does not run under the pytest this project uses."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from duban.web.apitokens import issue_token

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
EXAMPLES = 25


def _operations() -> list[tuple[str, str]]:
    from duban.web.api import api

    paths = api.get_openapi_schema()["paths"]
    return [(method.upper(), path) for path, ops in paths.items() for method in ops]


@pytest.fixture
def api_schema(db):
    from django.core.signals import request_finished, request_started
    from django.core.wsgi import get_wsgi_application
    from django.db import close_old_connections

    # as Django's test client does: a request must not close the test's database connection
    # (it would on PostgreSQL, where the test data lives in that connection's transaction)
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def token(world) -> str:
    world.report.published = True  # so public reads find something too
    world.report.save()
    return issue_token(world.users["supervisor"], "schemathesis")


@pytest.mark.parametrize(("method", "path"), _operations())
def test_api_conforms(api_schema, token, method, path):
    operation = api_schema[path][method]
    headers = {"Authorization": f"Bearer {token}"}

    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    def check(case):
        case.call_and_validate(headers=headers, checks=CHECKS)

    check()


def test_schema_documents_every_endpoint(api_schema):
    ops = _operations()
    assert len(ops) >= 15
    for method, path in ops:
        assert api_schema[path][method] is not None
