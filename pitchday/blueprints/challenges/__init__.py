"""Routes of industry challenges: company profiles and posting (``company``), the board where startups browse
and answer, companies read answers and camp organisers review (``board``)."""
