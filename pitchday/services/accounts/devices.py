"""A short, readable name for the browser behind a User-Agent header ("Firefox on Windows")."""

# Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari", Android also says "Linux".
BROWSERS = [("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chromium/", "Chromium"),
            ("Chrome/", "Chrome"), ("Safari/", "Safari")]
SYSTEMS = [("Android", "Android"), ("iPhone", "iPhone"), ("iPad", "iPad"), ("Windows", "Windows"),
           ("Mac OS X", "macOS"), ("CrOS", "ChromeOS"), ("Linux", "Linux")]


def describe(user_agent: str) -> tuple[str | None, str | None]:
    """(browser, system) as far as the header tells; None for what it does not."""
    browser = next((name for token, name in BROWSERS if token in user_agent), None)
    system = next((name for token, name in SYSTEMS if token in user_agent), None)
    return browser, system
