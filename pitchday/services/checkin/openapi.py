"""The OpenAPI 3.1 description of the check-in API, served at /api/v1/openapi.json.

It states every rule the API enforces, so a client generated from it (or schemathesis, tests/security) never
meets a refusal the document did not announce: the secret's length and characters, the id's range.
"""

from ...request_guard import MAX_ID

# No control character (C0, DEL, C1; the request guard refuses the worst of them, JSON strings included) and, for
# the code, not only blanks: the API answers 400 to those, so the document says so.
_PLAIN = "[^\\u0000-\\u001f\\u007f-\\u009f]"
TEXT_PATTERN = f"^{_PLAIN}*$"
CODE_PATTERN = f"^{_PLAIN}*[^\\s\\u0000-\\u001f\\u007f-\\u009f]{_PLAIN}*$"


def _error(description: str, statuses: list[str]) -> dict:
    return {"description": description, "content": {"application/json": {"schema": {
        "allOf": [{"$ref": "#/components/schemas/Answer"}],
        "properties": {"status": {"enum": statuses}}}}}}


def openapi_document(server: str) -> dict:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "pitchday check-in API",
            "version": "1.0.0",
            "description": (
                "Check tickets in at the door. Each scanning device has its own bearer token, issued by an "
                "organiser on the event's staff page or with `flask --app pitchday issue-scanner-token EVENT_ID "
                "--name \"Door 1\"`. Every answer is JSON with a machine-readable `status`. Send a fresh random "
                "`nonce` with every scan and the same nonce again when retrying after a lost answer: the retry "
                "gets the first answer again, never a 409 for its own scan."),
        },
        "servers": [{"url": server}],
        "components": {
            "securitySchemes": {"device": {"type": "http", "scheme": "bearer",
                                           "description": "The device token (starts with `pdc_`)."}},
            "schemas": {
                "Scan": {"type": "object", "required": ["secret"], "additionalProperties": False, "properties": {
                    "secret": {"type": "string", "minLength": 1, "maxLength": 500, "pattern": CODE_PATTERN,
                               "description": "The ticket code read from the QR code (or the ticket's link): 1 to "
                                              "500 characters, not only blanks, no control characters."},
                    "nonce": {"type": "string", "minLength": 1, "maxLength": 64, "pattern": TEXT_PATTERN,
                              "description": "Unique per scan; repeat it only to retry the same scan. 1 to 64 "
                                             "characters, no control characters."},
                    "scanned_at": {"type": "string", "format": "date-time",
                                   "description": "When an offline scan happened (with zone)."}}},
                "Registration": {"type": "object", "properties": {
                    "id": {"type": "integer"}, "name": {"type": "string"}, "organisation": {"type": "string"},
                    "attendee_type": {"type": "string", "enum": ["startup", "industry", "investor", "academia",
                                                                 "public_sector", "other"]},
                    "attendee_type_label": {"type": "string"}}},
                "Answer": {"type": "object", "required": ["status", "message"], "properties": {
                    "status": {"type": "string"}, "message": {"type": "string"},
                    "registration": {"$ref": "#/components/schemas/Registration"},
                    "checked_in_at": {"type": ["string", "null"], "format": "date-time"},
                    "device": {"type": "string", "description": "Where the ticket was checked in first."}}},
            },
        },
        "paths": {
            "/events/{event_id}/checkins": {
                "post": {
                    "summary": "Check a ticket in",
                    "operationId": "createCheckin",
                    "security": [{"device": []}],
                    "parameters": [{"name": "event_id", "in": "path", "required": True,
                                    "schema": {"type": "integer", "minimum": 0, "maximum": MAX_ID}}],
                    "requestBody": {"required": True, "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/Scan"}}}},
                    "responses": {
                        "201": _error("Checked in.", ["checked_in"]),
                        "400": _error("Malformed body, or a control character (such as NUL) in it.",
                                      ["bad_request", "control_character"]),
                        "401": _error("Missing or unknown device token.", ["unauthorized"]),
                        "403": _error("Revoked token, or a token of another event.", ["revoked", "wrong_event"]),
                        "404": _error("Unknown ticket (or unknown event).", ["unknown_ticket", "not_found"]),
                        "409": _error("Already checked in (with when and at which device), or the person is on "
                                      "the waiting list.", ["already_checked_in", "waiting_list"]),
                        "410": _error("The ticket was cancelled.", ["cancelled"]),
                        "422": _error("The ticket is for another event.", ["other_event"]),
                        "503": _error("The database cannot be reached; try again after `Retry-After` seconds.",
                                      ["unavailable"]),
                    },
                },
            },
        },
    }
