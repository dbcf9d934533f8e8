"""What organisers see of an event's registrations: a paged list with search and filters, counts by status and
attendee type, and the rows of the CSV read in batches.

The list costs two or three queries at any size: one aggregate (counts by status and type, of all
registrations and of those the search and filters match), one page of rows, and for the waiting rows on the
page their places on the whole waiting list.
"""

from dataclasses import dataclass, field

import sqlalchemy as sa

from ... import text_fold
from ...extensions import db
from ...models import AttendeeType, Event, Registration, RegistrationStatus
from ..paging import Page, PageRequest, clean_search

MAX_SEARCH_LENGTH = 100
MAX_TERMS = 6
STATUS_RANK = sa.case({"confirmed": 0, "waiting": 1, "cancelled": 2}, value=Registration.status, else_=3)
EXPORT_BATCH = 1000


@dataclass(frozen=True)
class Filters:
    search: str = ""
    status: str = ""
    type: str = ""

    @classmethod
    def from_args(cls, args) -> "Filters":
        status = args.get("status", "")
        kind = args.get("type", "")
        return cls(search=clean_search(args.get("q")),
                   status=status if status in {s.value for s in RegistrationStatus} else "",
                   type=kind if kind in {t.value for t in AttendeeType} else "")

    def conditions(self) -> list:
        # Each word typed starts a word of the name, organisation or e-mail, ignoring case, accents and umlaut
        # spellings: the folded ``search_key`` the door's search reads too (one LIKE a word, not three lower()).
        # Folded words hold only letters and digits, so no LIKE wildcard comes in with the search.
        found = [Registration.search_key.like(f"% {term}%") for term in text_fold.words(self.search)[:MAX_TERMS]]
        if self.status:
            found.append(Registration.status == self.status)
        if self.type:
            found.append(Registration.attendee_type == self.type)
        return found


@dataclass
class Overview:
    page: Page  # items: (registration, place within its status)
    # {status: {attendee type: n}} over all of the event's registrations (not only the search hits)
    by_type: dict = field(default_factory=dict)
    totals: dict = field(default_factory=dict)  # {status: n} of all registrations
    matching: dict = field(default_factory=dict)  # {status: n} of those the search and filters match

    def rows_of(self, status: str) -> list:
        return [(r, place) for r, place in self.page.items if str(r.status) == status]


def _counts(event: Event, conditions: list):
    matches = sa.and_(*conditions) if conditions else sa.true()
    return db.session.execute(
        sa.select(Registration.status, Registration.attendee_type, sa.func.count(),
                  sa.func.sum(sa.case((matches, 1), else_=0)))
        .where(Registration.event_id == event.id).group_by(Registration.status, Registration.attendee_type)).all()


def overview(event: Event, filters: Filters = Filters(), request: PageRequest = PageRequest()) -> Overview:
    """A page of the event's registrations (confirmed, waiting in arrival order, cancelled): two queries."""
    conditions = filters.conditions()
    by_type, totals, matching = {}, dict.fromkeys(map(str, RegistrationStatus), 0), {}
    for status, attendee_type, n, hits in _counts(event, conditions):
        by_type.setdefault(str(status), {})[str(attendee_type)] = n
        totals[str(status)] += n
        matching[str(status)] = matching.get(str(status), 0) + int(hits or 0)
    items = _page_in_list_order(event, conditions, request, matching)
    places = _waiting_places(event, [r for r in items if r.status == RegistrationStatus.WAITING])
    page = Page(items=[(r, places.get(r.id)) for r in items], total=sum(matching.values()), page=request.page,
                per_page=request.per_page)
    return Overview(page=page, by_type=by_type, totals=totals, matching=matching)


def _page_in_list_order(event: Event, conditions: list, request: PageRequest, matching: dict) -> list:
    """The page's rows: confirmed, then waiting, then cancelled, each in arrival order.

    Read status by status, each an index range (event, status, queue number) with its own LIMIT: the counts
    say which statuses the page spans, so no query sorts all of an event's registrations (a page is one query,
    two where it spans a status boundary)."""
    skip, wanted, items = request.offset, request.per_page, []
    for status in RegistrationStatus:
        matches = matching.get(str(status), 0)
        if skip >= matches:
            skip -= matches
            continue
        if wanted <= 0:
            break
        rows = list(db.session.scalars(
            sa.select(Registration).where(Registration.event_id == event.id, Registration.status == status,
                                          *conditions)
            .order_by(Registration.queue_number).limit(wanted).offset(skip)))
        items += rows
        wanted, skip = wanted - len(rows), 0
    return items


def _waiting_places(event: Event, waiting: list) -> dict[int, int]:
    """Each waiting registration's place on the whole waiting list (not only among the search hits): one query
    for the page's waiting rows."""
    if not waiting:
        return {}
    other = sa.orm.aliased(Registration)
    return dict(db.session.execute(
        sa.select(Registration.id, sa.func.count(other.id)).join(other, sa.and_(
            other.event_id == Registration.event_id, other.status == RegistrationStatus.WAITING,
            other.queue_number <= Registration.queue_number))
        .where(Registration.id.in_([r.id for r in waiting])).group_by(Registration.id)).all())


EXPORT_COLUMNS = (Registration.status, Registration.name, Registration.email, Registration.organisation,
                  Registration.attendee_type, Registration.created_at, Registration.confirmed_at,
                  Registration.cancelled_at, Registration.anonymised_at, Registration.answers)


def export_rows(event: Event):
    """The event's registrations for the CSV as plain rows (no ORM objects), confirmed, waiting and cancelled,
    each with its place in its status, read in batches so an export of any size keeps memory flat."""
    query = (sa.select(*EXPORT_COLUMNS, sa.func.row_number().over(partition_by=Registration.status,
                                                                 order_by=Registration.queue_number))
             .where(Registration.event_id == event.id).order_by(STATUS_RANK, Registration.queue_number)
             .execution_options(yield_per=EXPORT_BATCH))
    yield from db.session.execute(query)


def count_of(event: Event) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(Registration)
                             .where(Registration.event_id == event.id))


def all_of(event: Event) -> list[Registration]:
    return list(db.session.scalars(sa.select(Registration).where(Registration.event_id == event.id)))


def load_registration(event_id: int, registration_id: int) -> Registration | None:
    registration = db.session.get(Registration, registration_id)
    return registration if registration is not None and registration.event_id == event_id else None
