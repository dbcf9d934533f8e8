"""The hub's home page, language switch and health check."""

from flask import Blueprint, jsonify, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import text

from ..extensions import db
from ..i18n import LANG_COOKIE, LANGUAGES
from ..permissions import guard
from ..redirects import redirect_to
from ..services import camps as camp_service
from ..services.home import upcoming_events
from ..services.showcase import recent_winners

bp = Blueprint("main", __name__)


@bp.get("/")
@guard("public")
def home():
    return render_template("main/home.html", camps=camp_service.all_camps(), events=upcoming_events(limit=6),
                           winners=recent_winners(limit=6))


@bp.post("/language")
@guard("public")
def set_language():
    lang = request.form.get("lang", "de")
    if lang not in LANGUAGES:
        lang = "de"
    if current_user.is_authenticated:
        current_user.locale = lang
        db.session.commit()
    response = redirect_to(request.form.get("next"), url_for("main.home"))
    response.set_cookie(LANG_COOKIE, lang, max_age=365 * 24 * 3600, samesite="Lax", httponly=True)
    return response


@bp.get("/language/<code>")
@guard("public")
def choose_language(code):
    """The language links of pages served from the shared cache, which hold no CSRF token (docs/performance.md).
    Only the cookie changes; a signed-in person's saved language is changed by the form on other pages."""
    lang = code if code in LANGUAGES else "de"
    response = redirect_to(request.args.get("next"), url_for("main.home"))
    response.set_cookie(LANG_COOKIE, lang, max_age=365 * 24 * 3600, samesite="Lax", httponly=True)
    return response


@bp.get("/healthz")
@guard("public")
def healthz():
    try:
        db.session.execute(text("SELECT 1"))
    except Exception:  # any failure to reach the database means "not healthy"
        db.session.rollback()
        return jsonify(status="unavailable", database="unreachable"), 503
    return jsonify(status="ok", database="ok")
