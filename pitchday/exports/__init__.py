"""Files the app hands out for other programs: the one CSV writer every export goes through."""
