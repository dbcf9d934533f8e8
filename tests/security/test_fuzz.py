"""The fuzz test of issue 14: generated input (NUL bytes, huge numbers, odd dates and text included) to every form
route of the site, every address with an id, and the device API; any 500 fails it.

One seeded demo (every area's data), an Essen organiser, and a hub admin for the routes the organiser may not
use. Each POST route is filled from its own page's form fields where it has a page, with ids of real demo
objects in the path; hypothesis draws the values. Generation is derandomised (the same inputs each run, so a
failure is reproducible and CI stays stable) and kept small: about half a minute per database.
"""

import re

import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from pitchday.demo import foundation, seed_all
from pitchday.extensions import db as _db
from pitchday.models import Application, Event, Registration, Startup, User
from pitchday.services.checkin import staff as checkin_staff
from tests.conftest import FormClient, log_in

EXAMPLES_PER_ROUTE = 2
# Endpoints that would end the fuzzing session itself (log-out, a new password, the admin's own role).
SELF_HARM = {"auth.logout", "account.change_password", "account.change_email", "account.end_all_sessions",
             "account.end_session", "admin.remove_admin", "camps.remove_organiser"}
EDGE_IDS = [2147483647, 2147483648]  # the largest id a loader looks up, and the first the converter refuses
EDGE_TEXT = ["", " ", "0", "-1", "2147483648", "99999999999999999999", "-99999999999999999999", "1e309", "NaN",
             "0001-01-01T00:00", "9999-12-31T23:59", "2030-02-30T25:61", "\x00", "a\x00b", "\u202e", "=1+1",
             "on", "y", "ä" * 5000, "<script>x</script>", "../../etc/passwd", "%00", "[]", "{}"]
# Sent in every field of every form besides the drawn values: a number beyond any id column, the year 0001, a digit
# that is no ASCII digit.
EVERY_FIELD = ["2147483648", "0001-01-01T00:00", "²"]
VALUES = st.one_of(st.sampled_from(EDGE_TEXT), st.text(max_size=40), st.integers().map(str),
                   st.datetimes().map(lambda d: d.strftime("%Y-%m-%dT%H:%M")))
FIELD_NAME = re.compile(r'<(?:input|textarea|select)[^>]*\bname="([^"]+)"')


@pytest.fixture
def demo(app, db):
    seed_all()
    essen = db.session.scalar(db.select(Event).filter(Event.title.ilike("%essen%"))) or db.session.scalar(
        db.select(Event).order_by(Event.id))
    application = db.session.scalar(db.select(Application).filter_by(event_id=essen.id)) or db.session.scalar(
        db.select(Application))
    registration = db.session.scalar(db.select(Registration).filter_by(event_id=essen.id)) or db.session.scalar(
        db.select(Registration))
    ids = {"event_id": essen.id, "application_id": application.id, "startup_id": application.startup_id,
           "registration_id": registration.id}
    strings = {"slug": "essen", "secret": registration.ticket_secret, "token": "x", "name": "x",
               "filename": "x.pdf", "stage": "pilot", "answer": "accept", "decision": "accept", "to": "x",
               "action": "up", "position": "1"}
    return {"ids": ids, "strings": strings, "startup_slug": db.session.get(Startup, application.startup_id).slug}


def _client(app, email):
    client = FormClient(app.test_client())
    user = _db.session.scalar(_db.select(User).filter_by(email=email))
    log_in(client, user, foundation.DEMO_PASSWORD)
    return client


def _path_values(rule, demo, int_value=None):
    values = {}
    for name, converter in rule._converters.items():
        if type(converter).__name__ in ("IdConverter", "IntegerConverter"):
            values[name] = int_value if int_value is not None else demo["ids"].get(name, 1)
        elif getattr(converter, "items", None):  # <any(a, b):name>
            values[name] = sorted(converter.items)[0]
        elif name == "slug" and "startup" in rule.rule:
            values[name] = demo["startup_slug"]
        else:
            values[name] = demo["strings"].get(name, "x")
    return values


