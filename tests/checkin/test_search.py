"""The door's search (issue 16, point 6): case, accents and umlaut spellings do not matter, any word of name,
organisation and e-mail is found, and the folded key follows every change of the registration."""

import pytest
import sqlalchemy as sa

from pitchday.models import Registration
from pitchday.services.checkin import lists
from pitchday.services.registrations import retention
from pitchday.text_fold import fold, search_key
from tests.checkin.conftest import make_registration


@pytest.mark.parametrize(("typed", "folded"), [
    ("Özdemir", "ozdemir"), ("Oezdemir", "ozdemir"), ("OZDEMIR", "ozdemir"), ("Krüger", "kruger"),
    ("Krueger", "kruger"), ("Straße", "strasse"), ("José García", "jose garcia"), ("Ørsted", "orsted"),
    ("Häußler", "haussler"), ("Haeussler", "haussler"),
])
def test_spellings_fold_to_the_same_text(typed, folded):
    assert fold(typed) == folded


def test_the_key_holds_every_distinct_word_of_name_organisation_and_mail():
    assert search_key("Aylin Özdemir", "Ruhr-Ventures GmbH", "aylin@ruhr-ventures.de") == \
        " aylin ozdemir ruhr ventures gmbh de "


@pytest.fixture
def people(db, event):
    return {
        "ozdemir": make_registration(db, event, name="Aylin Özdemir", organisation="Stadtwerke Bochum",
                                     email="a.oezdemir@stadtwerke-bochum.de"),
        "kruger": make_registration(db, event, name="Jonas Krüger", organisation="Zeche Zollverein Stiftung",
                                    email="jk@zollverein.de"),
        "muster": make_registration(db, event, name="Erika Muster", organisation="Ruhr Ventures",
                                    email="erika@example.org"),
    }


def found(event, query):
    return [r["name"] for r in lists.search(event, query)]


@pytest.mark.parametrize("query", ["Özdemir", "Oezdemir", "ozdemir", "OZDEM", "aylin özd", "bochum",
                                   "a.oezdemir@stadtwerke-bochum.de"])
def test_ozdemir_is_found_however_it_is_typed(event, people, query):
    assert found(event, query) == ["Aylin Özdemir"]


@pytest.mark.parametrize("query", ["kruger", "Krüger", "krueger", "zollverein", "Zeche", "stiftung jonas"])
def test_kruger_is_found_by_name_and_organisation_words(event, people, query):
    assert found(event, query) == ["Jonas Krüger"]


def test_every_word_typed_must_match_and_nonsense_finds_nobody(event, people):
    assert found(event, "erika bochum") == []
    assert found(event, "zzz") == []
    assert found(event, "%") == [] and found(event, "_") == [] and found(event, "e\x00") == []
    assert found(event, "ruhr") == ["Erika Muster"]


def test_the_key_follows_a_changed_name_and_anonymisation(db, event, people):
    people["muster"].name = "Erika Möller"
    db.session.commit()
    assert found(event, "moeller") == ["Erika Möller"] and found(event, "muster") == []
    retention.anonymise(people["kruger"])
    db.session.commit()
    key = db.session.scalar(sa.select(Registration.search_key).where(Registration.id == people["kruger"].id))
    assert "kruger" not in key and "zollverein" not in key  # nothing that names the person is kept


def test_another_events_guests_are_not_found(db, event, other_event, people):
    make_registration(db, other_event, name="Aylin Özdemir-Schulz")
    assert found(event, "ozdemir") == ["Aylin Özdemir"]
    assert found(other_event, "ozdemir") == ["Aylin Özdemir-Schulz"]
