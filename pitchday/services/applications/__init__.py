"""A startup's way onto the stage: the call for pitches (``call``), applying with a deck (``submission``,
``decks``), the organisers' selection (``selection``), the running order the jury and pages read
(``running_order``), the CSV export (``export``) and what the area adds to shared extension points (``hooks``)."""
