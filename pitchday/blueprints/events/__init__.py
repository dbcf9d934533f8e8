"""Routes of events: the public pages and calendar addresses (``public``, ``feeds``), the sections other areas
add to an event page (``panels``), the organisers' scheduling (``manage``) and dashboard (``dashboard``)."""
