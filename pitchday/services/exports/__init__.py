"""Exports that outgrow a request: files the worker writes in the background (``prepared``)."""
