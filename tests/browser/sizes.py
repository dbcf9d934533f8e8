"""The two sizes every page of issue 16 is checked at: a laptop at 1280×800 and a phone at 390×844."""

from tests.browser.conftest import PHONE

SIZES = {"desktop": {"viewport": {"width": 1280, "height": 800}}, "phone": PHONE}


def new_page(browser, size: str):
    """A page in a fresh context of that size, German, in Berlin time."""
    return browser.new_context(**SIZES[size], locale="de-DE", timezone_id="Europe/Berlin").new_page()


def fits(page, size: str) -> bool:
    """Nothing scrolls sideways."""
    return page.evaluate("document.documentElement.scrollWidth") <= SIZES[size]["viewport"]["width"]
