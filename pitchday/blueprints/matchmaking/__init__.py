"""Routes of matchmaking: what attendees and startups ask and answer (``requests``) and the organisers' side
(``organiser``)."""
