"""Accounts and who someone is: sign-up, passwords and e-mail (``account``), which passwords are refused
(``passwords``), logging in and out with one server-side row per browser (``session``, ``devices``), counting failed
attempts (``throttle``), two-step sign-in (``two_step``), roles with their record (``roles``) and signed role links
for jurors and door staff (``role_links``)."""
