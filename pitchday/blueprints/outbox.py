"""The mail log (an event's, and the whole hub's for hub admins), resending a message, and the decision mails an
organiser previews and sends in one batch."""

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..forms.recipe import perform
from ..permissions import guard
from ..services.events.lookup import load_event
from ..services.outbox import drafts
from ..services.outbox import log as mail_log

bp = Blueprint("outbox", __name__)


def _load_message(message_id: int):
    message = mail_log.load_message(message_id)
    if message is None:
        abort(404)
    return message


def _int_arg(name: str, default: int, highest: int) -> int:
    try:
        return min(max(int(request.args.get(name, default)), 1), highest)
    except ValueError:
        return default


def _search_args() -> dict:
    return {"query": request.args.get("q", "")[:200], "state": request.args.get("state", "")[:20],
            "page": _int_arg("page", 1, mail_log.MAX_PAGE),
            "per_page": _int_arg("per_page", mail_log.PER_PAGE, mail_log.MAX_PER_PAGE)}


@bp.get("/events/<int:event_id>/mails")
@guard("outbox.event", event=load_event)
def event_log(event):
    result = mail_log.search(event=event, **_search_args())
    return render_template("outbox/log.html", event=event, result=result, states=mail_log.STATE_LABELS,
                           shown=mail_log.SHOWN, drafts=drafts.count_held(event),
                           subjects=mail_log.subjects(result.items))


@bp.get("/admin/mails")
@guard("outbox.all")
def hub_log():
    result = mail_log.search(**_search_args())
    return render_template("outbox/log.html", event=None, result=result, states=mail_log.STATE_LABELS,
                           shown=mail_log.SHOWN, drafts=0, subjects=mail_log.subjects(result.items))


@bp.get("/mails/<int:message_id>")
@guard("outbox.message", message=_load_message)
def show(message):
    return render_template("outbox/message.html", message=message, content=mail_log.content_of(message),
                           states=mail_log.STATE_LABELS)


@bp.post("/mails/<int:message_id>/resend")
@guard("outbox.message", message=_load_message)
def resend(message):
    perform(lambda: mail_log.resend(message, by=current_user),
            success=_("The message is queued again for %(address)s.", address=message.recipient))
    if message.event_id:
        return redirect(url_for("outbox.event_log", event_id=message.event_id, q=message.recipient))
    return redirect(url_for("outbox.hub_log", q=message.recipient))


@bp.get("/events/<int:event_id>/decision-mails")
@guard("outbox.event", event=load_event)
def decision_mails(event):
    return render_template("outbox/decisions.html", event=event, groups=drafts.preview(event))


@bp.post("/events/<int:event_id>/decision-mails")
@guard("outbox.event", event=load_event)
def send_decision_mails(event):
    chosen = [s for s in request.form.getlist("status") if s in drafts.DECISION_STATUSES]
    action = request.form.get("action")
    if action == "discard":
        perform(lambda: drafts.discard(event, statuses=chosen, by=current_user),
                success=lambda n: _("%(num)d drafts discarded.", num=n))
    else:
        perform(lambda: drafts.send(event, statuses=chosen, by=current_user),
                success=lambda n: _("%(num)d decision mails are on their way.", num=n))
    return redirect(url_for("outbox.decision_mails", event_id=event.id))
