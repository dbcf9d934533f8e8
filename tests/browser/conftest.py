"""Browser tests: the app served on a free local port, driven by Debian's Chromium through Playwright.

They skip, saying why, where no Chromium is installed. Screenshots land in test-artifacts/ for people to look at.
"""

import json
import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
LAUNCH_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).exists():
        return
    skip = pytest.mark.skip(reason=f"no Chromium at {CHROMIUM}: install Debian's 'chromium' package (see .ci/run)")
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": LAUNCH_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, **PHONE, "locale": "de-DE", "timezone_id": "Europe/Berlin"}


@pytest.fixture
def screenshot():
    """Save a full-page screenshot under test-artifacts/<name>.png and return its path."""
    ARTIFACTS.mkdir(exist_ok=True)

    def take(page, name: str, full_page: bool = True) -> Path:
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return take


@pytest.fixture
def axe():
    """Run axe-core on the page; return the critical and serious violations (skip where axe is missing)."""
    if not AXE.exists():
        pytest.skip("axe-core not downloaded (make tests/browser/vendor/axe.min.js needs npm)")
    source = AXE.read_text()

    def check(page) -> list[dict]:
        page.evaluate(source)  # evaluated through DevTools, so the page's strict CSP does not block it
        result = page.evaluate("async () => JSON.stringify(await axe.run(document))")
        violations = json.loads(result)["violations"]
        return [{"id": v["id"], "impact": v["impact"], "help": v["help"],
                 "nodes": [n["target"] for n in v["nodes"]][:5]}
                for v in violations if v["impact"] in ("critical", "serious")]

    return check


def log_in_page(page, base: str, user, password: str | None = None) -> None:
    """Log ``user`` (a User or an e-mail address) in through the log-in form, typing the two-step code when the
    site asks for one (hub admins and everyone who turned it on, issue 14)."""
    from tests.conftest import PASSWORD

    email = user if isinstance(user, str) else user.email
    page.goto(base + "/auth/login")
    page.fill("#email", email)
    page.fill("#password", password or PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    if "/auth/two-step" in page.url and isinstance(user, str):
        from pitchday.extensions import db
        from pitchday.models import User

        db.session.rollback()  # end the test's read snapshot
        user = db.session.scalar(db.select(User).filter_by(email=email))
    complete_two_step_page(page, user)


def complete_two_step_page(page, user) -> None:
    """On the two-step page, type the code ``user``'s authenticator app would show now."""
    from tests.conftest import two_step_code

    if "/auth/two-step" not in page.url:
        return
    page.fill("#code", two_step_code(user))
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


from tests.browser.sizes import sized_page  # noqa: E402, F401  (the fixture of issue 16's two sizes)
