"""Attendees: registering, seats and the waiting list (``seats``, ``waiting_list``), tickets and their mails
(``tickets``, ``mail``, ``reminders``), the organisers' lists and export (``lists``, ``export``) and personal data
kept no longer than needed (``retention``)."""
