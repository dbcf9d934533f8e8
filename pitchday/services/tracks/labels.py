"""Human names of follow-up track stages, translated."""

from flask_babel import lazy_gettext as _l

from ...models import TrackStage

STAGES = {
    TrackStage.FIRST_TALK: _l("First talk"),
    TrackStage.NDA: _l("NDA signed"),
    TrackStage.PILOT: _l("Pilot"),
    TrackStage.ORDER: _l("Order"),
    TrackStage.INVESTMENT: _l("Investment"),
    TrackStage.HIRE: _l("Hire"),
    TrackStage.CLOSED: _l("Closed, nothing came of it"),
}


def track_stage_label(stage) -> str:
    return str(STAGES.get(TrackStage(stage), stage))
