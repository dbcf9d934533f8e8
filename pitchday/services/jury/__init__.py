"""The jury: the rubric (``rubric``), jurors and conflicts (``jurors``), scores (``scoring``), results and their
arithmetic (``results``, ``stats``), publishing awards and feedback (``publish``) and the CSV exports (``export``)."""
