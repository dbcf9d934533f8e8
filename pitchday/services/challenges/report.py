"""The challenges in the impact report: per camp and quarter, how many challenges went public, how many answers
startups sent and how many startups a company invited to talk; one grouped query per figure and quarter."""

from collections.abc import Iterator
from dataclasses import dataclass

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from ...models import Challenge, ChallengeProposal, ChallengeStatus, ProposalStatus
from ..impact import quarterly


@dataclass
class Row:
    camp: str
    quarter: str
    published: int = 0
    answers: int = 0
    invited: int = 0


def _counts(column, *conditions, joined: bool = False):
    camp = Challenge.camp_id
    query = sa.select(camp, sa.func.count())
    if joined:
        query = query.select_from(ChallengeProposal).join(Challenge, ChallengeProposal.challenge_id == Challenge.id)
    return lambda start, end: query.where(column >= start, column < end, *conditions).group_by(camp)


FIGURES = {
    # A challenge counts as public from its review; closing it later does not undo that.
    "published": _counts(Challenge.reviewed_at,
                         Challenge.status.in_([ChallengeStatus.PUBLISHED, ChallengeStatus.CLOSED])),
    "answers": _counts(ChallengeProposal.created_at, joined=True),
    "invited": _counts(ChallengeProposal.decided_at, ChallengeProposal.status == ProposalStatus.INVITED,
                       joined=True),
}


def figures(year: int, camp_ids: list[int] | None = None) -> list[Row]:
    """One row per camp (the one reviewing the challenge) and quarter of ``year``, camps without any included."""
    return quarterly.grid(year, camp_ids, FIGURES, Row)

HEADER = [_l("Camp"), _l("Quarter"), _l("Challenges made public"), _l("Answers from startups"),
          _l("Startups invited to talk")]


def csv_rows(rows: list[Row]) -> Iterator[list]:
    return ([r.camp, r.quarter, r.published, r.answers, r.invited] for r in rows)
