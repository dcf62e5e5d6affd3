"""The date benchmark reads its hand-written sets and scores them (no model, no external data)."""

from bench import dates


def test_the_sets_are_well_formed_and_large_enough():
    main, held = dates.cases(), dates.cases(dates.DATA.with_name("dates-held.tsv"))
    assert len(main) >= 60 and len(held) >= 30
    for case in main + held:
        assert case.precision in ("day", "week", "month", "year", "decade", "duration", "unresolved"), case
        assert (case.value == "-") == (case.precision in ("duration", "unresolved")), case


def test_the_score_counts_each_case_once():
    result = dates.run(dates.DATA.with_name("dates-held.tsv"))
    assert result["cases"] == len(result["rows"]) == 32
    assert result["right"] == sum(r["ok"] for r in result["rows"])
    # A regression guard at the level measured when the held set was first run (31 of 32).
    assert result["accuracy"] >= 0.9
