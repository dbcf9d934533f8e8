"""Paging for organisers' lists (attendees, applications, scan log, mail log): ``page`` and ``per_page`` from the
address, one page read with LIMIT/OFFSET, the totals from the list's own aggregate query, and a LIKE search
that treats the visitor's ``%`` and ``_`` as plain characters. The pager's links are ``_macros/paging.html``.
"""

from dataclasses import dataclass

import sqlalchemy as sa

from ..extensions import db

PER_PAGE_CHOICES = (25, 50, 100, 200)
DEFAULT_PER_PAGE = 50
MAX_PAGE = 100_000
MAX_SEARCH_LENGTH = 100


def _int(value, default: int) -> int:
    try:
        return int(str(value)[:9])
    except (TypeError, ValueError):
        return default


@dataclass(frozen=True)
class PageRequest:
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE

    @classmethod
    def from_args(cls, args, *, default: int = DEFAULT_PER_PAGE) -> "PageRequest":
        """From a query string; out-of-range or malformed numbers fall back rather than fail."""
        per_page = _int(args.get("per_page"), default)
        if per_page not in PER_PAGE_CHOICES:
            per_page = default
        return cls(page=max(1, min(_int(args.get("page"), 1), MAX_PAGE)), per_page=per_page)

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def apply(self, query):
        return query.limit(self.per_page).offset(self.offset)


@dataclass(frozen=True)
class Page:
    items: list
    total: int  # rows matching the search and filters, over all pages
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def first(self) -> int:
        """1-based number of the first row shown (0 when there is none)."""
        return min(self.total, (self.page - 1) * self.per_page + 1)

    @property
    def last(self) -> int:
        return min(self.total, self.page * self.per_page)


def page_of(query, request: PageRequest, *, total: int, scalars: bool = True) -> Page:
    """One page of ``query`` (ordered); ``total`` comes from the caller's aggregate query."""
    result = db.session.execute(request.apply(query))
    items = list(result.scalars() if scalars else result.all())
    return Page(items=items, total=total, page=request.page, per_page=request.per_page)


def clean_search(text: str | None) -> str:
    return (text or "").replace("\0", "").strip()[:MAX_SEARCH_LENGTH]


def search_condition(text: str, *columns):
    """Case-insensitive "contains" over ``columns``, or None for an empty search."""
    text = clean_search(text)
    if not text:
        return None
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return sa.or_(*(sa.func.lower(column).like(f"%{escaped}%", escape="\\") for column in columns))
