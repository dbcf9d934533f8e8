"""Meetings at pitch days: whether an event arranges them (``setup``), requests between attendees, jurors and
startups (``requests``), placing agreed pairs at tables (``meetings``, ``allocation``, ``repair``), contacts and
follow-ups after the day (``contacts``, ``followups``) and what the pages show (``views``, ``links``)."""
