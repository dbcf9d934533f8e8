"""The juror's first visit on a weak venue signal, measured in Debian's Chromium.

From the invitation link to a usable scoring screen, on a 390×844 phone with the connection throttled through
CDP Network.emulateNetworkConditions (400 ms latency, 400 kbit/s both ways). Prints the bytes and requests
(every HTTP request, the link's redirect included), the time until the controls are usable (scoring buttons
visible and the script running), whether the whole current pitch's scale is above the fold, and axe-core's
critical/serious findings; the same figures for the home page as a baseline from the same run.

    .venv/bin/python bench/jury_page.py
"""

import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))  # bench/ is scripts, not a package

from jury_setup import make_app, pitch_day  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from werkzeug.serving import WSGIRequestHandler, make_server  # noqa: E402

from pitchday.extensions import db  # noqa: E402
from pitchday.services.accounts import role_links  # noqa: E402

BUDGET = {"bytes": 60 * 1024, "requests": 6, "usable_s": 2.0}
THROTTLE = {"offline": False, "latency": 400, "downloadThroughput": 400_000 / 8, "uploadThroughput": 400_000 / 8}
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
RUNS = 5
AXE = ROOT / "tests" / "browser" / "vendor" / "axe.min.js"


def visit(browser, url: str, ready_selector: str, fold_selector: str | None) -> dict:
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=3, is_mobile=True,
                                  has_touch=True, locale="de-DE")
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", THROTTLE)
    requests, sizes = [], {}
    cdp.on("Network.requestWillBeSent", lambda e: requests.append(e["request"]["url"])
           if e["request"]["url"].startswith("http") else None)
    cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
    cdp.on("Network.responseReceived", lambda e: None)
    started = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.wait_for_selector(ready_selector, state="visible")
    page.wait_for_function("() => document.documentElement.classList.contains('js') || !document.getElementById('net')")
    usable = time.perf_counter() - started
    page.wait_for_load_state("load")
    loaded = time.perf_counter() - started
    time.sleep(0.3)  # let the last loadingFinished events arrive
    # Redirect hops finish without loadingFinished; count their header bytes as ~0.3 KB each.
    redirects = len(requests) - len(sizes)
    total_bytes = sum(sizes.values()) + max(redirects, 0) * 300
    fold = None
    if fold_selector:
        boxes = page.locator(fold_selector).evaluate_all(
            "els => els.map(e => { const r = e.getBoundingClientRect(); return r.bottom; })")
        fold = max(boxes) <= 844 if boxes else False
    violations = []
    if AXE.exists():
        cdp.send("Network.emulateNetworkConditions", {**THROTTLE, "latency": 0, "downloadThroughput": -1,
                                                      "uploadThroughput": -1})
        page.evaluate(AXE.read_text())
        import json

        result = json.loads(page.evaluate("async () => JSON.stringify(await axe.run(document))"))
        violations = [v["id"] for v in result["violations"] if v["impact"] in ("critical", "serious")]
    context.close()
    return {"requests": len(requests), "bytes": total_bytes, "usable_s": usable, "load_s": loaded, "fold": fold,
            "axe": violations, "urls": requests}


def main() -> None:
    app = make_app()
    with app.app_context():
        event, jurors = pitch_day(12, 3, scores=False)
        with app.test_request_context():
            link = "/auth/link/" + role_links.make_token(jurors[0].user, "juror", event.id)
        db.session.commit()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        # Werkzeug's development server speaks HTTP/1.0: a new TCP connection (one more 400 ms round trip) per
        # request. A production server behind a proxy keeps connections alive (HTTP/1.1); measure both.
        figures = {}
        for label, handler in (("keep-alive", KeepAlive), ("dev server", WSGIRequestHandler)):
            server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=handler)
            threading.Thread(target=server.serve_forever, daemon=True).start()
            base = f"http://127.0.0.1:{server.server_port}"
            visit(browser, base + "/", "h1", None)  # warm-up: the server's first request compiles templates
            # The link lands on the welcome (issue 16.7): usable once its "start scoring" button shows.
            figures[label] = (median_visit(browser, base + link, "a.go", "#conflict-h"),
                              median_visit(browser, base + "/", "h1", None))
            server.shutdown()
        browser.close()
    for label, (jury, home) in figures.items():
        report(label, jury, home)


def median_visit(browser, *args) -> dict:
    """The run with the median time of RUNS fresh visits (new context, cache off): the machine is shared."""
    runs = sorted((visit(browser, *args) for _ in range(RUNS)), key=lambda r: r["usable_s"])
    result = runs[len(runs) // 2]
    result["spread"] = (runs[0]["usable_s"], runs[-1]["usable_s"])
    return result


class KeepAlive(WSGIRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_request(self, *args, **kwargs):
        pass


def report(label, jury, home):
    print(f"\nJuror's first visit, invitation link → scoring screen; 390×844, 400 ms latency, 400 kbit/s; {label}")
    print(f"{'':28}{'juror page':>14}{'budget':>10}{'home page (baseline)':>24}")
    print(f"{'requests':28}{jury['requests']:>14}{BUDGET['requests']:>10}{home['requests']:>24}")
    print(f"{'bytes on the wire':28}{jury['bytes'] / 1024:>12.1f}KB{BUDGET['bytes'] / 1024:>8.0f}KB"
          f"{home['bytes'] / 1024:>22.1f}KB")
    print(f"{'usable after':28}{jury['usable_s']:>13.2f}s{BUDGET['usable_s']:>9.1f}s{home['usable_s']:>23.2f}s")
    print(f"{'  (fastest–slowest of runs)':28}{jury['spread'][0]:>7.2f}–{jury['spread'][1]:.2f}s{'':>10}"
          f"{home['spread'][0]:>17.2f}–{home['spread'][1]:.2f}s")
    print(f"{'load event after':28}{jury['load_s']:>13.2f}s{'':>10}{home['load_s']:>23.2f}s")
    print(f"{'all scale buttons above the fold':34}{str(jury['fold']):>8}")
    print(f"{'axe critical/serious':28}{len(jury['axe']):>14}{0:>10}{len(home['axe']):>24}  {jury['axe']}")
    print(f"ratio juror page / home page: bytes {jury['bytes'] / home['bytes']:.2f}, "
          f"time {jury['usable_s'] / home['usable_s']:.2f}")
    print("requests:", ", ".join(urlsplit(u).path[:40] for u in jury["urls"]))
    within = (jury["requests"] <= BUDGET["requests"] and jury["bytes"] <= BUDGET["bytes"]
              and jury["usable_s"] <= BUDGET["usable_s"] and jury["fold"] and not jury["axe"])
    print(f"within budget: {within}")


if __name__ == "__main__":
    main()
