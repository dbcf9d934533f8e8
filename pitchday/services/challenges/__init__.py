"""Challenges from industry and the Mittelstand: company profiles (``companies``), posting a challenge
(``posting``), the camp organisers' review (``review``), startups' proposals and the company's shortlist and
invitations (``proposals``), what each visitor may list (``listing``) and fitting startups and camps
(``suggestions``)."""
