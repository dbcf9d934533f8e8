"""Routes of follow-up tracks: the one-tap pages behind mail links and a shared feedback link (``links``), a
startup's tracks, feedback history and share links (``startup``), the tracks in the impact report (``report``)."""
