"""Follow-ups that lead somewhere: a track per contact made through the hub (``stages``: start and move it, from a
one-tap mail link), reminders at 30 and 90 days (``reminders``), the impact figures per camp and quarter
(``report``) and a startup's feedback across pitch days with links it can share and revoke (``feedback``)."""
