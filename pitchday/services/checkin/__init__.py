"""The door: a scan recorded exactly once (``scan``, its SQL in ``sql``), who may scan (``staff``), what the door
reads (``lists``) and the device API's OpenAPI document (``openapi``)."""
