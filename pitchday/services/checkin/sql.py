"""The statements of a scan at the door, written once as plain SQL and run on the driver (``driver_sql``).

A scan runs once per person with a queue waiting, so it builds no ORM objects and sends as few statements as
it can: one read (device, ticket and its check-in together) and one write (the check-in and its log row; for a
ticket already in, the log row alone). ON CONFLICT ... RETURNING works on SQLite (3.35+) and PostgreSQL alike;
a returned row, not a rowcount, says whether an insert landed. The rules that use them are in ``checkin``.
"""

from ...driver_sql import Statement

_TICKET_COLUMNS = "id, event_id, status, name, organisation, attendee_type"

# Is this token a device of the event, which ticket is this, and is it in already (when, at which device)?
# Asked together: one round trip, not three.
DEVICE_AND_TICKET = Statement(
    "SELECT d.id, d.event_id, d.name, d.revoked_at, r.id AS ticket_id, r.event_id AS ticket_event_id, r.status, "
    "r.name AS ticket_name, r.organisation, r.attendee_type, c.checked_in_at, cd.name AS device_name "
    "FROM scanner_devices d LEFT JOIN registrations r ON r.ticket_secret = :secret "
    "LEFT JOIN checkins c ON c.registration_id = r.id LEFT JOIN scanner_devices cd ON cd.id = c.device_id "
    "WHERE d.token_hash = :token_hash",
    datetimes=("revoked_at", "checked_in_at"),
)
TICKET_BY_SECRET = Statement(f"SELECT {_TICKET_COLUMNS} FROM registrations WHERE ticket_secret = :secret")  # noqa: S608
TICKET_BY_ID = Statement(f"SELECT {_TICKET_COLUMNS} FROM registrations WHERE id = :id")  # noqa: S608

# The ticket's state is a condition of the one conditional write, so a ticket cancelled a moment ago is not let
# in even when it was read as confirmed; and a nonce this device already has an answer for never checks a ticket
# in again (a late retry after an undo). The WHERE also keeps SQLite's parser from reading ON as a join.
_CHECK_IN = (
    "INSERT INTO checkins (registration_id, event_id, device_id, checked_in_at) "
    "SELECT id, event_id, :device, :now FROM registrations "
    "WHERE id = :registration AND event_id = :event AND status = 'confirmed' "
    "AND NOT EXISTS (SELECT 1 FROM scan_logs WHERE device_id = :device AND nonce = :nonce) "
    "ON CONFLICT (registration_id) DO NOTHING RETURNING id"
)
# A log row per scan; the unique (device, nonce) makes a retried scan collide with its first attempt.
_LOG = (
    "INSERT INTO scan_logs (event_id, device_id, registration_id, nonce, result, http_status, answer, scanned_at, at) "
    "{rows} ON CONFLICT (device_id, nonce) DO NOTHING RETURNING id"
)
_LOG_ROW = ":event, :device, :registration, :nonce, :result, :http_status, :answer, :scanned_at, :now"
# In a SELECT list PostgreSQL cannot take a parameter's type from the target column as VALUES does (a NULL
# would arrive as text): the PostgreSQL-only statement below names each type.
_LOG_ROW_TYPED = (":event::integer, :device::integer, :registration::integer, :nonce::varchar, :result::varchar, "
                  ":http_status::smallint, :answer::text, :scanned_at::timestamp, :now::timestamp")
_EARLIER_CHECK_IN = (
    "SELECT c.checked_in_at, d.name AS device_name FROM checkins c "
    "LEFT JOIN scanner_devices d ON d.id = c.device_id WHERE c.registration_id = :registration"
)

CHECK_IN = Statement(_CHECK_IN)
LOG = Statement(_LOG.format(rows=f"VALUES ({_LOG_ROW})"))
EARLIER_CHECK_IN = Statement(_EARLIER_CHECK_IN, datetimes=("checked_in_at",))
UNDO_CHECK_IN = Statement("DELETE FROM checkins WHERE id = :id")

# PostgreSQL does the whole write of an accepted scan in one statement (a data-modifying WITH): the check-in,
# its log row if it landed, and otherwise the earlier check-in as far as this statement can see it. Atomic by
# itself, so the API sends it without BEGIN and COMMIT: one round trip. SQLite has no data-modifying WITH;
# there CHECK_IN and LOG share one short transaction. (Composed from the constants above only: hence the noqa.)
CHECK_IN_AND_LOG = Statement(
    f"WITH checked_in AS ({_CHECK_IN}), "  # noqa: S608
    f"logged AS ({_LOG.format(rows=f'SELECT {_LOG_ROW_TYPED} FROM checked_in')}) "  # noqa: S608
    "SELECT (SELECT id FROM checked_in) AS checkin_id, (SELECT id FROM logged) AS log_id, "
    "earlier.checked_in_at, earlier.device_name "
    f"FROM (SELECT 1) AS one LEFT JOIN ({_EARLIER_CHECK_IN}) AS earlier ON true",  # noqa: S608
    datetimes=("checked_in_at",),
)

REPLAY = Statement("SELECT http_status, answer FROM scan_logs WHERE device_id = :device AND nonce = :nonce")
