"""Routes of the door: the scanner page (``door``), the organisers' check-in pages (``admin``) and the device
API's routes (``api``, served by the device API app in ``pitchday/device_api.py``)."""
