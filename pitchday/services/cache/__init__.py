"""Cached output shared by every process: version counters that changes move (``versions``) and the keyed
store around Flask-Caching (``store``). See docs/performance.md."""
