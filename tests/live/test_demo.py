"""seed-demo leaves the demo pitch day ready to run live; seeding again is the rehearsal (back to the start)."""

from pitchday.demo import live as live_demo
from pitchday.demo import seed_all
from pitchday.demo.events import demo_pitch_day
from pitchday.demo.foundation import DEMO_PASSWORD
from pitchday.extensions import db
from pitchday.models.live import Phase
from pitchday.services.accounts.account import find_by_email
from pitchday.services.live import state as live_state
from pitchday.services.live import transitions
from pitchday.services.live import view as live_view
from tests.conftest import FormClient, log_in


def test_the_demo_pitch_day_runs_live_from_the_seeded_accounts_and_rehearses(app):
    seed_all()
    event = demo_pitch_day()
    state = live_state.state_of(event)
    assert state is not None and (state.current, state.phase, state.started_at) == (0, Phase.WAITING, None)
    [(_role, email)] = live_demo.LOGINS
    organiser = find_by_email(email)
    client = FormClient(app.test_client())
    log_in(client, organiser, password=DEMO_PASSWORD)
    page = client.get(f"/events/{event.id}/live")
    assert page.status_code == 200 and "Pitch starten" in page.get_data(as_text=True)
    assert live_view.room_state(event)["jury"]  # the demo jurors are listed
    transitions.act(event, "start_pitch", by=organiser, seen_version=live_state.state_of(event).version)
    db.session.commit()
    live_demo.seed()  # the rehearsal
    db.session.commit()
    state = live_state.state_of(event)
    assert (state.phase, state.started_at) == (Phase.WAITING, None)
