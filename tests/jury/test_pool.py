"""The hub's juror pool: suggestions by sector fit, camp and load; clashes with other camps; stakes that carry over;
a juror's own page of evenings."""

from datetime import timedelta

import pytest

from pitchday.models import Conflict, Juror, JurorProfile
from pitchday.models.jury import ConflictReason, JurorStatus
from pitchday.services.jury import pool
from tests.conftest import create_user, log_in
from tests.jury.conftest import START, make_event, pitches


def expert(db, email, name, sectors="energy", camps="", languages="de,en"):
    user = create_user(email, name)
    db.session.add(JurorProfile(user_id=user.id, sector_slugs=sectors, camp_slugs=camps, languages=languages))
    db.session.commit()
    return user


def ask(db, event, user, status=JurorStatus.ACCEPTED):
    juror = Juror(event_id=event.id, user_id=user.id, status=status)
    db.session.add(juror)
    db.session.commit()
    return juror


@pytest.fixture
def energy_day(db, camps):
    event = make_event(camps["essen"])
    event.sector_slugs = "energy"
    db.session.commit()
    return event


def test_suggestions_rank_fit_then_camp_then_load(db, camps, energy_day):
    light = expert(db, "light@example.org", "Lea Leicht")
    busy = expert(db, "busy@example.org", "Bernd Busy")
    expert(db, "else@example.org", "Erik Elsewhere", camps="dortmund")
    expert(db, "logistics@example.org", "Lotte Logistik", sectors="logistics")
    expected_load = 0
    for days in (8, 9):  # two evenings elsewhere, the next week
        other = make_event(camps["bochum"], title=f"Bochum {days}", start=START + timedelta(days=days), n_pitches=0)
        ask(db, other, busy)
        expected_load += pool.quarter_of(other.starts_at) == pool.quarter_of(energy_day.starts_at)
    names = [c.user.name for c in pool.suggestions(energy_day)]
    assert names.index("Lea Leicht") < names.index("Erik Elsewhere") < names.index("Lotte Logistik")
    by_name = {c.user.name: c for c in pool.suggestions(energy_day)}
    assert by_name["Lea Leicht"].sector_fit == 1 and by_name["Lotte Logistik"].sector_fit == 0
    assert not by_name["Erik Elsewhere"].serves_camp
    assert (by_name["Bernd Busy"].load, by_name["Lea Leicht"].load) == (expected_load, 0)
    assert names.index("Lea Leicht") < names.index("Bernd Busy") or expected_load == 0
    assert light.id not in {j.user_id for j in db.session.scalars(db.select(Juror))}


def test_already_on_the_jury_is_not_suggested_and_other_camps_same_week_warn(db, camps, energy_day):
    on_it = expert(db, "on@example.org", "Olaf Onboard")
    clash = expert(db, "clash@example.org", "Clara Clash")
    ask(db, energy_day, on_it)
    same_week = make_event(camps["dortmund"], title="Dortmund am selben Tag", n_pitches=0,
                           start=START + timedelta(hours=1))
    ask(db, same_week, clash)
    suggestions = {c.user.name: c for c in pool.suggestions(energy_day)}
    assert "Olaf Onboard" not in suggestions
    assert suggestions["Clara Clash"].other_camp_same_week == ["Dortmund am selben Tag"]
    assert suggestions["Clara Clash"].busy_same_day


def test_a_stake_declared_once_is_flagged_where_the_startup_pitches_again(db, camps, energy_day):
    anna = expert(db, "anna@example.org", "Anna Angel")
    earlier = make_event(camps["dortmund"], title="Früher", start=START - timedelta(days=60), n_pitches=0)
    startup = pitches(energy_day)[1].startup
    old = ask(db, earlier, anna)
    db.session.add(Conflict(juror_id=old.id, startup_id=startup.id, reason=ConflictReason.INVESTED))
    db.session.commit()
    assert {c.user.name: c.stakes for c in pool.suggestions(energy_day)}["Anna Angel"] == [startup.name]
    now = ask(db, energy_day, anna)
    assert pool.carried_stakes(energy_day) == {now.id: [startup.name]}
    db.session.add(Conflict(juror_id=now.id, startup_id=startup.id, reason=ConflictReason.INVESTED))
    db.session.commit()
    assert pool.carried_stakes(energy_day) == {}  # declared here too: nothing left to flag


