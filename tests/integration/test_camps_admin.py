"""Camp pages, editing them, appointing organisers, and the hub admin's role log."""

from pitchday.enums import Role
from pitchday.models import RoleChange


def test_every_camp_has_a_public_page_with_its_focus(client, camps):
    html = client.get("/camps/dortmund").get_data(as_text=True)
    assert "Camp Dortmund" in html
    assert "Logistik-IT" in html and "Smart City" in html


def test_home_page_lists_the_six_camps(client, camps):
    html = client.get("/").get_data(as_text=True)
    for name in ("Bochum", "Dortmund", "Duisburg", "Essen", "Gelsenkirchen", "Mülheim an der Ruhr"):
        assert f"Camp {name}" in html


def test_an_organiser_edits_their_camp_page(client, organiser, login, camps):
    login(organiser)
    response = client.post_form("/camps/essen/edit", {
        "name": "Camp Essen", "sectors": ["energy", "fintech"], "description_de": "Neu beschrieben.",
        "description_en": "Newly described.", "address": "Lindenallee 10, Essen",
        "contact_email": "essen@example.org", "contact_phone": "0201 123"}, page="/camps/essen/edit")
    assert response.status_code == 302
    html = client.get("/camps/essen").get_data(as_text=True)
    assert "Neu beschrieben." in html and "essen@example.org" in html


def test_a_bad_contact_address_is_a_form_error_and_keeps_the_text(client, organiser, login, camps):
    login(organiser)
    response = client.post_form("/camps/essen/edit", {"name": "Camp Essen", "description_de": "Mein Text",
                                                      "contact_email": "not-an-address"}, page="/camps/essen/edit")
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "Mein Text" in html and 'aria-invalid="true"' in html


def test_an_organiser_appoints_a_colleague_and_it_is_logged(client, organiser, member, login, db, camps):
    login(organiser)
    response = client.post_form("/camps/essen/organisers", {"email": "MEMBER@example.org"},
                                page="/camps/essen/organisers")
    assert response.status_code == 302
    db.session.refresh(member)
    assert camps["essen"].id in member.organised_camp_ids()
    change = db.session.scalars(db.select(RoleChange).filter_by(subject_id=member.id)).one()
    assert change.actor_id == organiser.id and change.role == Role.CAMP_ORGANISER


def test_appointing_an_unknown_address_explains_what_to_do(client, organiser, login, camps):
    login(organiser)
    response = client.post_form("/camps/essen/organisers", {"email": "stranger@example.org"},
                                page="/camps/essen/organisers")
    assert "Bitten Sie die Person, sich zuerst zu registrieren" in response.get_data(as_text=True)


def test_hub_admins_see_the_role_log(client, hub_admin, organiser, login):
    login(hub_admin)
    html = client.get("/admin/").get_data(as_text=True)
    assert "Rollenänderungen" in html
    assert "orga@example.org" in html and "Camp Essen" in html


def test_an_admin_removes_an_organiser(client, hub_admin, organiser, login, db, camps):
    login(hub_admin)
    client.post_form(f"/camps/essen/organisers/{organiser.id}/remove", page="/camps/essen/organisers")
    db.session.refresh(organiser)
    assert organiser.organised_camp_ids() == set()
