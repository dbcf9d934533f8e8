"""Defect 11 of issue 14: the check-in API's OpenAPI document states the secret's length and characters, 405
answers say what is allowed, and schemathesis finds no failure against the document (valid and invalid input)."""

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode

from pitchday.services.checkin import staff as checkin_staff
from tests.checkin.conftest import make_event, make_registration

EXAMPLES = 60  # per mode: a few seconds, and enough to hit NUL bytes, huge ids and wrong types each run


def test_the_document_gives_the_secret_its_rules(client):
    scan = client.get("/api/v1/openapi.json").json["components"]["schemas"]["Scan"]
    secret = scan["properties"]["secret"]
    assert (secret["minLength"], secret["maxLength"]) == (1, 500)
    assert "\\u0000" in secret["pattern"] and "\\s" in secret["pattern"]
    assert scan["additionalProperties"] is False


@pytest.mark.parametrize(("method", "url", "allowed"), [
    ("get", "/api/v1/events/1/checkins", "POST"),
    ("delete", "/api/v1/openapi.json", "GET"),
    ("get", "/auth/logout", "POST"),
])
def test_405_answers_say_what_is_allowed(client, camps, method, url, allowed):
    response = getattr(client, method)(url)
    assert response.status_code == 405
    assert allowed in response.headers["Allow"].split(", ")


@pytest.fixture
def door(db, camps):
    event = make_event(db, camps["essen"])
    make_registration(db, event)
    _device, token = checkin_staff.issue_device(event, name="Door 1", by=None)
    db.session.commit()
    return event, token


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_schemathesis_finds_no_failure(app, door, mode):
    event, token = door
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert [op.path for op in operations] == ["/events/{event_id}/checkins"]
    for operation in operations:
        for path_parameters in ({"event_id": event.id}, None):  # this door's event, then any id

            @settings(max_examples=EXAMPLES // 2, deadline=None, database=None, derandomize=True,
                      phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
            @given(case=operation.as_strategy(generation_mode=mode, path_parameters=path_parameters))
            def check(case):
                case.call_and_validate(headers={"Authorization": f"Bearer {token}"})

            check()
