"""A company's own pages: its profile and contact people, its challenges, a new challenge."""

from flask import Blueprint, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ...forms.challenges import ChallengeForm, CompanyForm, ContactForm
from ...forms.recipe import submit
from ...permissions import guard
from ...services import camps as camp_service
from ...services.challenges import companies, listing, posting

bp = Blueprint("companies", __name__, url_prefix="/companies")


@bp.get("/")
@guard("authenticated")
def mine():
    return render_template("challenges/companies.html", companies=companies.companies_of(current_user))


@bp.route("/new", methods=["GET", "POST"])
@guard("company.create")
def new():
    form = CompanyForm()
    if outcome := submit(form, lambda: companies.create(by=current_user, **form.values()),
                         success=_("The company profile is created. Now describe your first challenge.")):
        return redirect(url_for("companies.new_challenge", slug=outcome.result.slug))
    return render_template("challenges/company_form.html", form=form, company=None), 400 if form.errors else 200


@bp.get("/<slug>")
@guard("company.manage", company=companies.by_slug)
def show(company):
    return render_template("challenges/company.html", company=company, contacts=companies.contacts_of(company),
                           challenges=listing.of_company(company), contact_form=ContactForm())


@bp.route("/<slug>/edit", methods=["GET", "POST"])
@guard("company.manage", company=companies.by_slug)
def edit(company):
    form = CompanyForm(obj=company)
    if not form.is_submitted():
        form.sectors.data = company.sectors
    if submit(form, lambda: companies.update(company, by=current_user, **form.values()),
              success=_("The company profile is saved.")):
        return redirect(url_for("companies.show", slug=company.slug))
    return render_template("challenges/company_form.html", form=form, company=company), 400 if form.errors else 200


@bp.post("/<slug>/contacts")
@guard("company.manage", company=companies.by_slug)
def add_contact(company):
    form = ContactForm()
    if submit(form, lambda: companies.add_contact(company, by=current_user, email=form.email.data),
              success=lambda user: _("%(name)s is now a contact person.", name=user.name)):
        return redirect(url_for("companies.show", slug=company.slug))
    return render_template("challenges/company.html", company=company, contacts=companies.contacts_of(company),
                           challenges=listing.of_company(company), contact_form=form), 422


@bp.route("/<slug>/challenges/new", methods=["GET", "POST"])
@guard("company.manage", company=companies.by_slug)
def new_challenge(company):
    form = ChallengeForm(camps=camp_service.all_camps())
    if outcome := submit(form, lambda: posting.create(company, by=current_user, **form.values()),
                         success=_("The challenge is saved as a draft. Send it for review when it is ready.")):
        return redirect(url_for("challenges.show", challenge_id=outcome.result.id))
    return render_template("challenges/form.html", form=form, company=company, challenge=None), (
        400 if form.errors else 200)
