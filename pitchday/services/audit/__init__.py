"""The audit trail of what organisers and admins changed: writing entries in the change's own transaction
(``trail``), reading them with filters and pages (``query``), their labels (``labels``), the CSV export
(``export``) and their retention (``retention``)."""
