"""The outbox: delivering the messages the app writes (``delivery``), the organisers' mail log (``log``) and
decision mails held as drafts until an organiser sends them (``drafts``)."""
