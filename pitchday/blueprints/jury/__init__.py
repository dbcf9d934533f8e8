"""Routes of the jury: the juror's scoring (``scoring``), the organisers' jury set-up (``admin``) and results
(``results``)."""
