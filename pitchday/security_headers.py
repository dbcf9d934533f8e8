"""Security headers on every response: a content security policy without inline script, frame denial,
nosniff, referrer and permissions policies, and HSTS when the site is served over https.

The values never change while the app runs, so they are built once and copied onto each response.
Flask-Talisman did this job before and rebuilt every header on every response: a sixth of the CPU time of a
door scan, measured in the Flask test client. Nothing else it offers was in use: nonces, per-view options, and
redirects to https, which are the reverse proxy's job (README, "Production deployment").
"""

from flask import Flask

CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "media-src": "'self' blob:",
    "connect-src": "'self'",
    "font-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
# The door scanner needs the camera of its own pages; nothing needs the microphone or the location.
PERMISSIONS_POLICY = {"camera": "(self)", "microphone": "()", "geolocation": "()"}
HSTS = "max-age=31536000; includeSubDomains"


# For the site's pages.
PAGE_HEADERS = {
    "Content-Security-Policy": "; ".join(f"{name} {value}" for name, value in CONTENT_SECURITY_POLICY.items()),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": ", ".join(f"{name}={value}" for name, value in PERMISSIONS_POLICY.items()),
}
# For the device API's JSON (OWASP's REST security cheat sheet): never cached (a scan's answer is of its moment
# and names a person), never framed or run as a document; nothing there loads scripts or the camera.
API_HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def init_app(app: Flask, *, api: bool = False) -> None:
    headers = dict(API_HEADERS if api else PAGE_HEADERS)
    if app.config["PREFERRED_URL_SCHEME"] == "https":
        # Browsers heed HSTS only on https responses (RFC 6797, 8.1), so sending it on every one is safe.
        headers["Strict-Transport-Security"] = HSTS

    @app.after_request
    def _add_security_headers(response):
        response.headers.update(headers)
        return response
