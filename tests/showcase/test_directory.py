"""The showcase at /startups/: only startups that opted in, filters that combine, pages, and bad input."""

import pytest
import sqlalchemy as sa

from pitchday.models import Startup
from pitchday.services import showcase
from tests.showcase.conftest import make_startup


def card(html: str, name: str) -> str:
    """The showcase card of one startup."""
    return next(c for c in html.split('class="card startup-card"')[1:] if f">{name}</a>" in c)


def names(html: str, startups) -> list[str]:
    return [s.name for s in startups if f">{s.name}</a>" in html]


def test_only_startups_that_opted_in_are_listed(client, network):
    html = client.get("/startups/").get_data(as_text=True)
    startups = [network[k] for k in ("gridwise", "portpilot", "caresense", "hidden")]
    assert names(html, startups) == ["Gridwise", "PortPilot", "CareSense"]
    assert "3 Startups" in html


def test_a_new_startup_is_not_public_until_it_says_so(db, client, camps):
    startup = Startup(slug="neu", name="Neuling", one_liner="frisch gegründet")
    db.session.add(startup)
    db.session.commit()
    assert startup.is_public is False
    assert "Neuling" not in client.get("/startups/").get_data(as_text=True)
    assert client.get("/startups/neu").status_code in (302, 403)


def test_pitch_history_counts_only_published_line_ups_and_camps_are_named(client, network):
    html = client.get("/startups/").get_data(as_text=True)
    gridwise = card(html, "Gridwise")
    assert "2-mal gepitcht: Camp Dortmund, Camp Essen" in gridwise
    assert "1. Platz der Jury" in gridwise
    assert "gepitcht" not in card(html, "CareSense")  # rejected, and a line-up not yet published, are no pitches


def test_unpublished_awards_stay_hidden(client, network):
    html = client.get("/startups/").get_data(as_text=True)
    assert "Publikumspreis" not in html


@pytest.mark.parametrize(("query", "expected"), [
    ("camp=dortmund", ["Gridwise", "PortPilot"]),
    ("camp=essen", ["Gridwise"]),
    ("sector=logistics", ["PortPilot"]),
    ("stage=idea", ["CareSense"]),
    ("camp=dortmund&sector=energy", ["Gridwise"]),
    ("q=duisburg", ["PortPilot"]),
    ("q=GRID", ["Gridwise"]),
    ("camp=bochum", []),
])
def test_filters_combine(client, network, query, expected):
    html = client.get(f"/startups/?{query}").get_data(as_text=True)
    assert names(html, [network[k] for k in ("gridwise", "portpilot", "caresense", "hidden")]) == expected


def test_a_sector_matches_whole_slugs_only(db, client, camps):
    make_startup(db, "Mobilo", sectors="mobility")
    make_startup(db, "Itsec", sectors="it-security,energy")
    html = client.get("/startups/?sector=energy").get_data(as_text=True)
    assert ">Itsec</a>" in html and ">Mobilo</a>" not in html


@pytest.mark.parametrize("query", ["camp=%00", "q=%00", "sector=nowhere", "stage=unicorn", "page=99999999999999999999",
                                   "page=-1", "q=" + "x" * 500, "camp=essen&camp=dortmund"])
def test_bad_filters_get_a_page_not_an_error(client, network, query):
    response = client.get(f"/startups/?{query}")
    assert response.status_code in (200, 400)
    assert "Startups der Region" in response.get_data(as_text=True) or response.status_code == 400


def test_pages_of_24_in_a_fixed_number_of_queries(app, db, client, camps, network):
    for n in range(30):
        make_startup(db, f"Firma {n:02d}")
    first = client.get("/startups/").get_data(as_text=True)
    assert "Seite 1 von 2" in first and 'rel="next"' in first
    second = client.get("/startups/?page=2").get_data(as_text=True)
    assert 'rel="prev"' in second and "Seite 2 von 2" in second
    statements = []

    def count(conn, cursor, statement, *args):
        statements.append(statement)

    sa.event.listen(db.engine, "before_cursor_execute", count)
    try:
        page = showcase.directory(showcase.Filters(), page=1)
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", count)
    assert page.total == 33 and len(page.items) == 24
    assert len([s for s in statements if s.startswith("SELECT")]) == 4  # count, page, camps, awards


def test_english_version_by_address_for_visitors_from_abroad(client, network):
    html = client.get("/startups/?lang=en").get_data(as_text=True)
    assert '<html lang="en">' in html and "Startups of the Ruhr region" in html
    assert 'hreflang="de"' in html and 'hreflang="en"' in html

