"""The ticket page at the door on a weak signal: bytes of the first load and time until it is usable.

Chromium (Debian's, through Playwright) with DevTools network emulation: 400 ms latency, 400 kbit/s both ways,
empty cache. Budget (issue 6, the same as the jury's page): at most 60 KB, usable within 2 s. The baseline,
measured in the same run, is the camp page (foundation). Also prints whether the ticket prints on one A4 page.

    .venv/bin/python bench/registrations_ticket_page.py
"""

import logging
import re
import sys
import tempfile
import threading
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402
from werkzeug.serving import make_server  # noqa: E402

logging.getLogger("werkzeug").setLevel(logging.WARNING)

from pitchday import create_app  # noqa: E402
from pitchday.database import utcnow, write_intent  # noqa: E402
from pitchday.demo.foundation import CAMPS  # noqa: E402
from pitchday.extensions import db  # noqa: E402
from pitchday.models import Camp, Event, EventStatus, EventType  # noqa: E402
from pitchday.services.registrations import seats as registrations  # noqa: E402

LATENCY_MS, KBITS = 400, 400
BUDGET_BYTES, BUDGET_SECONDS = 60 * 1024, 2.0
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def setup(tmp: str):
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3", "SECRET_KEY": "bench",
                      "OUTBOX_DIR": f"{tmp}/outbox", "LOG_LEVEL": "WARNING"})
    with app.app_context(), write_intent():
        db.create_all()
        db.session.add(Camp(**CAMPS[3]))
        db.session.flush()
        starts = utcnow() + timedelta(days=3)
        event = Event(camp_id=db.session.scalar(db.select(Camp.id)), title="Pitch Day Energie & Industrie",
                      type=EventType.PITCH_DAY, starts_at=starts, ends_at=starts + timedelta(hours=4),
                      venue_name="Deutschland-Haus", venue_address="Lindenallee 10, 45127 Essen", capacity=50,
                      status=EventStatus.PUBLISHED)
        db.session.add(event)
        db.session.flush()
        secret = registrations.register(event, name="Clara Neumann", email="clara@example.org",
                                        organisation="Neumann Energietechnik GmbH", attendee_type="industry"
                                        ).registration.ticket_secret
        db.session.commit()
    return app, secret


def measure(browser, url: str) -> dict:
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=3, is_mobile=True,
                                  locale="de-DE")
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    rate = KBITS * 1000 / 8
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": LATENCY_MS,
                                                  "downloadThroughput": rate, "uploadThroughput": rate})
    received = {}
    cdp.on("Network.loadingFinished", lambda e: received.__setitem__(e["requestId"], e["encodedDataLength"]))
    page.goto(url, wait_until="load")
    timing = page.evaluate("""() => {
        const nav = performance.getEntriesByType('navigation')[0];
        const paint = performance.getEntriesByName('first-contentful-paint')[0];
        return {dom: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, paint: paint ? paint.startTime : 0};
    }""")
    page.wait_for_timeout(300)  # let the last loadingFinished events arrive
    pages_when_printed = None
    if "/tickets/" in url:
        pdf = page.pdf(format="A4", print_background=True)
        pages_when_printed = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    context.close()
    return {"bytes": sum(received.values()), "requests": len(received), "pages": pages_when_printed, **timing}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        app, secret = setup(tmp)
        server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}"
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
                measure(browser, f"{base}/healthz")  # warm the server up
                baseline = measure(browser, f"{base}/camps/essen")
                ticket = measure(browser, f"{base}/tickets/{secret}")
                browser.close()
        finally:
            server.shutdown()
    print(f"first load at {LATENCY_MS} ms latency, {KBITS} kbit/s, empty cache, phone viewport")
    for name, m in (("baseline: camp page", baseline), ("ticket page", ticket)):
        print(f"  {name:<20} {m['bytes'] / 1024:6.1f} KB in {m['requests']} requests; DOMContentLoaded "
              f"{m['dom'] / 1000:.2f} s, first paint {m['paint'] / 1000:.2f} s, load {m['load'] / 1000:.2f} s")
    print(f"  ratio ticket / baseline: bytes {ticket['bytes'] / baseline['bytes']:.2f}, "
          f"load time {ticket['load'] / baseline['load']:.2f}")
    # Usable: conservatively the load event (HTML with its inline QR code, both stylesheets and the icon).
    usable = max(ticket["dom"], ticket["paint"], ticket["load"]) / 1000
    print(f"  budget: {BUDGET_BYTES // 1024} KB -> {'within' if ticket['bytes'] <= BUDGET_BYTES else 'OVER'}; "
          f"usable (text and QR code shown) at {usable:.2f} s -> "
          f"{'within' if usable <= BUDGET_SECONDS else 'OVER'} {BUDGET_SECONDS:.0f} s")
    print(f"  printed on A4: {ticket['pages']} page(s)")


if __name__ == "__main__":
    main()
