"""A juror's own page across events: their profile in the hub's pool, past and upcoming jury evenings."""

from flask import Blueprint, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ...forms.jury import JurorProfileForm
from ...forms.recipe import submit
from ...permissions import guard
from ...services import camps as camp_service
from ...services.jury import pool

bp = Blueprint("jury_pool", __name__, url_prefix="/me/jury")


@bp.route("/", methods=["GET", "POST"])
@guard("authenticated")
def mine():
    profile = pool.profile_of(current_user)
    form = JurorProfileForm(obj=profile, camps=camp_service.all_camps())
    if profile is not None and not form.is_submitted():
        form.sectors.data, form.languages.data, form.camps.data = (profile.sectors, profile.languages.split(","),
                                                                   profile.camps)
    if submit(form, lambda: pool.save_profile(current_user, **form.values()),
              success=_("Your juror profile is saved.")):
        return redirect(url_for("jury_pool.mine"))
    upcoming, past = pool.evenings_of(current_user)
    return render_template("jury/pool.html", form=form, profile=profile, upcoming=upcoming, past=past), (
        400 if form.errors else 200)
