"""Routes of the applications area: a founder applies (``founder``), organisers review applications
(``review``) and set up the call for pitches and the running order (``manage``)."""
