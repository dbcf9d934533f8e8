"""Accounts and who someone is: sign-up, passwords and e-mail (``account``), logging in and out (``session``),
roles with their record (``roles``) and signed role links for jurors and door staff (``role_links``)."""
