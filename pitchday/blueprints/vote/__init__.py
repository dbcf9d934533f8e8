"""Routes of the audience vote: the attendee's ballot (``ballot``) and the organisers' side (``admin``)."""
