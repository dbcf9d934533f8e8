"""WTForms classes: shape only (required, lengths, choices). Domain rules live in services."""
