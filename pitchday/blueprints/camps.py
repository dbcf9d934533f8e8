"""Public camp pages; editing a camp and appointing its organisers."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..enums import Role
from ..extensions import db
from ..forms.accounts import ConfirmForm
from ..forms.camps import AppointForm, CampForm
from ..forms.recipe import perform, submit
from ..i18n import current_language
from ..models import User
from ..permissions import guard
from ..services import camps as camp_service
from ..services import showcase
from ..services.accounts import roles

bp = Blueprint("camps", __name__, url_prefix="/camps")


@bp.get("/")
@guard("public")
def index():
    return render_template("camps/index.html", camps=camp_service.all_camps())


@bp.get("/<slug>")
@guard("public", camp=camp_service.by_slug)
def show(camp):
    return render_template("camps/show.html", camp=camp, description=camp.description(current_language()),
                           organisers=roles.organisers_of(camp), startups=showcase.camp_startups(camp),
                           extra_sections=[])


@bp.route("/<slug>/edit", methods=["GET", "POST"])
@guard("camp.edit", camp=camp_service.by_slug)
def edit(camp):
    form = CampForm(obj=camp)
    if not form.is_submitted():
        form.sectors.data = camp.sectors
    if form.validate_on_submit():
        camp_service.update(camp, name=form.name.data.strip(), sector_slugs=",".join(form.sectors.data),
                            description_de=form.description_de.data, description_en=form.description_en.data,
                            address=form.address.data, contact_email=form.contact_email.data or "",
                            contact_phone=form.contact_phone.data, by=current_user)
        db.session.commit()
        flash(_("The camp page is saved."), "success")
        return redirect(url_for("camps.show", slug=camp.slug))
    return render_template("camps/edit.html", camp=camp, form=form)


@bp.route("/<slug>/organisers", methods=["GET", "POST"])
@guard("camp.appoint_organiser", camp=camp_service.by_slug)
def organisers(camp):
    form = AppointForm()
    if submit(form, lambda: roles.appoint_by_email(actor=current_user, email=form.email.data, role=Role.CAMP_ORGANISER,
                                                   camp=camp),
              success=lambda user: _("%(name)s is now an organiser of %(camp)s.", name=user.name, camp=camp.name),
              error_field="email"):
        return redirect(url_for("camps.organisers", slug=camp.slug))
    return render_template("camps/organisers.html", camp=camp, form=form, remove_form=ConfirmForm(),
                           organisers=roles.organisers_of(camp))


@bp.post("/<slug>/organisers/<int:user_id>/remove")
@guard("camp.appoint_organiser", camp=camp_service.by_slug)
def remove_organiser(camp, user_id):
    user = db.session.get(User, user_id) or abort(404)
    perform(lambda: roles.revoke(actor=current_user, user=user, role=Role.CAMP_ORGANISER, camp=camp),
            success=_("%(name)s is no longer an organiser of %(camp)s.", name=user.name, camp=camp.name),
            category="info")
    return redirect(url_for("camps.organisers", slug=camp.slug))
