"""The two sizes every page of issue 16 is checked at: a laptop at 1280×800 and a phone at 390×844."""

import pytest

# The phone as in conftest.PHONE (not imported from there: conftest imports this module's fixture).
SIZES = {"desktop": {"viewport": {"width": 1280, "height": 800}},
         "phone": {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True,
                   "has_touch": True}}


@pytest.fixture
def sized_page(browser, live_server):
    """``sized_page("desktop" | "phone")``: a page in a fresh German context of that size. The contexts close
    before the live server and the database are torn down, so no page still polling holds a lock then."""
    contexts = []

    def make(size: str):
        context = browser.new_context(**SIZES[size], locale="de-DE", timezone_id="Europe/Berlin")
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def fits(page, size: str) -> bool:
    """Nothing scrolls sideways."""
    return page.evaluate("document.documentElement.scrollWidth") <= SIZES[size]["viewport"]["width"]
