"""What a claim counts, as meaning (issue #11): ``concept``, ``actor`` and ``state``.

Read from the claim's own noun phrase and clause, never from the title: the unit and entity the
engine found, the words of the clause around the number (up to a clause break or the
neighbouring claim), lemmatised with simplemma. Language knowledge lives in
``lang/<code>/concepts.toml`` (loaded and validated by ``tracker.extract.concepts``, merged over
``lang/und``) and in the claimant gazetteer's ``[countries]`` (names, adjectives, capitals); the
clause's bounds, state word and places are read by ``tracker.extract.clause``; this module reads
the noun phrase and the actor, and knows no word of any language. Meaning never changes a
claim's value, unit or span.

- ``concept``: an English lemma for what is counted ("soldier", "person", "building", "euro").
- ``actor``: ISO 3166 alpha-2 code of the country that owns or does what is counted; countries
  coordinated in one noun phrase ("Russian and North Korean soldiers") join sorted with "+"
  ("KP+RU"), so a quantity about one of them does not take the claim.
- ``state``: the state or event counted ("killed", "wounded", "casualties", "deployed", ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.extract.clause import (
    WORD,
    StateMemo,
    after_coordinator,
    after_place_word,
    clause_around,
    clause_breaks,
    clause_state,
    into_relative,
    last_word,
    leading_state,
    match_word,
    opening_part,
    phrase_over,
    places_named,
    without_asides,
)
from tracker.extract.concepts import FILE_NAME, Concepts, lemmatize, load_concepts
from tracker.extract.lexicon import Lexicon, compound_ending
from tracker.models import Claim

__all__ = ["FILE_NAME", "Concepts", "Meaning", "add_meaning", "load_concepts", "read_meaning"]

COORDINATED = "+"
_FIELDS = ("concept", "actor", "state")
_NOUN_LOOKAHEAD = 6  # words after the number that may still belong to its noun phrase


@dataclass(frozen=True, slots=True)
class Meaning:
    concept: str | None = None
    actor: str | None = None
    state: str | None = None


def add_meaning(claims: list[Claim], text: str, lex: Lexicon) -> list[Claim]:
    """The claims with ``concept``, ``actor`` and ``state`` filled from their own clause.

    The engine's claims are fresh and not yet shared, so the three fields are set in place:
    rebuilding a 25-field frozen dataclass per claim cost more than reading its meaning."""
    concepts = load_concepts(lex.code)
    text = without_asides(text, concepts, [c.start for c in claims])
    low = lower_text(text)
    breaks = clause_breaks(text, concepts)
    antecedent: Meaning | None = None  # the last claim's meaning with a concept and a state
    total: Meaning | None = None  # ... with a state that is no change, plan or part
    said_at = -1  # the sentence start of the antecedent
    first: Claim | None = None  # the first claim of the current sentence
    measured = False  # a measure among the figures of the sentence so far
    memo: StateMemo = {}  # the state words of each clause, found once
    rate: Claim | None = None  # the last share of a rate ("growth of 0.9%")
    before = -1  # the start of the last sentence with a figure before the current one
    whole_of: Meaning | None = None  # a part's meaning, when the next figure is its whole
    unstated: list[Claim] = []  # estimates of a located concept (soldiers) with no state
    period_part = -1  # the sentence start of a duration said as a part ("two weeks alone")
    # a text that names no part of an area ("Wahlkreis", "constituency") is not searched for one
    subunits = concepts.subunit_nouns.search(low) is not None
    for i, claim in enumerate(claims):
        prev = claims[i - 1] if i > 0 else None
        nxt = claims[i + 1] if i + 1 < len(claims) else None
        if first is None or first.sentence_start != claim.sentence_start:
            before = first.sentence_start if first is not None else -1
            first, measured = claim, False
        clause = clause_around(claim, prev, nxt, breaks)
        clause = into_relative(clause, claim, nxt, low, breaks, concepts)
        clause = after_coordinator(clause, claim, prev, low, concepts)
        found = read_meaning(claim, (text, low), lex, concepts, clause, memo=memo)
        if found.state in concepts.override_states and (
            cut := _second_predicate(claim, low, concepts, clause)
        ) is not None:
            # "10,000 soldiers have been sent to Russia and are likely to reinforce ...", "and
            # some of them have moved": a plan or part of a second predicate is not the figure's
            first_only = read_meaning(claim, (text, low), lex, concepts, (clause[0], cut))
            if first_only.state is not None and first_only.state not in concepts.override_states:
                found = first_only
        own_actor = found.actor
        if prev is not None and _others_of_another_state(claim, prev, found, low, concepts):
            # "2,000 were killed; 5,000 more were wounded", "rund 2000 kamen ums Leben, etwa
            # 5000 weitere wurden verwundet": more of another state are others, no change
            found = Meaning(found.concept, found.actor, concepts.units[claim.unit or ""][1])
        elif (own_state := _own_state_of_part(
            claim, found, (text, low), (lex, concepts), clause, memo,
            prev.state if prev is not None and prev.sentence_start == claim.sentence_start
            else total.state if total is not None else None,
        )) is not None:
            # "4,000 casualties, of whom around 1,000 had been killed", "Von ihnen seien rund
            # 4.700 getötet oder verwundet worden": those of the whole in a state of their own
            found = Meaning(found.concept, found.actor, own_state)
        if found.state is None and nxt is not None:
            found = _past_complement(found, claim, nxt, claims[i + 2 : i + 3], (text, low),
                                     (lex, concepts), (clause, breaks))
        if prev is not None and _next_share(claim, prev, found, concepts):
            # "Turnout was 47.1%, not 46.8%", "a poll found 52% in favour and 45% against":
            # a share that names nothing after one of its sentence measures the same
            found = Meaning(prev.concept, found.actor, prev.state)
        elif prev is not None and _side_of_poll(claim, prev, found, concepts):
            # "a poll found 52% in favour and 45% against": the other side is the poll's too
            found = Meaning(found.concept, found.actor, concepts.plan_state)
        elif rate is not None and _same_rate(claim, rate, found, concepts, before):
            # "Ifo sees growth of 0.9% next year. In September it had expected 1.3%.": a share
            # that names nothing, right after a rate's, is a figure of that rate
            found = Meaning(rate.concept, found.actor, found.state)
        # a part or plan said outside the clause ("Of the dead, two were ...") is read before
        # a figure with no words of its own is taken to refer back to the last one
        outside = _outside_clause(found, claim, first, (text, low), concepts, clause)
        said_outside = outside is not found
        if prev is not None and _elided(claim, prev, clause, concepts, (text, lex), found):
            found = _from_previous(found, prev, concepts,
                                   _own_predicate(claim, low, concepts, clause), total)
        elif (asked := _question_before(
            claim, (text, low), lex, concepts, prev.end if prev is not None else 0
        )) is not None and (
            not said_outside and _answers(claim, found, asked, concepts)
        ):
            # "How many are missing? The coast guard says around 25.": a question with no noun
            # says the state; what is counted is the figure's own noun, else the last figure's
            concept = found.concept or asked.concept or (total.concept if total else None)
            found = Meaning(concept, found.actor or asked.actor, asked.state)
        elif (back := antecedent if said_at == claim.sentence_start and not (
            _whole_after_change(claim, antecedent, low, concepts, clause)
        ) else total) is not None and (
            not said_outside and _bare(claim, found, back) and (
                not measured or claim.unit is not None)
            and not _collective_before(claim, low, concepts, clause)
        ):
            # not after a measure of its own sentence ("12 months instead of the current 18"):
            # the bare figure is about that measure, not a count of an earlier sentence; from
            # another sentence, about a total, not a change, plan or part ("16 more officers
            # were hurt. The union says the true figure is at least 70"); a predicate of its own
            # keeps only what is counted ("97 were placed in custody and 23 would face trial")
            # ... but an owner its own clause states stays ("Germany is expected to grow 1.1%
            # while France grows 0.8%": France's figure, not Germany's)
            own = found.actor
            found = back if own is None else Meaning(back.concept, own, back.state)
            if _own_predicate(claim, low, concepts, clause):
                found = Meaning(back.concept, own or back.actor,
                                _located(claim, back, text, concepts, clause))
        elif back is not None and found.concept is None and found.state is not None and (
            claim.unit is None and claim.entity is None and not measured
            and (back.concept or "") not in concepts.no_state
        ):
            # "11,000 soldiers were deployed. The Pentagon said 300 were killed": a state of its
            # own and no noun counts what the last figure counts
            found = Meaning(back.concept, found.actor or back.actor, found.state)
        elif total is not None and found.state is None and _located_before(
            claim, found, total, low, concepts, clause
        ):
            # "Inzwischen gehen westliche Dienste von 11.000 bis 12.000 Soldaten aus" after
            # soldiers sent: an estimate of them with no verb of its own counts them too
            found = Meaning(found.concept, found.actor, total.state)
        if said_outside:
            found = Meaning(found.concept, found.actor, outside.state)
        elif found == Meaning() and _after_measure(claim, prev, concepts):
            # "put the area at 16,300 hectares, while EFFIS estimated 17,900", "12 months
            # instead of the current 18": a bare figure after a measure of its sentence is
            # another figure of that measure
            found = Meaning(prev.concept, prev.actor, None) if prev is not None else found
        if whole_of is not None and found.state is None and found.concept == whole_of.concept:
            # "... rund 3.500 Beschäftigte die Arbeit nieder, insgesamt über 30.000": the whole
            # is of the state its part was said with
            found = Meaning(found.concept, found.actor or whole_of.actor, whole_of.state)
        whole_of = None
        if own_actor is None and found.concept is not None and (
            found.concept not in concepts.located_concepts
            and (found.concept or claim.unit or "") not in concepts.no_state
        ) and (placed := _countries_placed(claim, (text, low), concepts, clause)) is not None:
            # "371.000 Fahrzeuge in Deutschland", "six crashes in the U.S.": what names no owner
            # counts where the clause places it (soldiers placed somewhere are deployed there;
            # a measure has no owner)
            found = Meaning(found.concept, placed, found.state)
            if prev is not None and _by_place(claim, prev, found, low, concepts):
                # "Three people died in Germany and two in Denmark", "vier in Deutschland,
                # zwei in Dänemark": figures of one kind, each in another country, break a
                # whole down by place: both are parts of it
                object.__setattr__(prev, "state", concepts.part_state)
                found = Meaning(found.concept, found.actor, concepts.part_state)
        if (prev is not None and (_included(claim, prev, found, low, concepts, clause)
                                  or _beside_part(claim, prev, low, concepts))) or (
            # "only 40 of about 500 scheduled flights": a part of the next figure
            _of_next(claim, nxt, low, concepts) and found.state not in concepts.override_states
        ):
            found = Meaning(found.concept, found.actor, concepts.part_state)
        elif _before_whole(claim, nxt, low, concepts) and found.state not in (
            concepts.override_states
        ):
            # "in München rund 3.500, insgesamt über 30.000": the whole after it counts what
            # this figure counts, of which it is a part
            if found.concept is not None and found.state is not None:
                antecedent, said_at = found, claim.sentence_start
                total = found
            whole_of = found
            found = Meaning(found.concept, found.actor, concepts.part_state)
        elif _before_total(claim, nxt, found, low, concepts):
            # the total after it counts what this figure counts, not its change
            if found.concept is not None and found.state is not None:
                antecedent, said_at = found, claim.sentence_start
            found = Meaning(found.concept, found.actor, concepts.change_state)
        elif found.concept is not None and found.state is not None:
            antecedent, said_at = found, claim.sentence_start
            if found.state not in concepts.override_states:
                total = found
            elif (under := _underlying(claim, found, (text, low), lex, concepts, clause,
                                              memo)):
                # "Die Schäden allein in Grimma: 250 Millionen Euro. Die Landesregierung geht
                # von bis zu 2,2 Milliarden Euro aus.": a part, change or plan still says what
                # a later bare figure totals
                total = Meaning(found.concept, found.actor, under)
            elif _counted_noun(claim, found, concepts):
                # "The insurer plans to cut 1,200 jobs. The union puts the figure at 1,500."
                total = Meaning(found.concept, found.actor, None)
        elif _counted_noun(claim, found, concepts):
            # "Die Reederei spricht von rund 600 Stellen. Die Gewerkschaft geht von mehr als
            # 900 aus.": a written noun of no state is what a later bare figure counts too
            total = found
        measured = measured or (found.concept or claim.unit or "") in concepts.no_state
        if found.actor is None and claim is first and (
            scene := _scene(claim, (text, low), concepts)
        ) is not None:
            found = Meaning(found.concept, scene, found.state)
        if subunits and found.state not in concepts.override_states and concepts.subunit.search(
            low, claim.sentence_start if claim is first else clause[0], claim.start
        ):
            # "Im Wahlkreis lag die SPD bei 35,1 Prozent", "In one constituency the party won
            # 40%": placed in one part of the area the story counts in, a part of its total
            found = Meaning(found.concept, found.actor, concepts.part_state)
        if concepts.rate_after.match(low, claim.end):
            # "30,000 passengers a day", "mindestens 100 Lastwagen pro Tag": a rate per period,
            # never a count or total of the story
            found = Meaning(found.concept, found.actor, concepts.rate_state)
        if claim.unit in concepts.period_units and found.state == concepts.part_state and (
            _period_alone(claim, low, concepts)
        ):
            # "at least 200 were killed in the past three days alone", "Allein in den
            # vergangenen zwei Wochen seien 200 getötet worden": counts of a part of the time
            period_part = claim.sentence_start
            if prev is not None and prev.sentence_start == claim.sentence_start and (
                prev.state not in concepts.override_states
                and (prev.concept or prev.unit or "") not in concepts.no_state
            ):
                object.__setattr__(prev, "state", concepts.part_state)
        elif period_part == claim.sentence_start and found.state not in (
            concepts.override_states
        ) and (found.concept or claim.unit or "") not in concepts.no_state:
            found = Meaning(found.concept, found.actor, concepts.part_state)
        if found.state is None and found.concept in concepts.located_concepts and (
            _located_before(claim, found, Meaning(found.concept, None, concepts.located_state),
                            low, concepts, clause)
        ):
            unstated.append(claim)
        for name in _FIELDS:
            value = getattr(found, name)
            if value is not None:
                object.__setattr__(claim, name, value)
        if claim.unit in concepts.share_units and found.concept in concepts.rate_concepts:
            rate = claim
    _nationals_as_located(claims, concepts)
    if unstated and any(c.concept in concepts.located_concepts
                        and c.state == concepts.located_state for c in claims):
        # "Vergangene Woche war von 1500 Elitesoldaten die Rede" in a text of soldiers sent
        # (before or after it): an estimate of soldiers with no state of its own counts them
        for claim in unstated:
            object.__setattr__(claim, "state", concepts.located_state)
    return claims


def _nationals_as_located(claims: list[Claim], concepts: Concepts) -> None:
    """ "Nordkorea hat 3.000 Soldaten geschickt ... halten sich 12.000 Nordkoreaner in Russland
    auf", "Pyongyang sent 3,000 troops ... 15,000 North Koreans have been sent": people named
    only by their nationality, in a text that counts soldiers (a located concept) of that same
    country, are those soldiers; present or arrived somewhere, they are deployed there."""
    located = {c.actor: c.concept for c in claims
               if c.concept in concepts.located_concepts and c.actor
               and COORDINATED not in c.actor}
    if not located:
        return
    for claim in claims:
        if claim.actor not in located or claim.concept in concepts.located_concepts or (
            not claim.entity
            or concepts.country_forms.get(" ".join(claim.entity.lower().split())) != claim.actor
        ):
            continue
        object.__setattr__(claim, "concept", located[claim.actor])
        if claim.state is None or claim.state in concepts.weak_states:
            object.__setattr__(claim, "state", concepts.located_state)


_STATE_AFTER_PART = 24  # characters after "of them" where the part's own state word stands


def _others_of_another_state(claim: Claim, prev: Claim, found: Meaning, low: str,
                             concepts: Concepts) -> bool:
    """A bare figure with a change word right after it ("5,000 more", "5000 weitere") or a
    part word ("2,000 of them", "2000 davon") whose clause names a state (its unit: "were
    wounded") other than the figure's before it (of a state that is no change, plan or part):
    the others, or those of the whole in that state, not an increment or a plain part."""
    if found.state not in (concepts.change_state, concepts.part_state) or (
        claim.entity is not None or prev.state is None or prev.state in concepts.override_states
    ):
        return False
    own = concepts.units.get(claim.unit or "", (None, None))[1]
    if own is None or own == prev.state or own in concepts.override_states:
        return False
    at = _skip_space(low, claim.end)
    if found.state == concepts.part_state:  # a state word of its own follows the part word
        return any(low.startswith(word, at) and not match_word(low, at + len(word)) and any(
            concepts.state_of(w) is not None
            for w in WORD.findall(low, at + len(word), at + len(word) + _STATE_AFTER_PART))
            for word in concepts.part_after)
    after = match_word(low, at)
    return after is not None and (after.group() in concepts.change_after
                                  or concepts.state_of(after.group()) == concepts.change_state)


_PARTITIVE_REACH = 3  # words between a back partitive ("of whom") and the number


def _own_state_of_part(
    claim: Claim, found: Meaning, texts: tuple[str, str], readers: tuple[Lexicon, Concepts],
    clause: tuple[int, int], memo: StateMemo, whole: str | None,
) -> str | None:
    """A part said by a back partitive right before or after the number ("of whom around
    1,000", "etwa 4.700 von ihnen") whose clause names a state of its own (no change, plan or
    part: "had been killed", "getötet oder verwundet") other than the figure's before it: the
    figure counts that state ("About 300 were evacuated, 40 of them children" stays a part).
    ``whole``: the state of the figure before it in its sentence, else of the last total."""
    lex, concepts = readers
    if found.state != concepts.part_state or not concepts.back_partitives:
        return None
    low = texts[1]
    before = " ".join(WORD.findall(low, clause[0], claim.start)[-_PARTITIVE_REACH - 2:])
    after = low[_skip_space(low, claim.end) : clause[1]]
    if not any(f" {p} " in f" {before} " or after.startswith(p + " ")
               for p in concepts.back_partitives):
        return None
    said = _underlying(claim, Meaning(found.concept, found.actor, None), texts, lex, concepts,
                       clause, memo)
    if said is None or said in concepts.weak_states or said == whole:
        return None
    if claim.unit is not None and said == concepts.units.get(claim.unit, (None, None))[1] and (
        clause_state(texts, concepts, clause, claim, frozenset({said}),
                     lambda word: _concept_of(word, lex, concepts), memo=memo) is None
    ):
        return None  # only the unit's state, read from another figure's words
    return said


def _located_before(
    claim: Claim, found: Meaning, total: Meaning, low: str, concepts: Concepts,
    clause: tuple[int, int],
) -> bool:
    """A figure of a located concept ("soldier") with no state after a figure of the same
    concept in the located state ("deployed"), said as an estimate (a reporting verb or a count
    noun in its sentence up to its clause's end: "US officials estimated", "the total"), of no
    force as a whole ("a million-strong army", "Die Armee umfasst ... eine Million Soldaten":
    ``rules.force_nouns``)."""
    if not (found.concept is not None and found.concept == total.concept
            and found.concept in concepts.located_concepts
            and total.state == concepts.located_state):
        return False
    words = WORD.findall(low, claim.sentence_start, clause[1])
    # ... or as the size of the whole ("the contingent now numbers 2,300", "insgesamt 2.300")
    whole = _collective_before(claim, low, concepts, clause) or concepts.whole_before.search(
        " ".join(WORD.findall(low, clause[0], claim.start))) is not None
    return (whole or any(w in concepts.reporting_verbs or w in concepts.count_nouns
                         for w in words)) and not any(w in concepts.force_nouns for w in words)


def _side_of_poll(claim: Claim, prev: Claim, found: Meaning, concepts: Concepts) -> bool:
    """A share of a side of the vote after a poll's share of the same sentence and concept."""
    return (
        claim.unit in concepts.share_units and prev.unit == claim.unit
        and prev.sentence_start == claim.sentence_start
        and prev.state == concepts.plan_state and prev.concept in (found.concept, prev.unit)
        and found.state in concepts.sub_states
    )


def _same_rate(claim: Claim, rate: Claim, found: Meaning, concepts: Concepts,
               before: int) -> bool:
    """A share that names nothing it measures, of the same unit as the last rate's share
    (``rate``: "growth of 0.9%"), in its sentence or the last sentence with a figure before."""
    return (
        claim.unit == rate.unit and found.concept == claim.unit
        and rate.sentence_start in (claim.sentence_start, before)
    )


def _next_share(claim: Claim, prev: Claim, found: Meaning, concepts: Concepts) -> bool:
    """A share that names nothing it measures and no state, after a share of the same sentence
    that names one (its concept is no bare unit) or is a poll's (a forecast)."""
    return (
        claim.unit in concepts.share_units and prev.unit == claim.unit
        and prev.sentence_start == claim.sentence_start
        and found.concept == claim.unit and found.state is None
        and (prev.concept not in (None, prev.unit) or prev.state == concepts.plan_state)
    )


def _counted_noun(claim: Claim, found: Meaning, concepts: Concepts) -> bool:
    """A figure with a written noun that counts things, not a measure."""
    return found.concept is not None and claim.entity is not None and (
        found.concept not in concepts.no_state)


_QUESTION_REACH = 240  # characters before a sentence a question before it is looked for in


def _question_before(
    claim: Claim, texts: tuple[str, str], lex: Lexicon, concepts: Concepts, prev_end: int
) -> Meaning | None:
    """ "How many people took part? The ministry counted 1.1 million.", "Wie viele Menschen
    haben demonstriert? Das Ministerium zählte 1,1 Millionen.": a question opening with a
    question word before the claim's sentence, with no figure between, says what a bare figure
    of it counts (the noun after the question word, the question's state word). Looked for in a
    bounded window before the sentence, after the previous figure (``prev_end``)."""
    if not concepts.question_openings:
        return None
    text, low = texts
    window = max(0, claim.sentence_start - _QUESTION_REACH, prev_end)
    if low.find("?", window, claim.sentence_start) < 0:
        return None  # no question mark: no question after any opening in the window
    question = None
    for phrase in concepts.question_openings:
        at = low.rfind(phrase, window, claim.sentence_start)
        if at >= 0 and (question is None or at > question[0]):
            question = (at, at + len(phrase))
    if question is None:
        return None
    end = low.find("?", question[1], claim.sentence_start)
    if end < 0 or any(c in ".!" for c in low[question[1] : end]):
        return None
    noun = match_word(text, _skip_space(text, question[1]), end)
    concept = _concept_of(noun.group(), lex, concepts) if noun is not None else None
    states = [concepts.state_of(w) for w in WORD.findall(low, question[1], end)]
    phrase = concepts.state_phrases.search(low, question[1], end)
    state = concepts.phrase_states.get(" ".join(phrase.group().split())) if phrase else None
    state = state or next((st for st in states if st is not None), None)
    if state is None or state in concepts.measure_only:
        return None
    return Meaning(concept, None, state)


def _answers(claim: Claim, found: Meaning, asked: Meaning, concepts: Concepts) -> bool:
    """A figure answers the question before its sentence when it says no state of its own and
    counts nothing else: no noun, the question's, or one of its kind ("How many survived? 47
    people, among them ...")."""
    if found.state is not None or claim.unit in concepts.no_state:
        return False
    if found.concept is None or asked.concept is None or found.concept == asked.concept:
        return True
    family = concepts.broader.get
    return family(found.concept, found.concept) == family(asked.concept, asked.concept)


def _past_complement(
    found: Meaning,
    claim: Claim,
    nxt: Claim,
    after: list[Claim],
    texts: tuple[str, str],
    language: tuple[Lexicon, Concepts],
    bounds: tuple[tuple[int, int], list[int]],
) -> Meaning:
    """ "1,12 Millionen Menschen seien bei 268 Kundgebungen auf die Straße gegangen": a figure
    with no state whose clause ends at the next figure, where that one follows a place word
    ("bei", "at"), takes the state said after it: the next figure is a complement of this
    one's clause (the verb closes the clause in German)."""
    lex, concepts = language
    clause, breaks = bounds
    if nxt.sentence_start != claim.sentence_start or clause[1] != nxt.start:
        return found
    before = last_word(texts[1], clause[0], nxt.start)
    if before is None or before not in concepts.not_after:
        return found
    end = clause_around(nxt, claim, after[0] if after else None, breaks)[1]
    wider = read_meaning(claim, texts, lex, concepts, (clause[0], max(end, clause[1])))
    return found if wider.state is None else Meaning(found.concept, found.actor, wider.state)


def _outside_clause(
    found: Meaning,
    claim: Claim,
    first: Claim,
    texts: tuple[str, str],
    concepts: Concepts,
    clause: tuple[int, int],
) -> Meaning:
    """A part or change said outside the claim's clause: a sentence opening with a partitive
    and a figure ("Of the 21,000 evacuated, 3,000 ...": the later figures of no other state are
    parts; "Of the 11,000 sent, 4,700 were killed" is the whole of another state), or the words
    before the first figure's clause ("In the district alone, nine died")."""
    if found.state in concepts.override_states:
        return found
    state = None
    part, whole = opening_part(texts[1], concepts, claim, first)
    if part and found.state in (None, whole):
        state = concepts.part_state
    elif claim is first:
        state = leading_state(texts, concepts, clause, claim)
    if state is None:
        return found
    return Meaning(found.concept, found.actor, state)


def _included(
    claim: Claim, prev: Claim, found: Meaning, low: str, concepts: Concepts,
    clause: tuple[int, int],
) -> bool:
    """ "16 people died, including nine in the district", "16 Tote, darunter neun im
    Landkreis", "including nine children": a figure the sentence includes in the previous one,
    of the same state and kind of thing, is a part of it ("4,700 casualties, including 600
    deaths" counts another state); also when neither states one ("90 rallies, including 25 in
    the capital")."""
    if prev.sentence_start != claim.sentence_start:
        return False
    family = concepts.broader.get
    same = found.concept is None or family(found.concept, found.concept) == family(
        prev.concept or "", prev.concept)  # "16 died, including nine children"
    if found.state not in (None, prev.state) or not same:
        return False
    words = WORD.findall(low, clause[0], claim.start)
    lead = " ".join(words[-2:])
    if any(lead.endswith(word) for word in concepts.inclusions):
        return True
    # a clause of its own that opens with one: "; among them were 40 children", ", darunter
    # waren sieben Kinder"
    opening = " ".join(words[:3]) + " "
    return clause[0] > claim.sentence_start and any(
        opening.startswith(word + " ") for word in concepts.inclusions)


_BESIDE_PART = 4  # words between a part and the next figure coordinated with it
_BESIDE_PLACE = 8  # ... and when they open with a place word ("und im Gebiet des Versorgers")
_BY_PLACE = 8  # words between two figures of a breakdown by place


def _by_place(claim: Claim, prev: Claim, found: Meaning, low: str, concepts: Concepts) -> bool:
    """The previous figure of the sentence, coordinated right before this one (a comma or a
    coordinator last), counts the same thing in the same state in another single country."""
    if prev.sentence_start != claim.sentence_start or prev.concept != found.concept:
        return False
    if found.state in concepts.override_states or prev.state not in (
        found.state, concepts.part_state
    ):  # "Four of the dead were in Germany and two in Denmark": after a part, too
        return False
    if not prev.actor or prev.actor == found.actor or COORDINATED in prev.actor + found.actor:
        return False
    between = low[prev.end : claim.start]
    if ";" in between or ":" in between:
        return False
    words = WORD.findall(between)
    return len(words) <= _BY_PLACE and (
        between.rstrip().endswith(",") or (bool(words) and words[-1] in concepts.coordinators))


def _beside_part(claim: Claim, prev: Claim, low: str, concepts: Concepts) -> bool:
    """ "74 people were injured, 15 of them seriously and 59 lightly", "davon 17 schwer und 64
    leicht": a figure with no noun of its own, coordinated right after a part of its sentence,
    is another part of the same whole."""
    if prev.state != concepts.part_state or prev.sentence_start != claim.sentence_start:
        return False
    if claim.entity is not None or claim.unit != prev.unit:
        return False
    between = low[prev.end : claim.start]
    if ";" in between or ":" in between:
        return False
    words = WORD.findall(between)
    if 0 < len(words) <= _BESIDE_PART and words[-1] in concepts.coordinators:
        return True
    # "allein bei Netz A rund 180.000, in Hamburg etwa 45.000 und im Gebiet von B rund 60.000":
    # an item that opens with a place word after a comma or a coordinator is another place's
    lead = words[1:] if words and words[0] in concepts.coordinators else words
    opens = between.lstrip().startswith(",") or len(lead) < len(words)
    return opens and 1 < len(words) <= _BESIDE_PLACE and lead[0] in concepts.not_after


# per ``Concepts`` (the object itself kept, so a freed one's id is never read as another's):
# the states ``_underlying`` may find, for a count and for a measure
_ALLOWED: dict[int, tuple[Concepts, tuple[frozenset[str], frozenset[str]]]] = {}


def _allowed_underlying(concepts: Concepts) -> tuple[frozenset[str], frozenset[str]]:
    """The states beside an override that ``_underlying`` reads: [0] for a count (every state
    word and phrase), [1] for a measure (``measure_states``); neither an override nor a
    measure-only state."""
    entry = _ALLOWED.get(id(concepts))
    if entry is None or entry[0] is not concepts:
        drop = concepts.override_states | concepts.measure_only
        count = frozenset(
            (*concepts.state_words.values(), *concepts.phrase_states.values())) - drop
        entry = (concepts, (count, concepts.measure_states - drop))
        _ALLOWED[id(concepts)] = entry
    return entry[1]


def _underlying(
    claim: Claim, found: Meaning, texts: tuple[str, str], lex: Lexicon, concepts: Concepts,
    clause: tuple[int, int], memo: StateMemo,
) -> str | None:
    """The state a part, change or plan counts beside its override ("allein ... Schäden":
    damaged; "16 more officers were hurt": wounded), from its clause or else its unit."""
    measure = (found.concept or "") in concepts.no_state
    allowed = _allowed_underlying(concepts)[measure]
    said = clause_state(texts, concepts, clause, claim, allowed,
                        lambda word: _concept_of(word, lex, concepts), memo=memo)
    if said is not None:
        return said
    unit_state = concepts.units.get(claim.unit or "", (None, None))[1]
    return unit_state if unit_state not in concepts.override_states else None


def _before_total(
    claim: Claim, nxt: Claim | None, found: Meaning, low: str, concepts: Concepts
) -> bool:
    """ "Three survivors were found alive, raising the number of people rescued to 47", "1,160
    people arrived overnight, bringing the total to more than 3,000": a figure followed in its
    sentence by a phrase that brings a total to the next figure is what was added to it."""
    if nxt is None or nxt.sentence_start != claim.sentence_start:
        return False
    if found.state in concepts.override_states or (found.concept or "") in concepts.no_state:
        return False
    return concepts.total_after.search(low, claim.end, nxt.start) is not None


def _of_next(claim: Claim, nxt: Claim | None, low: str, concepts: Concepts) -> bool:
    """ "only 40 of about 500 scheduled flights", "12 von 40 Stationen": a figure joined to the
    next by a partitive word (``part_of_next``) is a part of it."""
    if nxt is None or nxt.sentence_start != claim.sentence_start or nxt.start - claim.end > 24:
        return False
    return " ".join(low[claim.end : nxt.start].split()) in concepts.part_of_next


_WHOLE_WORDS = 4  # words right before the next figure that may name it the whole


def _before_whole(claim: Claim, nxt: Claim | None, low: str, concepts: Concepts) -> bool:
    """ "Am Flughafen München legten rund 3.500 die Arbeit nieder, insgesamt über 30.000", "in
    the capital about 2,000, nationwide 40,000": a figure whose sentence goes on with a clause
    that opens with a ``whole_before`` word right before the next figure is a part of that
    whole (not "47 arrests nationwide, 31 of them in Paris": the word is the figure's own)."""
    if nxt is None or nxt.sentence_start != claim.sentence_start:
        return False
    breaks = list(concepts.clause_break.finditer(low, claim.end, nxt.start))
    if not breaks:
        return False
    words = WORD.findall(low, breaks[-1].end(), nxt.start)
    if not words or len(words) > _WHOLE_WORDS:
        return False
    found = concepts.whole_before.match(" ".join(words))
    return found is not None


def _after_measure(claim: Claim, prev: Claim | None, concepts: Concepts) -> bool:
    """A figure with no unit or noun right after a measure ("16,300 hectares") of its
    sentence."""
    return (prev is not None and prev.sentence_start == claim.sentence_start
            and claim.unit is None and claim.entity is None
            and prev.concept is not None and prev.concept == prev.unit
            and prev.concept in concepts.no_state)


def _collective_before(
    claim: Claim, low: str, concepts: Concepts, clause: tuple[int, int]
) -> bool:
    """ "more than the island's entire population of about 6,000": the clause names the whole
    the figure counts, so it is no bare figure (even with a unit carried over from the last)."""
    words = WORD.findall(low, clause[0], claim.start)
    return any(word in concepts.collective_nouns for word in words)


def _whole_after_change(claim: Claim, antecedent: Meaning | None, low: str,
                        concepts: Concepts, clause: tuple[int, int]) -> bool:
    """ "3.000 weitere Soldaten ... ging Seoul von insgesamt rund 14.000 aus", "sent 1,500 fresh
    troops, bringing the force to 9,000 in all": a figure its own clause calls the whole (a
    ``whole_before`` phrase right before it) is no further change of the change before it in its
    sentence; it counts the total that change was added to."""
    if antecedent is None or antecedent.state != concepts.change_state:
        return False
    if concepts.whole_before.search(" ".join(WORD.findall(low, clause[0], claim.start))):
        return True
    end = _skip_space(low, claim.end)
    return any(low.startswith(w, end) and not match_word(low, end + len(w))
               for w in concepts.whole_before_words)


def _bare(claim: Claim, found: Meaning, antecedent: Meaning) -> bool:
    """ "The Pentagon said its own estimate matched the figure of about 3,000", "Vergangene
    Woche war noch von 1500 die Rede": a number with no unit, no noun and no state of its own
    refers back to the figure the text spoke of last (a rule of discourse: the counted thing,
    its actor and state come from the nearest earlier claim of the same text that had them).
    So does one whose unit was carried over from that figure ("150,000 people are homeless ...
    the figure could be as high as 200,000"): no noun written, the same concept, no state."""
    if claim.entity is not None or found.state is not None:
        return False
    return found.concept is None if claim.unit is None else found.concept == antecedent.concept


def _elided(
    claim: Claim, prev: Claim, clause: tuple[int, int], concepts: Concepts,
    source: tuple[str, Lexicon],
    found: Meaning,
) -> bool:
    """ "300 North Korean soldiers killed and 2,700 wounded": the second number's noun is
    elided; it counts what the previous number of the sentence counts (not in "57 injured
    officers", where a noun follows the state word, nor in "more than the island's population
    of about 6,000", where the clause names what it counts: ``found``). ``source``: the text
    and lexicon."""
    if prev.sentence_start != claim.sentence_start or clause[0] < prev.end:
        return False
    if claim.entity is None and claim.unit is None and found.concept is not None:
        return False
    # a measure ("Zwei Tage nach ...", "a magnitude 6.8 earthquake") counts nothing to share
    if (prev.concept or prev.unit or "") in concepts.no_state:
        return False
    event = concepts.units.get(claim.unit or "", (None, None))[1]
    if claim.entity is None:
        return claim.unit is None or event is not None
    # "2,700 injured": the entity is the event word itself, no noun of its own ("people" is one)
    if event is None or concepts.state_of(claim.entity.lower()) is None:
        return False
    text, lex = source
    at = text.find(claim.entity, claim.start, clause[1] + len(claim.entity))
    end = at + len(claim.entity) if at >= 0 else claim.end
    return _noun_after_state(claim.entity, text, end, lex, concepts, clause[1]) is None


def _located(
    claim: Claim, meaning: Meaning, text: str, concepts: Concepts, clause: tuple[int, int]
) -> str | None:
    """The located state of what ``meaning`` counts when the clause places it ("12,000 were in
    Russia"), else None."""
    if meaning.concept not in concepts.located_concepts:
        return None
    places = places_named(text, clause, claim, concepts) - {meaning.actor}
    return concepts.located_state if places else None


_PLACE_WORDS = re.compile(r"(?:[^\W\d_]+ ){1,3}$")  # up to three words, one space apart


def _after_place_word_here(
    text: str, pos: int, start: int, concepts: Concepts, reach: int = 2
) -> bool:
    """``after_place_word`` with nothing but single spaces between the words ("in southern
    Turkey", "in der Türkei"), not across a blanked aside or a comma; ``reach``: how many
    words before ``pos`` (after an article) may hold the place word."""
    found = _PLACE_WORDS.search(text, max(start, pos - 40), pos)
    if found is None:
        return False
    words = found.group().lower().split()
    if words[-1] in concepts.articles:
        words = words[:-1]
    return any(word in concepts.not_after for word in words[-reach:])


def _coordinated_with(low: str, placed_end: int, pos: int, concepts: Concepts) -> bool:
    """Only a coordinator (and an article) between a placed country ending at ``placed_end``
    and ``pos``: "in Germany and Denmark", "in Poland and the Czech Republic"."""
    if placed_end < 0:
        return False
    between = [w for w in WORD.findall(low, placed_end, pos) if w not in concepts.articles]
    return len(between) == 1 and between[0] in concepts.coordinators


def _countries_placed(
    claim: Claim, texts: tuple[str, str], concepts: Concepts, clause: tuple[int, int]
) -> str | None:
    """The countries the clause names as a place, outside the claim: after a place word ("in
    Deutschland", "in the UK") or coordinated with such a country ("in Germany and Denmark");
    joined, else None."""
    text, low = texts
    found: set[str] = set()
    placed_end = -1
    for match in concepts.countries.finditer(low, clause[0], clause[1]):
        if claim.start <= match.start() < claim.end or _in_source(claim, match.start()):
            continue
        form = match.group()
        iso = concepts.country_forms.get(" ".join(form.split()))
        if iso is None or (form in concepts.capitals_only and not text[match.start()].isupper()):
            continue
        # a form that may modify a noun only right after the place word ("in the UK", not
        # "On Monday the French ministry")
        reach = 1 if form in concepts.modifier_forms else 2
        if _after_place_word_here(text, match.start(), clause[0], concepts, reach) or (
            _coordinated_with(low, placed_end, match.start(), concepts)
        ):
            found.add(iso)
            placed_end = match.end()
    return COORDINATED.join(sorted(found)) if found else None


_ALONE_REACH = 5  # words around a duration where "alone", "allein" makes a part of the time


def _period_alone(claim: Claim, low: str, concepts: Concepts) -> bool:
    """ "in the past two weeks alone", "allein in den vergangenen zwei Wochen": a part word of a
    single word (no partitive) near the duration."""
    partitive = {*concepts.inclusions, *concepts.part_after}
    near = [*WORD.findall(low, claim.sentence_start, claim.start)[-_ALONE_REACH:],
            *WORD.findall(low, claim.end, claim.end + 60)[:_ALONE_REACH]]
    return any(concepts.state_words.get(w) == concepts.part_state and w not in partitive
               for w in near)


def _second_predicate(claim: Claim, low: str, concepts: Concepts,
                      clause: tuple[int, int]) -> int | None:
    """Where a coordinator after the figure opens a second predicate: the first coordinator
    after the number followed by an auxiliary or a word of no noun phrase ("and are likely",
    "and some of them", "und einige von ihnen"); None when there is none."""
    for word in WORD.finditer(low, claim.end, clause[1]):
        if word.group() in concepts.coordinators:
            after = WORD.findall(low, word.end(), clause[1])[:_PARTITIVE_REACH + 1]
            said = f" {' '.join(after)} "
            if after and (after[0] in concepts.auxiliaries
                          or any(f" {p} " in said for p in concepts.back_partitives)):
                return word.start()
            return None
    return None


def _entity_written(claim: Claim, text: str, end: int) -> bool:
    """The claim's noun stands at it: not carried over from the figure before ("Die Zahl der
    Gefallenen schätzt er auf 2.000, die der Verwundeten auf 4.000": the 4.000 are no fallen,
    the state noun before them names what they count)."""
    return claim.entity is not None and text.find(claim.entity, claim.start, end) >= 0


def _in_source(claim: Claim, at: int) -> bool:
    """ "Der Geheimdienst in Seoul zählte 290 Tote", "the agency in Seoul counted 290 dead": a
    place inside the noun phrase of who states the figure says where the source is, not where
    what it counts is."""
    start = claim.source_start
    return start is not None and claim.source is not None and (
        start <= at < start + len(claim.source))


def _own_predicate(claim: Claim, low: str, concepts: Concepts, clause: tuple[int, int]) -> bool:
    """ "... and 23 would face trial", "und 23 wurden freigelassen": an auxiliary right after
    the number opens a predicate of its own."""
    word = match_word(low, _skip_space(low, claim.end), clause[1])
    return word is not None and word.group() in concepts.auxiliaries


def _from_previous(
    found: Meaning, prev: Claim, concepts: Concepts, own_predicate: bool = False,
    under: Meaning | None = None,
) -> Meaning:
    unit_concept = concepts.units.get(prev.unit or "", (None, None))[0]
    concept = found.concept
    # "300 soldiers killed and 2,700 wounded": the wounded are soldiers; not "1,340 cholera
    # cases and 27 deaths": a figure of no state says nothing of whom the deaths befell
    # "at least 3,500 cases and 31 deaths": a count of events (cases, votes: a unit's concept
    # with a state of its own) names no one a death befell; the deaths count persons
    if concept is None or (
        prev.concept is not None and prev.concept != unit_concept and prev.state is not None
        and not (found.concept is not None and _event_concept(prev.concept, concepts))
    ):
        concept = prev.concept
    # "vier Vermisste, am Dienstag waren es noch sieben": no state of its own, the previous
    # figure's (not its change, plan or part: "fünf weitere Tote, insgesamt 16")
    state = found.state
    if state is None and prev.state not in concepts.override_states and not own_predicate:
        state = prev.state
    elif state is None and prev.state in (concepts.change_state, concepts.plan_state) and (
            under is not None) and (
            under.concept == concept and under.state not in concepts.override_states):
        # "fünf weitere Tote, insgesamt 16", "soll auf 3,05 Millionen steigen; derzeit sind es
        # 3,01 Millionen": after a change or a forecast, the state it is a change of (``under``:
        # the last total, or a plan's underlying state)
        state = under.state
    return Meaning(concept, found.actor or prev.actor, state)


def _event_concept(concept: str, concepts: Concepts) -> bool:
    """A concept that counts events, not persons or things: a unit's concept with a state of
    its own ("case": infected, "vote": voted), outside the person family."""
    if concept == "person" or concepts.broader.get(concept) == "person":
        return False
    return any(unit == concept and state is not None for unit, state in concepts.units.values())


def lower_text(text: str) -> str:
    """``text`` lower-cased with the same offsets (a letter whose lower case is longer stays)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def read_meaning(
    claim: Claim,
    texts: tuple[str, str],
    lex: Lexicon,
    concepts: Concepts,
    clause: tuple[int, int],
    *,
    memo: StateMemo | None = None,
) -> Meaning:
    """The meaning of one claim whose clause is ``text[clause[0]:clause[1]]``; ``texts`` is the
    text and its ``lower_text``; ``memo``: the state words of the text's clauses found so far
    (``clause_state``)."""
    memo = {} if memo is None else memo
    text, low = texts
    start, end = clause
    np_start, np_end, noun = _noun_phrase(claim, texts, lex, concepts, end)
    if np_end == claim.end and noun is None and not claim.entity:
        np_start, noun = _counted_before(claim, texts, lex, concepts, start)
    unit_concept, unit_state = concepts.units.get(claim.unit or "", (claim.unit, None))
    if unit_state is not None:  # the predicate made the unit: the counted noun is the concept
        concept = noun or unit_concept
    else:
        concept = unit_concept if claim.unit is not None else noun
        if claim.unit is not None and claim.entity and (
            head := _compound_head(claim, text, concepts, np_end, end)
        ) is not None:
            concept = head
    if concept is None and claim.unit is None and not claim.entity:
        concept = _state_noun_before(claim, texts, lex, concepts, start) or _noun_put_at(
            claim, texts, lex, concepts, start)
    if concept in concepts.member_concepts:  # the entity's own noun, else the complement after
        whole = noun if noun not in concepts.member_concepts else None
        concept = whole or _complement(text, (np_end, end), lex, concepts) or concept
    if concept is None and claim.entity and claim.unit is None:
        concept = _entity_lemma(claim.entity, concepts)
    material = _material(claim, text, lex, concepts, (start, np_end, end)) if (
        unit_concept in concepts.material_units) else None
    counts_events = (concept or "") not in concepts.no_state
    if material is not None:  # "18 million tonnes of wheat": a measure of wheat
        concept, counts_events = material, False
    actor, places = _actor(claim, texts, concepts, clause, np_end, lex if counts_events else None)
    if not counts_events:  # a measure: only a change, plan or part, or a measure's own state
        allowed = concepts.override_states | concepts.measure_states
        said = clause_state(texts, concepts, clause, claim, allowed, memo=memo)
        shared = claim.unit in concepts.share_units
        if said == concepts.plan_state and concepts.measure_only and not shared:
            # "expects annual savings of €900m", "will cost €1.3bn": what the money is (a
            # saving, a cost) is kept when planned, as such figures mostly are plans or targets
            said = clause_state(texts, concepts, clause, claim, concepts.measure_only,
                                memo=memo) or said
        if said is None and concepts.measure_only and not shared:
            # "Die Kosten der Spiele, die ... bei 230 Millionen Euro liegen", "The final cost
            # remains disputed: the audit office says €212m": money in a relative clause or
            # after a colon is what the clause before it names (a cost, a saving)
            earlier = _antecedent_clause(claim, texts, concepts, clause)
            if earlier is not None:
                said = clause_state(texts, concepts, earlier, claim, concepts.measure_only,
                                    memo=memo)
        if said == concepts.borne_from and _borne(claim, texts, concepts, clause, said):
            said = concepts.borne_state  # "had cost the economy €180m": a loss, no price
        share = _share_of(claim, low, concepts, clause) if shared else None
        if share is not None:  # "50.3% of the vote", "Turnout was 46.8%": what it measures
            concept, share_state = concepts.units[share]
            if said == concepts.part_state:  # "47 Prozent der Befragten": a poll's respondents
                said = clause_state(texts, concepts, clause, claim,
                                    frozenset({concepts.plan_state}), memo=memo) or said
            # a poll's or a change's share stays one ("of the vote" is no part of it)
            keep = said in (concepts.plan_state, concepts.change_state)
            return Meaning(concept, actor, said if keep else share_state)
        return Meaning(concept, actor, said or unit_state)
    # "4.700 Toten und Verwundeten": a phrase over the unit's word names the state
    phrase = phrase_over(low, concepts, clause, (np_start, np_end))
    state = phrase or unit_state
    said = clause_state(texts, concepts, clause, claim, None,
                        lambda word: _concept_of(word, lex, concepts),
                        other_nouns=noun is not None and claim.entity is not None and (
                            _entity_written(claim, text, end)), memo=memo)
    # a unit not written at the number (inherited: "8,400 people injured and about 400 still
    # missing") yields to the clause's own state word
    inherited = phrase is None and claim.entity is None and said is not None
    # so does a unit whose event word the clause does not hold ("83 people had been arrested
    # and 24 officers injured": the unit of the 83 was read from the next figure's words)
    # (a weak state word never does: "Die CGT blieb bei ihrer Zahl von 3,5 Millionen Teilnehmern")
    if not inherited and phrase is None and said not in (None, unit_state, *concepts.weak_states):
        inherited = unit_state is not None and clause_state(
            texts, concepts, clause, claim, frozenset({unit_state}),
            lambda word: _concept_of(word, lex, concepts), memo=memo) is None
    if state is None or inherited or said in concepts.override_states:
        state = said
    if said in concepts.sub_states and concepts.sub_states[said] == state:
        state = said  # "38 cases confirmed by laboratory tests": a kind of the unit's state
    if state in concepts.service_states and concepts.service_concepts and (
        concept in concepts.service_concepts
    ):
        state = concepts.service_states[state]  # "strich 140 Flüge": the flights did not run
    if state == concepts.plan_state and concepts.planned_states:
        # "plans to cut 8,000 jobs", "4,600 jobs will be lost": a state that is announced
        # before it happens (a job cut) keeps its own word when planned
        state = clause_state(texts, concepts, clause, claim, concepts.planned_states,
                             lambda word: _concept_of(word, lex, concepts), memo=memo) or state
    # a figure with no noun of its own ("der Generalstab in Seoul hält bis zu 3.000 für
    # möglich") refers back to the last one instead (``_bare``): a place is not where it is
    written = noun is not None or claim.entity is not None
    located = (state is None or state in concepts.weak_states) and written and (
        concept in concepts.located_concepts
    )
    if located and (places | places_named(text, clause, claim, concepts)) - {actor}:
        state = concepts.located_state
    elif written and state is not None and state == concepts.place_verb_state and (
        concept in concepts.located_concepts
    ):
        state = concepts.located_state  # "1,500 special forces soldiers had arrived": deployed
    return Meaning(concept, actor, state)


def _antecedent_clause(
    claim: Claim, texts: tuple[str, str], concepts: Concepts, clause: tuple[int, int]
) -> tuple[int, int] | None:
    """The clause before the number's when the number's opens with a relative pronoun after a
    comma or follows a colon (it elaborates what the clause before names), as the span from
    that clause's start to the end of the number's; else None."""
    text, low = texts
    at = clause[0] - 1
    if at <= claim.sentence_start or text[at] not in ",:":
        return None
    if text[at] == ",":
        word = match_word(low, _skip_space(low, clause[0]))
        if word is None or word.group() not in concepts.relative_pronouns:
            return None
    prior = max(text.rfind(mark, claim.sentence_start, at) for mark in ",;:")
    return max(prior + 1, claim.sentence_start), clause[1]


def _borne(
    claim: Claim, texts: tuple[str, str], concepts: Concepts, clause: tuple[int, int], said: str
) -> bool:
    """ "had cost the economy about €180m", "kosten die deutsche Wirtschaft 650 Millionen Euro":
    a word of the price state written as a verb (lower case) before the number in its clause,
    followed by a word that opens its object (``rules.borne_after``): the object bears a loss."""
    if not concepts.borne_after:
        return False
    text, low = texts
    words = list(WORD.finditer(low, clause[0], claim.start))
    for word, after in zip(words, words[1:], strict=False):
        if after.group() in concepts.borne_after and text[word.start()].islower() and (
            concepts.state_of(word.group()) == said
        ):
            return True
    return False


_SHARE_AFTER = 4  # words after a share that may still name what it measures ("of the vote")
_SIDE_AFTER = 5  # ... or the side of a vote it is ("50.2% der Abstimmenden mit Ja")


def _share_of(claim: Claim, low: str, concepts: Concepts, clause: tuple[int, int]) -> str | None:
    """The [shares] unit a share measures: a noun of [shares] among the first words after it
    up to a coordinator ("50.3% of the vote", "51 Prozent Ja-Stimmen"), else the nearest before it
    in its clause ("Turnout was 46.8%", "bei einer Stimmbeteiligung von 46,8 Prozent")."""
    after: list[str] = []
    # not past a clause break: "Der Ja-Anteil sinkt auf 50,2 Prozent, der Nein-Anteil ..."
    stop = concepts.clause_break.search(low, claim.end, clause[1])
    for found in WORD.finditer(low, claim.end, stop.start() if stop else clause[1]):
        if len(after) == _SIDE_AFTER or found.group() in concepts.coordinators:
            break  # "the yes vote at 50.3% and turnout at 46.8%": another share's noun
        if len(found.group()) > 1:  # not a possessive's "s": "1% for next year's growth"
            after.append(found.group())
    before = [w.group() for w in WORD.finditer(low, clause[0], claim.start)]
    named = [_share_noun(word, concepts) for word in after]
    # "52% voted yes", "52% of voters in favour": the side of the vote beats the vote among the
    # words after it
    side = next((u for u in named if u is not None and concepts.units[u][1] in concepts.sub_states),
                None)
    if side is not None:
        return side
    if any(named[:_SHARE_AFTER]):
        plain = next(u for u in named if u is not None)
        # "The initiative won 50.3% of the vote": a side said before it in its clause
        sides = {u for u in concepts.shares.values()
                 if concepts.sub_states.get(concepts.units[u][1] or "") == concepts.units[plain][1]}
        if sides:
            return next((u for w in reversed(before)
                         if (u := _share_noun(w, concepts)) in sides), plain)
        return plain
    # before it, the nearest ("Turnout was 46.8%"), or the side just before that noun ("the yes
    # vote at 50.3%"); else the nearest earlier in its sentence ("Beim Preisauftrieb liegen die
    # Institute beieinander: Das IfW erwartet 2,3 Prozent")
    earlier = [w.group() for w in WORD.finditer(low, claim.sentence_start, clause[0])]
    for words in (before, earlier):
        for i in range(len(words) - 1, -1, -1):
            found = _share_noun(words[i], concepts)
            if found is not None:
                ahead = _share_noun(words[i - 1], concepts) if i > 0 else None
                if ahead is not None and concepts.units[ahead][1] in concepts.sub_states:
                    return ahead
                return found
    return None


def _share_noun(word: str, concepts: Concepts) -> str | None:
    """The [shares] unit a word names, as written or as a compound's ending (cached per word)."""
    known = concepts.share_words
    if word in known:
        return known[word]
    found = concepts.shares.get(word) or compound_ending(word, concepts.share_suffixes)
    known[word] = found
    return found


def _entity_lemma(entity: str, concepts: Concepts) -> str | None:
    """A counted noun no table names ("310.000 Tickets", "41.000 Fahrräder"): its last word's
    lemma is the concept, so that a new kind of thing has a meaning of its own (a definition
    may name it, suggestions group it) instead of none."""
    key = "\0" + entity  # beside the entity words' own concepts, in the same cache
    if key not in concepts.entity_concepts:
        words = WORD.findall(entity)
        last = words[-1] if words else ""
        concepts.entity_concepts[key] = (
            lemmatize(last, concepts.code) if len(last) > 2 and last.isalpha() else None)
    return concepts.entity_concepts[key]


def _concept_of(word: str, lex: Lexicon, concepts: Concepts) -> str | None:
    """A counted noun's concept: this file's [nouns], else the unit nouns mapped by [units]."""
    lower = word.lower()
    if lower in concepts.noun_concepts:
        return concepts.noun_concepts[lower]
    concept = concepts.noun_concepts[lower] = _lookup_concept(lower, lex, concepts)
    return concept


def _lookup_concept(lower: str, lex: Lexicon, concepts: Concepts) -> str | None:
    found = concepts.nouns.get(lower) or lex.units.nouns.get(lower)
    if found is None:
        found = compound_ending(lower, (*concepts.noun_suffixes, *lex.units.noun_suffixes))
    if found is None:
        return None
    return concepts.units.get(found, (found, None))[0]


def _noun_phrase(
    claim: Claim, texts: tuple[str, str], lex: Lexicon, concepts: Concepts, limit: int
) -> tuple[int, int, str | None]:
    """Where the claim's noun phrase starts and ends, and the concept of its counted noun: the
    entity's last noun with a concept, else the first such noun after the number when only
    country words and coordinators stand between ("50,000 Russian and North Korean soldiers")."""
    text, low = texts
    if claim.entity:
        # the entity after the number, else before it ("57 injured officers, and 300 injured
        # protesters": not the first "injured" of the sentence)
        stop = max(limit, claim.end + len(claim.entity))
        at = text.find(claim.entity, claim.start, stop)
        if at < 0:
            at = text.find(claim.entity, claim.sentence_start, stop)
        end = at + len(claim.entity) if at >= 0 else claim.end
        if claim.entity not in concepts.entity_concepts:
            words = reversed(WORD.findall(claim.entity))
            found = next((c for w in words if (c := _concept_of(w, lex, concepts))), None)
            concepts.entity_concepts[claim.entity] = found
        begin = min(at, claim.start) if at >= 0 else claim.start
        noun = _noun_after_state(claim.entity, text, end, lex, concepts, limit)
        if noun is not None:  # "57 injured officers": the noun after the state word counts
            return begin, noun[0], noun[1]
        return begin, max(end, claim.end), concepts.entity_concepts[claim.entity]
    pos = claim.end
    if text.startswith("-", pos):  # "a million-strong army": the number's compound adjective
        compound = match_word(text, pos + 1, limit)
        pos = compound.end() if compound is not None else pos
    for _ in range(_NOUN_LOOKAHEAD):
        country = concepts.countries.match(low, _skip_space(text, pos), limit)
        if country is not None:
            pos = country.end()
            continue
        word = match_word(text, _skip_space(text, pos), limit)
        if word is None:
            break
        if word.group().lower() not in concepts.np_links:
            concept = _concept_of(word.group(), lex, concepts)
            if concept is None:
                break
            return claim.start, word.end(), concept
        pos = word.end()
    return claim.start, claim.end, None


def _compound_head(
    claim: Claim, text: str, concepts: Concepts, np_end: int, limit: int
) -> str | None:
    """ "1.2 million customer accounts", "9 million customer records": a counted noun of this
    language's [nouns] right after the unit's noun is the head of a noun-noun compound, what
    the number counts (the unit stays as found); not a state word ("24 officers injured")."""
    if claim.entity is None or not text.startswith(" ", np_end):
        return None
    head = match_word(text, np_end + 1, limit)
    word = head.group().lower() if head is not None else ""
    # not a state word that names people by their state ("24 officers injured")
    return concepts.nouns.get(word) if concepts.state_of(word) is None else None


def _material(
    claim: Claim, text: str, lex: Lexicon, concepts: Concepts, span: tuple[int, int, int]
) -> str | None:
    """ "36 million tonnes of grain", "18 Millionen Tonnen Weizen": the counted noun right after
    a unit of a material (``rules.material_units``), perhaps after a link word ("of"); else
    the last noun of the [nouns] tables before the number in its clause (``span``: the clause's
    start, the end of the unit's noun, the clause's end)."""
    start, np_end, limit = span
    if claim.entity is None:
        return None
    word = match_word(text, _skip_space(text, np_end), max(limit, np_end))
    if word is not None and word.group().lower() in concepts.material_links:
        word = match_word(text, _skip_space(text, word.end()), max(limit, word.end()))
    concept = _concept_of(word.group(), lex, concepts) if word is not None else None
    if concept is None or concept in concepts.no_state:
        # "Wheat output is expected at 17.6 million tonnes", "Beim Weizen rechnet das
        # Ministerium mit 17,6 Millionen Tonnen": the material the clause names before it
        concept = None
        for found in WORD.finditer(text, start, claim.start):
            lower = found.group().lower()
            named = concepts.nouns.get(lower) or compound_ending(lower, concepts.noun_suffixes)
            if named is not None and named not in concepts.no_state:
                concept = named
    return concept


def _noun_after_state(
    entity: str, text: str, end: int, lex: Lexicon, concepts: Concepts, limit: int
) -> tuple[int, str] | None:
    """ "57 injured officers", "60 verletzten Beamten": an entity that is a state word only,
    followed by a counted noun; that noun's end and concept."""
    words = WORD.findall(entity)
    # a state word written in capitals is a noun of its own ("172 Festgenommenen sitzen ...")
    if not words or not entity[0].islower():
        return None
    if any(concepts.state_of(w.lower()) is None for w in words):
        return None
    word = match_word(text, _skip_space(text, end), max(limit, end))
    if word is None or concepts.state_of(word.group().lower()) is not None:
        return None
    concept = _concept_of(word.group(), lex, concepts)
    return (word.end(), concept) if concept is not None else None


def _complement(
    text: str, span: tuple[int, int], lex: Lexicon, concepts: Concepts
) -> str | None:
    """ "1.500 Angehörige von Spezialeinheiten", "2,000 members of the armed forces": the concept
    of the first counted noun within a few words after a link word that follows the noun phrase."""
    words = list(WORD.finditer(text, *span))[:4]
    if not words or words[0].group().lower() not in concepts.np_links:
        return None
    return next((c for w in words[1:] if (c := _concept_of(w.group(), lex, concepts))), None)


def _counted_before(
    claim: Claim, texts: tuple[str, str], lex: Lexicon, concepts: Concepts, start: int
) -> tuple[int, str | None]:
    """ "die Gesamtzahl der nordkoreanischen Soldaten in Russland auf 11.000", "die Zahl der
    getöteten und verwundeten Nordkoreaner übersteige 3.000": a number with no noun of its own
    counts the complement of a count noun earlier in its clause; the noun phrase starts at the
    count noun (so a state phrase inside it is the counted state)."""
    words = list(WORD.finditer(texts[0], start, claim.start))
    for i, word in enumerate(words):
        if word.group().lower() not in concepts.count_nouns:
            continue
        for after in words[i + 1 : i + 1 + _NOUN_LOOKAHEAD]:
            lower = after.group().lower()
            if lower in concepts.np_links or lower in concepts.country_forms:
                continue
            if concepts.state_of(lower) is not None:
                continue
            return word.start(), _concept_of(after.group(), lex, concepts)
        return word.start(), None
    return claim.start, None


def _state_noun_before(
    claim: Claim, texts: tuple[str, str], lex: Lexicon, concepts: Concepts, start: int
) -> str | None:
    """ "the UK puts North Korean casualties at more than 6,000", "the death toll rose to 212":
    a bare number counts what the nearest earlier noun of its clause that names a state counts
    (a casualty, a death: a person), or a collective noun ("whose population is about 6,000",
    "die Belegschaft von rund 2.000": people, with no state of their own)."""
    for word in reversed(list(WORD.finditer(texts[0], start, claim.start))):
        lower = word.group().lower()
        if concepts.state_of(lower) is not None or lower in concepts.collective_nouns:
            found = _concept_of(word.group(), lex, concepts)
            if found is not None:
                return found
    return None


def _noun_put_at(
    claim: Claim, texts: tuple[str, str], lex: Lexicon, concepts: Concepts, start: int
) -> str | None:
    """ "puts the stolen data at 800 gigabytes and the affected accounts at 6.1 million",
    "schätzt die betroffenen Konten auf 3,4 Millionen": a bare number right after a place word
    counts the counted noun right before that word in its clause."""
    words = list(WORD.finditer(texts[1], max(start, claim.start - 60), claim.start))
    if len(words) < 2 or words[-1].group() not in concepts.not_after:
        return None
    return _concept_of(texts[0][words[-2].start() : words[-2].end()], lex, concepts)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _actor(
    claim: Claim,
    texts: tuple[str, str],
    concepts: Concepts,
    clause: tuple[int, int],
    np_end: int,
    lex: Lexicon | None,
) -> tuple[str | None, set[str]]:
    """The actor, and the countries named as places ("in Russland"). Countries inside the noun
    phrase (or just before the number: "Pyongyang's 11,000 troops") win over a country earlier
    in the clause (the subject: "Russia has amassed 50,000 soldiers"); a country later in the
    clause is an object or a place, never the actor; a country after a place word is a place;
    one inside the source is not the actor ("Ukraine says ..."), nor an adjective or possessive
    earlier in the clause that modifies a noun counting nothing ("der südkoreanische Geheimdienst
    ging von 300 Toten aus", "Ukraine's own estimate put ... at 3,000"), when what is counted
    can have a state (``lex`` given; money: "the UK government pledged £5m" keeps its payer)."""
    text, low = texts
    start, end = clause
    inside: set[str] = set()
    around: set[str] = set()
    places: set[str] = set()
    placed_end = -1
    for found in concepts.countries.finditer(low, start, max(np_end, claim.start)):
        form = found.group()
        iso = concepts.country_forms.get(" ".join(form.split()))
        if iso is None or (form in concepts.capitals_only and not text[found.start()].isupper()):
            continue
        if after_place_word(text, found.start(), start, concepts) or _coordinated_with(
            low, placed_end, found.start(), concepts
        ):  # "in Deutschland und Dänemark": both are places
            places.add(iso)
            placed_end = found.end()
        elif claim.start <= found.start() < np_end:
            # inside the counted noun phrase ("70,000 Russian soldiers"): whose they are, even
            # when the source's name holds the same word ("BBC Russian ... 70,000 Russian ...")
            inside.add(iso)
        elif _reports(found, texts, concepts) or (
            claim.source and text[found.start() : found.end()] in claim.source
        ):
            continue
        elif (
            found.end() <= claim.start and not text[found.end() : claim.start].strip()
        ):
            inside.add(iso)
        elif lex is None or not _modifies_other_noun(found, texts, concepts, lex):
            around.add(iso)
    chosen = inside or around
    return (COORDINATED.join(sorted(chosen)) if chosen else None), places


_SCENE_REACH = 60  # characters of a sentence's opening that may hold its scene
_SCENE_WORDS = 4  # words before the country in it ("Across the border in Portugal")


def _scene(claim: Claim, texts: tuple[str, str], concepts: Concepts) -> str | None:
    """ "In France, Météo-France recorded 43.5C", "Across the border in Portugal, the DGS said
    two people had died", "In Österreich zählt die AGES ...": a country right after a place word
    (and an article) in an opening that starts with a place word is where what the sentence's
    first figure counts happened: its actor when the figure's own words name none. Not a
    country that modifies a noun ("On Sunday the UK Ministry of Defence said ...")."""
    text, low = texts
    start = claim.sentence_start
    found = concepts.countries.search(low, start, min(claim.start, start + _SCENE_REACH))
    if found is None:
        return None
    before = WORD.findall(low, start, found.start())
    if not before or len(before) > _SCENE_WORDS or before[0] not in concepts.not_after:
        return None
    while before and before[-1] in concepts.articles:
        before.pop()
    if not before or before[-1] not in concepts.not_after:
        return None
    form = found.group()
    iso = concepts.country_forms.get(" ".join(form.split()))
    if iso is None or (form in concepts.capitals_only and not text[found.start()].isupper()):
        return None
    after = text[found.end() : found.end() + 2].lstrip(" ")
    return iso if after[:1] == "," or after[:1].islower() else None


def _reports(found: re.Match[str], texts: tuple[str, str], concepts: Concepts) -> bool:
    """ "Seoul ging von 300 Toten aus", "Ukraine says": a country named as a noun and followed
    by a reporting verb is the subject that reports the figure, not its actor."""
    if found.group() in concepts.modifier_forms or not concepts.reporting_verbs:
        return False
    verb = match_word(texts[1], _skip_space(texts[1], found.end()))
    if verb is None:
        return False
    word = verb.group()
    return word in concepts.reporting_verbs or (
        lemmatize(word, concepts.code) in concepts.reporting_verbs
    )


def _modifies_other_noun(
    found: re.Match[str], texts: tuple[str, str], concepts: Concepts, lex: Lexicon
) -> bool:
    text = texts[0]
    # "die US-Regierung": a country joined by a hyphen to a noun modifies that noun
    joined = text.startswith("-", found.end())
    if found.group() not in concepts.modifier_forms and not joined:
        return False
    word = match_word(text, found.end() + 1 if joined else _skip_space(text, found.end()))
    return word is not None and _concept_of(word.group(), lex, concepts) is None
