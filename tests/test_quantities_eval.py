"""CI gate for issue #11 point 6: assignment F1 with the bundled definitions and discovery F1
from zero configuration on the gold labels of the bundled stories and the flood and protest
stories (evaluate/quantities).

Floors are the measured values rounded down (2026-12-05, extractor with meanings in progress)
and are only ever raised."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.cli.quantity_eval import measure

REPO = Path(__file__).resolve().parent.parent
FLOORS = {
    # nk discovery was first pinned at 0.58 against the meaning extractor while it was still
    # uncommitted work in progress; the same session's later meaning rules measured 0.503
    # (nk_deaths: "soldier · killed" without the actor), and quake discovery 0.81 -> 0.805.
    # Re-pinned once for that reason; from here on only raised.
    # Raised with the override states (change, plan, part), casualty phrases over the unit,
    # figures that refer back, modifiers of another noun not being the actor, and suggestions
    # joining unstated actors/concepts and broader concepts: nk 0.894 / 0.904, quake 0.844 / 0.863.
    # Raised with elided nouns never taken from a measure, displaced phrases, places before the
    # number and place nouns for the located state, weak states (trained), count nouns before
    # the number and reporting subjects not being the actor: nk 0.967 / 0.975, quake 0.924 / 0.937.
    # Raised with figures dated to an earlier year left out, and the words before a coordinator
    # belonging to the figure before it: quake 0.965 / 0.964. Then relative clauses, a unit
    # carried over referring back, compound adjectives: nk 0.978 / 0.982, quake 0.972 / 0.972.
    # Raised with changes, partitives, parts and plans said outside the clause or by the future,
    # money states, the year rule over the sentence, keywords before the number and inside
    # compounds: nk 0.989 / 0.994, quake 0.986 / 0.990 (2026-12-05, while the number engine was
    # being changed by another session: one hundredth below where the two met).
    "nk": {"assignment_f1": 0.98, "discovery_f1": 0.98},
    "quake": {"assignment_f1": 0.98, "discovery_f1": 0.98},
    # The flood story (evaluate/quantities/holdout/flood/): development data since its errors
    # were read (extractor 1.12.0, 2026-12-05); first contact 0.800 / 0.810; after the rules
    # above 0.974 / 0.983 (an agency copy in two outlets scored once).
    "flood": {"assignment_f1": 0.98, "discovery_f1": 0.98},
    # The protest story (holdout/protest/): development data since its errors were read
    # (extractor 1.13.0, 2026-12-05); first contact 0.500 / 0.549; after the states of news
    # beyond war and disaster (participated, arrests as captured, rallies) and the rules of that
    # round 0.672 / 0.902, assignment with its first-contact definitions (participants by
    # keywords with no state, which the new state "participated" no longer meets).
    "protest": {"assignment_f1": 0.87, "discovery_f1": 0.92},
    # Meaning round 4 (2026-12-05, extractor 1.15.0 + r5-meaning): a definition of only "" keeps
    # the plain states named later (participated, arrived, present), parts enter the quantity
    # their own words name, bare figures continue the quantity of the figure before them, new
    # figures are changes, money saved is no price: flood 0.987 / 0.983, protest 0.855 / 0.919.
    # The lampedusa, jobcuts and outbreak stories (holdout/...): development data since their
    # errors were read (lampedusa first contact 0.825 / 0.955 at 1.14.0; jobcuts 0.638 / 0.529,
    # outbreak 0.828 / 0.678 at 1.15.0); after this round lampedusa 0.931 / 0.955, jobcuts
    # 0.772 / 0.621, outbreak 0.889 / 0.748, all with the users' first-contact definitions.
    "lampedusa": {"assignment_f1": 0.93, "discovery_f1": 0.95},
    # Raised with meaning round 7 (economic rates a share measures, forecast words, the states
    # unemployed, cut (planned), confirmed (a kind of infected), the sides of a vote (kinds of
    # voted), restated cuts joining the cut in suggestions, charges as costs, a rate's years
    # suggested apart): jobcuts 0.792 / 0.752, outbreak 0.896 / 0.923, referendum 0.771 /
    # 0.691, forecast 0.707 / 0.855 (first contact 0.624 / 0.453 at 1.17.0 with the users'
    # definitions; development data since its errors were read).
    "jobcuts": {"assignment_f1": 0.80, "discovery_f1": 0.75},
    "outbreak": {"assignment_f1": 0.89, "discovery_f1": 0.92},
    "forecast": {"assignment_f1": 0.72, "discovery_f1": 0.87},
    # The wildfire and referendum stories (holdout/...): development data since their errors were
    # read (first contact at 1.16.0: wildfire 0.667 / 0.876, referendum 0.167 / 0.289); after
    # meaning round 5 (measures entering a definition of their unit, shares counting what they
    # are a share of, polls as forecasts, evacuees, burned houses, the keyword window after a
    # coordinator, shares suggested apart): wildfire 0.859 / 0.921, referendum 0.740 / 0.520,
    # with the users' first-contact definitions.
    "wildfire": {"assignment_f1": 0.87, "discovery_f1": 0.93},
    "referendum": {"assignment_f1": 0.80, "discovery_f1": 0.72},
    # Meaning round 8 (2026-12-05, on 1.18.0): enumeration commas inside a clause, a relative
    # clause about a part not running on, the country a sentence opens with as its first
    # figure's actor, undated articles of the latest dated year, a figure before its whole
    # ("insgesamt", "nationwide") a part, offers and possible sums as plans, a measure
    # definition with no concept taking any share of its unit, bare figures after a measure,
    # unstated actors suggested with the story's own, a wider keyword window: protest 0.871 /
    # 0.919, referendum 0.787 / 0.703 ("only 40 of about 500": a part), forecast 0.707 /
    # 0.865. The strike and heatwave stories
    # (holdout/...): development data since their errors were read (first contact at 1.18.0:
    # strike 0.722 / 0.628, heatwave 0.835 / 0.750, with the users' definitions); after this
    # round strike 0.866 / 0.691 (0.878 before short asides in parentheses stopped ending the
    # clause: "kosten ... des DIHK (DIHK) bislang rund 650 Millionen Euro" is now read as a
    # cost, state price, which the user's damage definition (damaged or unstated) does not
    # take), heatwave 0.934 / 0.874 (hospital phrases with an article, hospitals as subject).
    # Meaning round 9 (2026-12-06, on 1.19.0 + r9-quant): accounts and records, compound heads
    # ("customer accounts"), a bare number after "<noun> at", lists of owners ("die AfD 15,3
    # Prozent") not continuing the figure before, no change in a definition without a state,
    # earlier periods ("four years ago"), exit polls, parts of an area ("im Wahlkreis"):
    # protest 0.870 / 0.923, referendum 0.804 / 0.711, strike 0.866 / 0.714. The breach and
    # election stories (holdout/...): development data since their errors were read (first
    # contact at 1.19.0: breach 0.643 / 0.645, election 0.544 / 0.472, with the users'
    # definitions); after this round breach 0.813 / 0.754, election 0.652 / 0.485.
    "strike": {"assignment_f1": 0.89, "discovery_f1": 0.76},
    "heatwave": {"assignment_f1": 0.94, "discovery_f1": 0.87},
    "breach": {"assignment_f1": 0.82, "discovery_f1": 0.76},
    "election": {"assignment_f1": 0.65, "discovery_f1": 0.48},
    # The derail and shelling stories (holdout/...): first contact at 1.20.0 (a70b53d, with the
    # users' definitions): derail 0.832 / 0.795, shelling 0.893 / 0.860; development data since
    # their errors were read for round 10. Floors at the first contact.
    # Meaning round 10 (2026-12-06, on 1.20.0 + r10-quant): figures per period as rates, a
    # figure referring back keeping its own owner, parts coordinated after a part and parts of
    # the next figure, a cost borne by an object as a loss, kinds of a concept with a state
    # entering its quantity, "im vergangenen Jahr", parts of a day: jobcuts 0.805 / 0.756,
    # forecast 0.723 / 0.875, wildfire 0.871 / 0.931, referendum 0.804 / 0.727, strike 0.880 /
    # 0.744, derail 0.891 / 0.838, shelling 0.927 / 0.897 (floors raised by hand for these).
    "derail": {"assignment_f1": 0.89, "discovery_f1": 0.83},
    "shelling": {"assignment_f1": 0.92, "discovery_f1": 0.89},
    # The housing and games stories (holdout/...): first contact at 1.21.0 (with the users'
    # definitions): housing 0.256 / 0.435, games 0.667 / 0.590; development data since their
    # errors were read for meaning round 11 (2026-12-06: a definition's concept, state and
    # actor in the story's words, the year an article reports on, a noun no table names as its
    # own concept, the states built, lacking, sold, money in a relative clause or after a colon):
    # housing 0.787 / 0.665, games 0.712 / 0.665.
    "housing": {"assignment_f1": 0.78, "discovery_f1": 0.66},
    "games": {"assignment_f1": 0.73, "discovery_f1": 0.69},
    # The nk2, flights and harvest stories (holdout/...): first contact at 1.22.1 (nk2 with the
    # bundled definitions, the others with the users'): nk2 0.899 / 0.888, flights 0.583 / 0.635,
    # harvest 0.465 / 0.457; development data since their errors were read for meaning round 12
    # (2026-12-06: a country inside the counted phrase as its actor even when the source's name
    # holds it, the states cancelled and delayed, a cut service cancelled, travellers as
    # passengers, a unit of a material counting the material, "davon" before the number a
    # part, troops prepared for deployment a plan, a concept word naming what money is):
    # nk2 0.925 / 0.908, flights 0.796 / 0.802, harvest 0.559 / 0.473; strike discovery 0.759.
    "nk2": {"assignment_f1": 0.94, "discovery_f1": 0.92},
    "flights": {"assignment_f1": 0.80, "discovery_f1": 0.80},
    "harvest": {"assignment_f1": 0.55, "discovery_f1": 0.47},
    # The nk3 story (holdout/nk3/): first contact at 1.23.0 with the bundled definitions,
    # 0.766 / 0.792; development data since its errors were read for meaning round 13
    # (2026-12-06: a bare four-digit count after an approximation is no year, an inclusion aside
    # between commas inside a noun phrase, "5,000 more were wounded" after a figure of another
    # state are others, "2,000 of them killed" a count of that state): 0.829 / 0.861.
    "nk3": {"assignment_f1": 0.87, "discovery_f1": 0.87},
    # The recall, storm and nk4 stories (holdout/...): first contact recall 0.671 / 0.595 and
    # storm 0.817 / 0.785 at 1.22.1, nk4 0.826 / 0.865 at 1.23.0; development data since their
    # errors were read for meaning round 14 (2026-12-06: a cut service in a definition takes
    # the cancelled ones, a place word's country as the actor of a count that names none,
    # coordinated figures in different countries as parts, the figure compared with last
    # year's, provisions as a cost, deadline phrases dating a figure, "of whom ... killed" a
    # count of its own state, estimates of soldiers without a verb after soldiers deployed,
    # "late last year" an earlier estimate; a definition's words no table knows looked for near
    # the number and in the FreeDict dictionaries; "rund 2000." a count): recall 0.809 /
    # 0.701, storm 0.885 / 0.855, nk4 0.945 / 0.968; games 0.736 / 0.698, flights 0.807 /
    # 0.809, heatwave 0.943 / 0.879, strike 0.891 / 0.768, breach 0.822 / 0.763, nk3 0.870 /
    # 0.875 (floors raised by hand for these).
    "recall": {"assignment_f1": 0.81, "discovery_f1": 0.71},
    "storm": {"assignment_f1": 0.88, "discovery_f1": 0.85},
    "nk4": {"assignment_f1": 0.95, "discovery_f1": 0.97},
    # The nk5, birdflu and seizure stories (holdout/...): first contact at 1.24.0 (nk5 with the
    # bundled definitions, the others with the users'): nk5 0.852 / 0.870, birdflu 0.242 /
    # 0.579, seizure 0.348 / 0.784; after round 14 (1.25.0, still unread) 0.870 / 0.853,
    # 0.450 / 0.611, 0.600 / 0.802; development data since their errors were read for meaning
    # round 15 (2026-12-06: a definition's unknown words through their translations and stems
    # and before the number, a state word after a preposition belonging to another noun, a
    # country in the source's phrase no owner, a whole after a change, nationals as the
    # soldiers a text counts, a second predicate not overriding the first): nk5 0.950 / 0.973,
    # birdflu 0.689 / 0.617, seizure 0.842 / 0.802; nk2 0.943 / 0.924, nk4 0.961 / 0.978,
    # recall 0.820 / 0.714.
    "nk5": {"assignment_f1": 0.94, "discovery_f1": 0.96},
    "birdflu": {"assignment_f1": 0.68, "discovery_f1": 0.61},
    "seizure": {"assignment_f1": 0.84, "discovery_f1": 0.80},
}


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    return {row["story"]: row for row in measure(REPO, tuple(FLOORS), errors=True)}


@pytest.mark.parametrize("story", sorted(FLOORS))
def test_scores_stay_above_their_floors(scores: dict[str, dict], story: str) -> None:
    row = scores[story]
    # gold spans found among the claims (an agency copy's labels are scored with the stored copy)
    assert row["matched"] >= 0.95 * (row["labels"] - row["copies"])
    for metric, floor in FLOORS[story].items():
        assert row[metric] >= floor, f"{story} {metric} {row[metric]} < floor {floor}"


def test_errors_are_listed_with_their_claims(scores: dict[str, dict]) -> None:
    kinds = {"assignment", "unmatched", "extra", "discovery-missed", "discovery-extra"}
    for row in scores.values():
        assert {e["kind"] for e in row["errors"]} <= kinds
        wrong = [e for e in row["errors"] if e["kind"] == "assignment"]
        assert all(e["sentence"] and e["gold"] != e["found"] for e in wrong)


def test_every_story_passes_its_label_check() -> None:
    """check_labels.py over every story's labels, the holdout stories included (format only:
    spans found at their occurrence, quantity keys defined, every file labelled; nothing is
    scored)."""
    from tracker.evaluate.quantities.check_labels import main

    assert main(["--root", str(REPO)]) == 0