def test_organiser_sees_suggestions_and_invites_from_the_pool_in_one_tap(client, db, organiser, energy_day, outbox):
    expert(db, "lea@example.org", "Lea Leicht")
    log_in(client, organiser)
    page = client.get(f"/events/{energy_day.id}/jury/").get_data(as_text=True)
    assert "Aus dem Jury-Pool des Hubs" in page and "Lea Leicht" in page
    response = client.post_form(f"/events/{energy_day.id}/jury/jurors",
                                {"name": "Lea Leicht", "email": "lea@example.org", "locale": "de"},
                                page=f"/events/{energy_day.id}/jury/")
    assert response.status_code == 302
    assert db.session.scalar(db.select(Juror).join(Juror.user).filter_by(email="lea@example.org")) is not None
    assert "Aus dem Jury-Pool des Hubs" not in client.get(f"/events/{energy_day.id}/jury/").get_data(as_text=True)


def test_a_juror_sees_their_evenings_and_keeps_a_profile(client, db, camps, energy_day):
    juror = expert(db, "me@example.org", "Mira Meyer")
    ask(db, energy_day, juror, status=JurorStatus.INVITED)
    past = make_event(camps["bochum"], title="Bochum damals", start=START - timedelta(days=90), n_pitches=0)
    ask(db, past, juror)
    log_in(client, juror)
    page = client.get("/me/jury/").get_data(as_text=True)
    upcoming, former = page.split("Vergangene Abende")
    assert energy_day.title in upcoming and "Einladung noch nicht angenommen" in upcoming
    assert "Bochum damals" in former and "0 Pitches bewertet" in former
    response = client.post_form("/me/jury/", {"organisation": "Angels", "sectors": ["energy", "fintech"],
                                              "languages": ["en"], "camps": ["essen"], "in_pool": "y"},
                                page="/me/jury/")
    assert response.status_code == 302
    profile = db.session.scalar(db.select(JurorProfile).filter_by(user_id=juror.id))
    assert (profile.sector_slugs, profile.languages, profile.camp_slugs) == ("energy,fintech", "en", "essen")


def test_leaving_the_pool_ends_the_suggestions(client, db, energy_day):
    user = expert(db, "out@example.org", "Otto Out")
    log_in(client, user)
    client.post_form("/me/jury/", {"sectors": ["energy"], "languages": ["de"]}, page="/me/jury/")
    assert "Otto Out" not in [c.user.name for c in pool.suggestions(energy_day)]


@pytest.mark.parametrize(("who", "expected"), [("anonymous", 302), ("member", 200), ("organiser", 200)])
def test_the_juror_page_needs_an_account(client, people, who, expected):
    if who != "anonymous":
        log_in(client, people[who])
    assert client.get("/me/jury/").status_code == expected


def test_pool_suggestions_are_for_the_events_organisers_only(client, db, people, energy_day):
    expert(db, "secret@example.org", "Sigrid Secret")
    for who, expected in [("other_organiser", 403), ("member", 403), ("hub_admin", 200)]:
        log_in(client, people[who])
        response = client.get(f"/events/{energy_day.id}/jury/")
        assert response.status_code == expected
        assert ("Sigrid Secret" in response.get_data(as_text=True)) == (expected == 200)
        client.post_form("/auth/logout", page="/")


def test_demo_pool_has_profiles_loads_and_a_carried_stake(app, db, client):
    from pitchday.demo import seed_all
    from pitchday.demo.jury import _demo_pitch_day

    seed_all()
    seed_all()
    demo_day = _demo_pitch_day()
    assert db.session.scalar(db.select(db.func.count()).select_from(JurorProfile)) == 6
    flagged = pool.carried_stakes(demo_day)
    assert len(flagged) == 1 and list(flagged.values())[0][0] == pitches(demo_day)[1].startup.name
    paula = {c.user.name: c for c in pool.suggestions(demo_day)}["Paula Pool"]
    assert paula.load >= 1 and paula.sector_fit >= 1
