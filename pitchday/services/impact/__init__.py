"""The hub's impact report for its funders: the figures (``report``), their charts (``charts``) and labels."""
