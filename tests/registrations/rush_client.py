"""A plain HTTP client that registers the way a browser does (form page for the CSRF token, then POST).

Used by the concurrency tests (threads and processes) and by bench/registrations_rush.py.
"""

import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request

TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the 302 itself is the answer; the benchmark does not load the ticket page after it


class RegistrationClient:
    def __init__(self, base: str, event_id: int, *, follow_redirects: bool = True):
        self.url = f"{base}/events/{event_id}/register"
        self.jar = http.cookiejar.CookieJar()
        self.prepared_cookies: list = []
        handlers = [urllib.request.HTTPCookieProcessor(self.jar)]
        if not follow_redirects:
            handlers.append(_NoRedirect())
        self.opener = urllib.request.build_opener(*handlers)
        self.token = None

    def prepare(self) -> None:
        """Load the form once: the session cookie and CSRF token serve every later POST of this client."""
        with self.opener.open(self.url, timeout=60) as response:
            self.token = TOKEN.search(response.read().decode()).group(1)
        self.prepared_cookies = list(self.jar)

    def register(self, n: int, kind: str = "startup", *, as_new_visitor: bool = False) -> int:
        """POST the form for person ``n``. ``as_new_visitor`` sends the session as it was after loading the form,
        as each person in a real rush does: without it, a client that does not follow the redirect to the ticket
        page (whose view takes the flashed message) carries every earlier registration's message along."""
        if as_new_visitor:
            self.jar.clear()
            for cookie in self.prepared_cookies:
                self.jar.set_cookie(cookie)
        data = urllib.parse.urlencode({"csrf_token": self.token, "name": f"Person {n}",
                                       "email": f"person{n}@example.org", "organisation": "",
                                       "attendee_type": kind, "consent": "y"}).encode()
        try:
            with self.opener.open(self.url, data=data, timeout=120) as response:
                response.read()
                return response.status
        except urllib.error.HTTPError as error:  # a 302 when redirects are not followed, or a real error
            return error.code

    def load_form(self) -> int:
        with self.opener.open(self.url, timeout=60) as response:
            response.read()
            return response.status


def register_many(base: str, event_id: int, numbers, barrier=None, results=None) -> list[int]:
    """One client registering ``numbers`` one after the other (after waiting at ``barrier``, if given)."""
    client = RegistrationClient(base, event_id)
    client.prepare()
    if barrier is not None:
        barrier.wait()
    statuses = [client.register(n) for n in numbers]
    if results is not None:
        results.put(statuses)
    return statuses