def _url(app, rule, values):
    with app.test_request_context():
        adapter = app.url_map.bind("localhost")
        return adapter.build(rule.endpoint, values, method=sorted(rule.methods - {"HEAD", "OPTIONS"})[0])


def test_generated_input_never_gives_a_500(app, demo):
    """Every address with an id, with ids at and beyond the bound; then every form route, with generated values
    for its form's fields. Both as an organiser (a hub admin where the organiser is refused)."""
    failures = _edge_ids(app, demo) + _forms(app, demo)
    assert failures == []


def _edge_ids(app, demo) -> list:
    client = _client(app, "orga-essen@pitchday.example")
    failures = []
    for rule in app.url_map.iter_rules():
        if not any(type(c).__name__ == "IdConverter" for c in rule._converters.values()):
            continue
        for edge in EDGE_IDS:
            path = _url(app, rule, _path_values(rule, demo, edge)) if edge <= 2147483647 else re.sub(
                r"/\d+(?=/|$|\.)", f"/{edge}", _url(app, rule, _path_values(rule, demo, 1)), count=1)
            method = "GET" if "GET" in rule.methods else "POST"
            response = client.open(path, method=method)
            if response.status_code >= 500:
                failures.append((method, path, response.status_code))
    return failures


def _forms(app, demo) -> list:
    organiser = _client(app, "orga-essen@pitchday.example")
    admin = _client(app, foundation.ADMIN_EMAIL)
    failures = []
    rules = sorted((r for r in app.url_map.iter_rules() if "POST" in r.methods and r.endpoint not in SELF_HARM),
                   key=lambda r: r.rule)
    assert len(rules) > 80
    for rule in rules:
        url = _url(app, rule, _path_values(rule, demo))
        client = organiser
        page = client.get(url) if "GET" in rule.methods else None
        if page is not None and page.status_code in (401, 403, 302):
            client, page = admin, admin.get(url)
        fields = sorted(set(FIELD_NAME.findall(page.get_data(as_text=True)))) if page is not None else []
        fields = [f for f in fields if f != "csrf_token"] or ["name", "title", "reason", "value", "comment"]
        try:
            _fuzz_form(client, url, fields, client.csrf_token("/"))
        except AssertionError as failure:
            failures.append(str(failure)[:500])
        if client.get("/account/").status_code != 200:  # a route ended the session: log in again
            organiser = _client(app, "orga-essen@pitchday.example")
            admin = _client(app, foundation.ADMIN_EMAIL)
    return failures


def _fuzz_form(client, url, fields, token):
    @settings(max_examples=EXAMPLES_PER_ROUTE, deadline=None, database=None, derandomize=True,
              phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
    @given(data=st.fixed_dictionaries(dict.fromkeys(fields, VALUES)))
    def post(data):
        response = client.post(url, data={**data, "csrf_token": token})
        assert response.status_code < 500, (url, data, response.status_code)

    for value in EVERY_FIELD:  # besides the drawn values: each of these in every field at once
        post = example(data=dict.fromkeys(fields, value))(post)
    post()


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
                    | st.sampled_from(EDGE_TEXT), lambda children: st.lists(children, max_size=3)
                    | st.dictionaries(st.text(max_size=8), children, max_size=3), max_leaves=8)


def test_the_device_api_survives_generated_bodies(app, db, camps):
    from tests.checkin.conftest import make_event, make_registration

    event = make_event(db, camps["essen"])
    make_registration(db, event)
    _device, token = checkin_staff.issue_device(event, name="Fuzz door", by=None)
    db.session.commit()
    client = app.test_client()
    headers = {"Authorization": f"Bearer {token}"}
    url = f"/api/v1/events/{event.id}/checkins"

    @settings(max_examples=60, deadline=None, database=None, derandomize=True,
              phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
    @given(body=st.one_of(JSON, st.fixed_dictionaries({"secret": JSON}, optional={"nonce": JSON,
                                                                                    "scanned_at": JSON})))
    def scan(body):
        response = client.post(url, json=body, headers=headers)
        assert response.status_code < 500, (body, response.status_code)
        assert response.is_json

    scan()
