"""Hub administration: hub admins and the record of every role change."""

from flask import Blueprint, abort, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..enums import Role
from ..extensions import db
from ..forms.accounts import ConfirmForm
from ..forms.camps import AppointForm
from ..forms.recipe import perform, submit
from ..models import RoleGrant, User
from ..permissions import guard
from ..services import camps as camp_service
from ..services.accounts import roles

bp = Blueprint("admin", __name__, url_prefix="/admin")


def _admins() -> list[User]:
    return list(db.session.scalars(db.select(User).join(RoleGrant, RoleGrant.user_id == User.id)
                                   .filter(RoleGrant.role == Role.HUB_ADMIN).order_by(User.name)))


@bp.route("/", methods=["GET", "POST"])
@guard("hub_admin")
def index():
    form = AppointForm()
    if submit(form, lambda: roles.appoint_by_email(actor=current_user, email=form.email.data, role=Role.HUB_ADMIN),
              success=lambda user: _("%(name)s is now a hub admin.", name=user.name), error_field="email"):
        return redirect(url_for("admin.index"))
    return render_template("admin/index.html", form=form, remove_form=ConfirmForm(), admins=_admins(),
                           camps=camp_service.all_camps(), changes=roles.recent_changes())


@bp.post("/admins/<int:user_id>/remove")
@guard("hub_admin")
def remove_admin(user_id):
    user = db.session.get(User, user_id) or abort(404)
    perform(lambda: roles.revoke(actor=current_user, user=user, role=Role.HUB_ADMIN),
            success=_("%(name)s is no longer a hub admin.", name=user.name), category="info")
    return redirect(url_for("admin.index"))
