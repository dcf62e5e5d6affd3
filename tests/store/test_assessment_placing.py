"""What a source puts a count at is that count (real pipeline, written text)."""

import pytest

VALUE = {
    "01-bc.md": ("Basra Courier", "2026-05-04",
                 "BASRA (Basra Courier) - The lawmaker who raised the allegations put the port contract's "
                 "value at $184 million, the Courier learned on Monday."),
    "02-sa.md": ("Shatt Arab", "2026-05-05",
                 "BASRA - The contract's value is 96 million dollars, the port director Hamid Kadhim "
                 "al-Saadi told Shatt Arab on Tuesday."),
}

TOLL = {
    "01-kp.md": ("Khabar Post", "2026-05-21",
                 "ABU KAMAL (Khabar Post) - A drone strike on a car near Abu Kamal on Tuesday killed the "
                 "commander Jabbar Rahim al-Salmani, a member of the faction told Khabar Post. He said two "
                 "people had died in the strike."),
    "02-kh.md": ("Khabar Hub", "2026-05-22",
                 "(Khabar Hub) - Days after a drone strike near Abu Kamal, the fate of the commander Jabbar "
                 "Rahim al-Salmani remains disputed.\n\nAccording to Mashriq Wire, a monitoring group said "
                 "the commander was among those killed.\n\nBadiya Press Agency, citing an Iraqi security "
                 "official, put the death toll at three."),
}


@pytest.mark.model
def test_a_value_put_at_a_sum_is_that_sum(assessed, pairs_between):
    engine = assessed(VALUE)
    found = pairs_between(engine, "value at $184 million", "96 million dollars")
    assert ("contradiction", "figures") in found
    # ... and so is a value said to stand at a sum.
    stood = dict(VALUE)
    stood["01-bc.md"] = ("Basra Courier", "2026-05-04",
                         "BASRA (Basra Courier) - The lawmaker who raised the allegations said the port "
                         "contract's value stood at $184 million, the Courier learned on Monday.")
    engine = assessed(stood)
    found = pairs_between(engine, "stood at $184 million", "96 million dollars")
    assert ("contradiction", "figures") in found


@pytest.mark.model
def test_a_toll_put_at_a_count_is_a_count_of_the_dead(assessed, pairs_between):
    engine = assessed(TOLL)
    assert ("contradiction", "figures") in pairs_between(engine, "death toll at three",
                                                         "two people had died")
