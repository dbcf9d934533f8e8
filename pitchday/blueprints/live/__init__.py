"""The live show: ``control`` (the organisers' control room, its staff and the rehearsal), ``screens`` (the
show's state for every screen, the stage screen, the event page's and founders' "on in about N minutes") and
``poll`` (the WSGI shortcut that answers "unchanged" to polling screens without Flask or the database)."""
