"""Domain rules as plain functions: they take the actor and data, raise DomainError, flush but never commit."""
