"""Events and their schedule: creating and changing them (``schedule``, ``agenda``), finding them (``query``,
``lookup``, ``feed_rows``), telling people of changes (``notify``, ``audience``) and the organiser's dashboard
(``dashboard``, ``counts``)."""
