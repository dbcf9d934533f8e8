"""Every outbox row gets its own Message-ID, whatever happens to Python's ``random`` module: ``make_msgid`` draws
its number from it, and code that seeds it (Hypothesis does, per example) made two mails of one instant share an
id, which the outbox's unique index turned into a 500 for a juror's re-sent invitation."""

import random
from unittest import mock

from pitchday import mail


def test_message_ids_stay_unique_when_the_random_module_is_reseeded():
    ids = []
    with mock.patch("time.time", return_value=1_765_000_000.0):  # all drawn in one and the same instant
        for _ in range(1000):
            random.seed(0)
            ids.append(mail.new_message_id())
    assert len(set(ids)) == len(ids)
    assert all(i.startswith("<") and i.endswith("@pitchday>") for i in ids)
