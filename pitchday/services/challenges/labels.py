"""Human names of challenge and proposal states, translated."""

from flask_babel import lazy_gettext as _l

from ...models import ChallengeStatus, ProposalStatus

CHALLENGE_STATUS = {
    ChallengeStatus.DRAFT: _l("Draft"),
    ChallengeStatus.IN_REVIEW: _l("In review"),
    ChallengeStatus.PUBLISHED: _l("Published"),
    ChallengeStatus.RETURNED: _l("Returned for changes"),
    ChallengeStatus.CLOSED: _l("Closed"),
}
PROPOSAL_STATUS = {
    ProposalStatus.SUBMITTED: _l("Sent"),
    ProposalStatus.SHORTLISTED: _l("Shortlisted"),
    ProposalStatus.INVITED: _l("Invited to talk"),
    ProposalStatus.DECLINED: _l("Declined"),
}


def challenge_status_label(status) -> str:
    return str(CHALLENGE_STATUS.get(ChallengeStatus(status), status))


def proposal_status_label(status) -> str:
    return str(PROPOSAL_STATUS.get(ProposalStatus(status), status))
