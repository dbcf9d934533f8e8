"""Calendar output: iCalendar for events and subscription feeds (``ics``, written with ``writer``) and the
personal feed that each area adds entries to (``personal``)."""
