"""The control room's actions in the audit trail: one entry per tap (``live.<action>``), with the phase and the
startup on stage before and after, written in the tap's own transaction."""

from flask_babel import lazy_gettext as _l

from ..audit import labels
from ..audit import trail as audit

NAMES = {
    "start_pitch": _l("Live: pitch started"), "start_qa": _l("Live: Q&A started"), "end": _l("Live: slot ended"),
    "next": _l("Live: next startup called"), "pause": _l("Live: timer paused"), "resume": _l("Live: timer resumed"),
    "no_show": _l("Live: no-show, called later"), "swap": _l("Live: order swapped"),
    "open_vote": _l("Live: audience vote opened"), "close_vote": _l("Live: audience vote closed"),
    "reveal": _l("Live: awards revealed"), "undo": _l("Live: last action undone"),
    "reset": _l("Live: show reset (rehearsal)"),
}
labels.register_area("live", _l("Live show"))
for _action, _label in NAMES.items():
    labels.register(f"live.{_action}", _label)


def record(event, action: str, by, before: dict, after: dict) -> None:
    audit.record(by, f"live.{action}", subject=event, before=before, after=after)
