"""Routes of registrations: registering and the attendee's ticket (``attendee``), the organisers' lists
(``admin``)."""
