"""Startups: the founder's dashboard, profiles, co-founder invitations and the public startup page."""

from flask import Blueprint, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..forms.applications import ConfirmForm, InviteForm, StartupForm
from ..forms.recipe import perform, submit
from ..permissions import guard
from ..permissions.applications import is_member
from ..services import showcase
from ..services import startups as startup_service
from ..services.applications import submission as application_service
from ..services.applications.running_order import is_published, slots_for
from ..services.cache.versions import SHOWCASE
from .public_cache import cached_page

bp = Blueprint("startups", __name__, url_prefix="/startups")


@bp.get("/mine")
@guard("authenticated")
def mine():
    startups = startup_service.startups_of(current_user)
    applications = application_service.for_startups([s.id for s in startups])
    # Times per event, once: an event's slots are computed together from its pitch block.
    slots = {s.application.id: s for e in {a.event for a in applications if a.slot is not None}
             for s in slots_for(e)}
    published = {e.id: is_published(e) for e in {a.event for a in applications}}
    applied = {(a.startup_id, a.event_id) for a in applications}
    fitting = {s.id: [e for e in startup_service.fitting_calls(s) if (s.id, e.id) not in applied] for s in startups}
    return render_template("applications/startups/mine.html", startups=startups, applications=applications,
                           slots=slots, published=published,
                           fitting=fitting)


@bp.route("/new", methods=["GET", "POST"])
@guard("authenticated")
def new():
    form = StartupForm()
    if not form.is_submitted():
        form.contact_name.data, form.contact_email.data = current_user.name, current_user.email
    if submit(form, lambda: startup_service.create(by=current_user, **form.values()),
              success=lambda startup: _("%(startup)s is created. You can now apply to pitch.", startup=startup.name)):
        return redirect(url_for("startups.mine"))
    return render_template("applications/startups/form.html", form=form, startup=None)


@bp.get("/<slug>")
@guard("startup.view", startup=startup_service.by_slug)
def show(startup):
    def render():
        return render_template("applications/startups/show.html", startup=startup,
                               pitches=startup_service.public_pitches(startup),
                               awards=showcase.profile(startup).awards,
                               member=is_member(current_user if current_user.is_authenticated else None, startup))

    return cached_page("startup-profile", startup.slug, (SHOWCASE,), render)


@bp.route("/<slug>/edit", methods=["GET", "POST"])
@guard("startup.edit", startup=startup_service.by_slug)
def edit(startup):
    form = StartupForm(obj=startup)
    if not form.is_submitted():
        form.sectors.data = startup.sectors
        form.stage.data = str(startup.stage)
    if submit(form, lambda: startup_service.update(startup, by=current_user, **form.values()),
              success=_("The profile is saved.")):
        return redirect(url_for("startups.mine"))
    return render_template("applications/startups/form.html", form=form, startup=startup)


@bp.route("/<slug>/members", methods=["GET", "POST"])
@guard("startup.edit", startup=startup_service.by_slug)
def members(startup):
    form = InviteForm()
    if submit(form, lambda: startup_service.invite(startup, by=current_user, email=form.email.data),
              success=_("We have sent an invitation to %(email)s.", email=form.email.data), error_field="email"):
        return redirect(url_for("startups.members", slug=startup.slug))
    return render_template("applications/startups/members.html", startup=startup, form=form,
                           members=startup_service.members_of(startup))


@bp.route("/invitations/<token>", methods=["GET", "POST"])
@guard("authenticated", invitation=startup_service.invitation_by_token)
def invitation(invitation):
    form = ConfirmForm()
    if form.validate_on_submit():
        perform(lambda: startup_service.accept_invitation(invitation, user=current_user),
                success=lambda startup: _("You are now a member of %(startup)s.", startup=startup.name))
        return redirect(url_for("startups.mine"))
    return render_template("applications/startups/invitation.html", invitation=invitation, form=form)
