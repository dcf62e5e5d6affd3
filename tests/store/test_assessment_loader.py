"""How the store's statements are made comparable (crosscheck.store.assessment), on the parts
that need no model: described targets as keys."""

from crosscheck.assess.clauses import Figure
from crosscheck.store.assessment import _a_share, _a_toll, _counted_in, _described, _named_by_day


def test_a_described_target_is_its_kind_and_the_force_it_belongs_to():
    # A checkpoint is a post, as "a border guard post" and "an outpost" are.
    assert _described("an army checkpoint") == "~post/army"
    assert _described("a checkpoint of the army at the entrance of Tuz Khurmatu") == "~post/army"
    assert _described("Border Post 9") == _described("a border guard post") == "~post/border"
    assert _described("an Iraqi army supply column") == _described("an army convoy") == "~vehicle/army"
    assert _described("one of their supply convoys") == "~vehicle"
    assert _described("a police checkpoint") != _described("an army checkpoint")
    # "A number of homes" is homes; "the number" alone is no kind of target.
    assert _described("a number of homes in the town") == _described("homes") == "~dwelling"
    assert _described("a group of gunmen at the gate") == "~gunmen"


def test_a_deputy_commander_is_not_the_commander():
    from crosscheck.store.assessment import _role_words

    assert _role_words("commander") == ["commander"]
    assert _role_words("Deputy Commander") == [] and _role_words("ex-governor") == []


def test_a_day_that_only_names_the_happening_is_no_day_told():
    # "Tuesday's explosion" tells which blast; "on Monday" tells when it was.
    assert _named_by_day("Tuesday", "at least 12 people were killed in Tuesday's explosion")
    assert _named_by_day("Tuesday", "Eleven were killed in Tuesday’s car bombing at the garage")
    assert not _named_by_day("Monday", "the blast happened on Monday evening")
    # Told both ways, the day is told.
    assert not _named_by_day("Tuesday", "Tuesday's blast, which went off on Tuesday at noon, killed six")
    assert not _named_by_day(None, "a blast killed six")


def test_a_share_of_ones_men_and_a_toll_of_everyone():
    def killed(n):
        return {"killed": Figure(n, n)}

    assert _a_share("Three of his soldiers were killed, he said.", killed(3))
    assert _a_share("killing one of the brigade's fighters", killed(1))
    # Of those the happening hit, or the count is another one: no share.
    assert not _a_share("Three of them were martyred", killed(3))
    assert not _a_share("after two of the wounded died", killed(2))
    assert not _a_share("Three of his soldiers were killed", killed(4))
    assert _a_toll("Nida al-Jabal put the death toll at six, citing a source", killed(6))
    assert _a_toll("Four people were killed on Sunday", killed(4))
    assert _a_toll("the number of martyrs had reached eleven", killed(11))
    assert not _a_toll("four guards were killed when the attackers detonated a car bomb", killed(4))


def test_a_claim_gives_only_the_figures_it_counts():
    sentence = {"killed": Figure(4, 4), "escaped": Figure(23, 23)}
    # "The attack killed four guards, and a guard said 23 inmates had escaped during the attack."
    assert _counted_in("23 inmates had escaped during the attack", sentence) == {"escaped": Figure(23, 23)}
    assert _counted_in("the force's fighters have reached two thousand", {"size": Figure(2000, 2000)})
    assert _counted_in("the brigade has about 3,000 men", {"size": Figure(2400, 3601)})
