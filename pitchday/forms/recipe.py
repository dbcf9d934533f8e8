"""The recipe most routes that change something share, kept in one place: one service call, then either commit
and say so, or roll back and show the ``DomainError`` where the user is looking (on the form's field, or as a
flashed message for a button without fields). The route still loads, asks ``permissions`` and responds itself."""

from collections.abc import Callable
from typing import Any

from flask import flash

from ..errors import DomainError
from ..extensions import db
from .base import Form

Message = str | Callable[[Any], str | None] | None


class Outcome:
    """What one recipe call did: truthy when the change was committed; ``result`` is what the service returned."""

    __slots__ = ("committed", "result")

    def __init__(self, committed: bool, result: Any = None):
        self.committed, self.result = committed, result

    def __bool__(self) -> bool:
        return self.committed


def submit(form: Form, change: Callable[[], Any], *, success: Message = None, category: str = "success",
           error_field: str | None = None) -> Outcome:
    """When ``form`` was posted and is valid, make ``change``; a domain error is shown on the field it names (or
    ``error_field``, or the form as a whole). Not committed when the form was not posted or not valid."""
    if not form.validate_on_submit():
        return Outcome(False)
    return _commit_or_roll_back(change, success, category, lambda error: form.show_error(error, error_field))


def perform(change: Callable[[], Any], *, success: Message = None, category: str = "success") -> Outcome:
    """Make ``change`` for a button without fields (its CSRF token is checked app-wide); a domain error is flashed."""
    return _commit_or_roll_back(change, success, category, lambda error: flash(error.message, "error"))


def _commit_or_roll_back(change, success: Message, category: str, show_error) -> Outcome:
    try:
        result = change()
    except DomainError as error:
        # Nothing of a refused change may reach the database, even if the service flushed part of it.
        db.session.rollback()
        show_error(error)
        return Outcome(False)
    db.session.commit()
    message = success(result) if callable(success) else success
    if message:
        flash(message, category)
    return Outcome(True, result)
