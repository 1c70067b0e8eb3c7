"""The clause around a claim's number and the state it names (issue #11): where the clause
starts and ends (clause breaks, neighbouring claims, a coordinator after an earlier figure), the
state word nearest to the number (a change, plan or part wins over any other), and the places
the clause names, for the located state. Words come from ``concepts.toml``; this module knows
none (examples are in the docstrings of its functions)."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from typing import cast

from tracker.extract.concepts import Concepts, lemmatize
from tracker.extract.lexicon import not_after_alternation, phrase_alternation
from tracker.models import Claim

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
WORD_REACH = 64  # no word of the vocabulary is longer; bounds every match at one position


def match_word(text: str, pos: int, endpos: int | None = None) -> re.Match[str] | None:
    """``WORD.match`` at ``pos`` that reads at most ``WORD_REACH`` characters (a text of one
    endless "word" would otherwise cost its length at every figure: quadratic)."""
    limit = pos + WORD_REACH if endpos is None else min(endpos, pos + WORD_REACH)
    return WORD.match(text, pos, limit)
PUNCTUATION = ".,;:!?\"'()[]«»„“”‚‘’–—-…"
_NON_SPACE = re.compile(r"\S+")
_UNREAD = object()  # not yet in a memo (None is a value there)


def clause_breaks(text: str, concepts: Concepts) -> list[int]:
    """Offsets of the clause breaks in ``text``; a separator between digits ("50,000") is part
    of a number, a comma of an enumeration ("wegen Hitzschlag, Kreislaufversagen oder
    Austrocknung in Krankenhäusern behandelt") joins its items in one clause, and so do the
    parentheses of a short aside with no figure ("des Industrie- und Handelskammertags (DIHK)
    bislang rund 650 Millionen Euro")."""
    out = []
    enumeration = _enumeration(concepts.coordinators)
    aside = -1  # the end of a short aside in parentheses: "the chambers of commerce (DIHK)"
    for found in concepts.clause_break.finditer(text):
        at = found.start()
        if text[at - 1 : at].isdigit() and text[at + 1 : at + 2].isdigit():
            continue
        if at <= aside:
            continue
        if text[at] == "(" and (close := _ASIDE.match(text, at)) is not None:
            aside = close.end() - 1
            continue
        item = enumeration.match(text, at + 1, at + 1 + WORD_REACH) if text[at] == "," else None
        if item is not None and item.group(1).lower() not in concepts.coordinators:
            continue
        out.append(at)
    return out


# a name or short label in parentheses, with no figure: part of the noun phrase before it
_ASIDE = re.compile(r"\((?:[^\W\d_]|[ .&'’-]){1,40}\)")


def without_asides(text: str, concepts: Concepts, starts: list[int]) -> str:
    """``text`` with each short aside between two commas that opens with an inclusion word and
    holds no figure (no claim ``starts`` in it, no digit; ``rules.inclusion_asides``: ",
    including the wounded,", ", einschließlich der Verletzten,") blanked: it names what a noun
    phrase includes, so its words are neither the counted noun nor its state, and its commas
    break no clause ("total casualties, including the wounded, run to more than 6,000")."""
    pattern = _comma_aside(concepts.inclusion_asides)
    if pattern is None or "," not in text:
        return text
    return pattern.sub(lambda m: m.group() if any(m.start() <= at < m.end() for at in starts)
                       else " " * len(m.group()), text)


@functools.cache
def _comma_aside(openings: tuple[str, ...]) -> re.Pattern[str] | None:
    if not openings:
        return None
    alternation = phrase_alternation(openings, flexible_space=False)
    return re.compile(
        rf",[ \t]*(?i:{alternation})[ \t]+[^\W\d_][^\d,;:()\n.]{{0,40}},")


@functools.cache
def _enumeration(coordinators: frozenset[str]) -> re.Pattern[str]:
    """After a comma: one word and a coordinator ("…, Kreislaufversagen oder …", "…, Italy and
    …"): the comma lists items of one noun phrase."""
    if not coordinators:
        return re.compile(r"(?!x)x")
    alternation = phrase_alternation(coordinators, flexible_space=False)
    return re.compile(rf"[ \t]*({WORD.pattern})[ \t]+(?i:{alternation})(?![\w])")


def clause_around(
    claim: Claim, prev: Claim | None, nxt: Claim | None, breaks: list[int]
) -> tuple[int, int]:
    """The clause around the number: up to a clause break (``breaks``: their offsets in the
    text, ascending), never past a neighbouring claim."""
    start = claim.sentence_start
    end = max(start + len(claim.sentence), claim.end)
    if prev is not None and prev.sentence_start == claim.sentence_start:
        start = max(start, min(prev.end, claim.start))
    if nxt is not None and nxt.sentence_start == claim.sentence_start:
        end = min(end, max(nxt.start, claim.end))
    before = bisect.bisect_left(breaks, claim.start) - 1
    if before >= 0 and breaks[before] >= start:
        start = breaks[before] + 1
    after = bisect.bisect_left(breaks, claim.end)
    if after < len(breaks) and breaks[after] < end:
        end = breaks[after]
    return start, end


def into_relative(
    clause: tuple[int, int], claim: Claim, nxt: Claim | None, low: str, breaks: list[int],
    concepts: Concepts,
) -> tuple[int, int]:
    """ "etwa 11.000 Mann, die Pjöngjang in die Region geschickt habe": a break followed by a
    relative pronoun opens a clause about the counted noun; the clause runs on to the next break
    (never past the next claim or the sentence)."""
    end = clause[1]
    at = bisect.bisect_left(breaks, end)
    if at == len(breaks) or breaks[at] != end:  # the clause did not end at a break
        return clause
    word = match_word(low, _skip_space(low, end + 1))
    if word is None or word.group() not in concepts.relative_pronouns:
        return clause
    limit = claim.sentence_start + len(claim.sentence)
    if nxt is not None and nxt.sentence_start == claim.sentence_start:
        limit = min(limit, nxt.start)
    stop = min(breaks[at + 1] if at + 1 < len(breaks) else limit, limit)
    # ", die meisten von ihnen in Dörfern": a clause about a part of the figure, not its own
    relative = " " + " ".join(low[end + 1 : stop].split()) + " "
    if any(f" {phrase} " in relative for phrase in concepts.back_partitives):
        return clause
    return clause[0], max(end, stop)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def after_coordinator(
    clause: tuple[int, int], claim: Claim, prev: Claim | None, low: str, concepts: Concepts
) -> tuple[int, int]:
    """ "8,400 people injured and about 400 still missing": after a figure of the same clause,
    the words before the coordinator belong to that figure."""
    if prev is None or prev.sentence_start != claim.sentence_start:
        # "A man has died and more than 4,500 people were evacuated": the first figure of its
        # sentence right after a coordinator opens a predicate of its own
        words = list(WORD.finditer(low, clause[0], claim.start))
        last = words[-1] if words else None
        if last is not None and last.group() in concepts.coordinators and not low[
            last.end() : claim.start
        ].strip(" \t"):
            return last.end(), clause[1]
        return clause
    if clause[0] < prev.end:
        return clause
    start = clause[0]
    for word in WORD.finditer(low, start, claim.start):
        if word.group() in concepts.coordinators:
            start = word.end()
    return start, clause[1]


def phrase_over(
    low: str, concepts: Concepts, clause: tuple[int, int], span: tuple[int, int]
) -> str | None:
    """The state of a phrase of several words overlapping the noun phrase ``span``."""
    for found in concepts.state_phrases.finditer(low, clause[0], clause[1]):
        if found.start() < span[1] and found.end() > span[0]:
            return concepts.phrase_states.get(" ".join(found.group().split()))
    return None


def after_place_word(text: str, pos: int, start: int, concepts: Concepts) -> bool:
    """ "in Russland", "to Russia", "in der Ukraine", "in southern Turkey": a place word up to
    two words before."""
    before = WORD.findall(text, max(start, pos - 40), pos)[-3:]
    words = [w.lower() for w in before]
    if words and words[-1] in concepts.articles:
        words = words[:-1]
    return any(word in concepts.not_after for word in words[-2:])


def places_named(text: str, clause: tuple[int, int], claim: Claim, concepts: Concepts) -> set[str]:
    """Places named in the clause outside the claim: the word after a place word (and an
    article) when it is capitalised, a country form or a place noun: "in Russland", "auf
    russischem Boden" (their ISO code), "In der Region Kursk", "in the region" (the word)."""
    out = set()
    for span in ((clause[0], claim.start), (claim.end, clause[1])):
        words = [w.group() for w in WORD.finditer(text, *span)]
        for i, word in enumerate(words[:-1]):
            if word.lower() not in concepts.not_after:
                continue
            place = words[i + 1]
            if place.lower() in concepts.articles and i + 2 < len(words):
                place = words[i + 2]
            iso = concepts.country_forms.get(place.lower())
            if iso is not None or place[0].isupper() or place.lower() in concepts.place_nouns:
                out.add(iso or place)
    return out


def clause_state(
    texts: tuple[str, str],
    concepts: Concepts,
    clause: tuple[int, int],
    claim: Claim,
    allowed: frozenset[str] | None = None,
    noun_concept: Callable[[str], str | None] | None = None,
    *,
    other_nouns: bool = False,
    memo: StateMemo | None = None,
) -> str | None:
    """The state word of the clause nearest to the number (in words); a phrase ("killed or
    wounded") beats the words inside it; an override state (a change, plan or part: "additional",
    "expected to", "allein", "four more", "three of the dead") beats any other, wherever it
    stands in the clause. ``allowed``: only these states count; ``noun_concept``: the concept a
    counted noun names (a partitive before one makes a part: "twelve of the victims");
    ``other_nouns``: the number has a counted noun of its own, so a state noun of another noun
    phrase before it names other people ("Survivors told rescuers that 90 people were on
    board", "Nach Aussagen der Überlebenden waren 90 Menschen an Bord"). ``memo``: the state
    words found in a clause, kept for the next question about it (one dict per text, and every
    ``noun_concept`` given with it the same function)."""
    key = (clause, claim.start, claim.end, claim.sentence_start, claim.entity,
           noun_concept is None)
    found = memo.get(key) if memo is not None else None
    if found is None:
        found = _states_in(texts, concepts, clause, claim, noun_concept, memo)
        if memo is not None:
            memo[key] = found
    found_states, named, words, adjacent, whole = cast(_Found, found)
    if other_nouns and noun_concept is not None and named:
        skip = {k for k, pos, i in named
                if _names_others(texts, pos, words[:i], concepts, noun_concept)}
        found_states = [fs for k, fs in enumerate(found_states) if k not in skip]
    overrides = concepts.override_states
    # a part of the dead is a part only when the figure counts the dead too ("Of the 11,000
    # sent, 4,700 were killed" is the whole of another state)
    if adjacent is not None and not (
        adjacent == concepts.part_state != whole
        and any(st not in (whole, *overrides, *concepts.weak_states) for _, st in found_states)
    ):
        found_states = [*found_states, (0, adjacent)]
    if allowed is not None:
        found_states = [(d, st) for d, st in found_states if st in allowed]
    elif concepts.measure_only:  # a count is no price: "the fighting cost 300 lives"
        found_states = [(d, st) for d, st in found_states if st not in concepts.measure_only]
    if not found_states:
        return None
    weak = concepts.weak_states
    return min(found_states, key=lambda d_s: (d_s[1] not in overrides, d_s[1] in weak, d_s[0]))[1]


# the state words of a clause in order (distance in words, state); the entries that are state
# words before the number (entry, position, word index) and the clause's words before it; the
# change or part beside the number and the state of its whole
_Found = tuple[
    list[tuple[int, str]],
    list[tuple[int, int, int]],
    list[str],
    str | None,
    str | None,
]
# the part of ``_Found`` that no ``noun_concept`` changes: the state words before the place
# verbs, the entries named, the words before the number, the state words after the place verbs
_Words = tuple[list[tuple[int, str]], list[tuple[int, int, int]], list[str], list[tuple[int, str]]]
# ``clause_state``'s memo for one text: a ``_Found`` per claim and question (with or without
# a ``noun_concept``), and under ("words", claim) the ``_Words`` both questions share
StateMemo = dict[tuple[object, ...], "_Found | _Words"]


def _states_in(
    texts: tuple[str, str],
    concepts: Concepts,
    clause: tuple[int, int],
    claim: Claim,
    noun_concept: Callable[[str], str | None] | None,
    memo: StateMemo | None = None,
) -> _Found:
    """What ``clause_state`` chooses from, for any ``allowed`` and ``other_nouns``; the words
    read once per claim for both kinds of question (``memo``)."""
    key = ("words", clause, claim.start, claim.end, claim.sentence_start, claim.entity)
    shared = memo.get(key) if memo is not None else None
    if shared is None:
        shared = _state_words(texts, concepts, clause, claim)
        if memo is not None:
            memo[key] = shared
    head, named, words, tail = cast(_Words, shared)
    found_states = list(head)
    if concepts.place_verb_state is not None and concepts.place_verb_pattern.search(
        texts[1], *clause
    ):
        found_states += place_verbs(texts[0], concepts, clause, claim, noun_concept)
    found_states += tail
    adjacent, whole = adjacent_state(texts[1], concepts, clause, claim, noun_concept)
    return found_states, named, words, adjacent, whole


def _state_words(
    texts: tuple[str, str],
    concepts: Concepts,
    clause: tuple[int, int],
    claim: Claim,
) -> _Words:
    """The state words of the clause and of the claim's own words, and the future tense: what
    ``_states_in`` finds with or without a ``noun_concept``."""
    low = texts[1]
    overrides = concepts.override_states
    start, end = clause
    before, after = low[start : claim.start], low[claim.end : end]
    found_states: list[tuple[int, str]] = []
    for found in concepts.state_phrases.finditer(low, start, end):
        state = concepts.phrase_states.get(" ".join(found.group().split()))
        if state is None:
            continue
        blank = " " * (found.end() - found.start())
        if found.end() <= claim.start:
            cut = found.start() - start
            if not dating_deadline(low, concepts, found, end):
                found_states.append((len(before[found.end() - start :].split()), state))
            before = before[:cut] + blank + before[found.end() - start :]
        elif found.start() >= claim.end:
            cut = found.start() - claim.end
            found_states.append((len(after[:cut].split()) + 1, state))
            after = after[:cut] + blank + after[found.end() - claim.end :]
    words = before.split()
    named: list[tuple[int, int, int]] = []
    tokens: list[re.Match[str]] | None = None  # where each word stands, found when needed
    raw = concepts.raw_states
    for i, word in enumerate(words):  # str.split and \S+ cut at the same spaces
        state = raw.get(word, _UNREAD)
        if state is _UNREAD:
            state = raw[word] = concepts.state_of(word.strip(PUNCTUATION))
        if state is None:
            continue
        tokens = tokens or list(_NON_SPACE.finditer(before))
        named.append((len(found_states), start + tokens[i].start(), i))
        found_states.append((len(words) - i, state))
    after_words = after.split()
    for i, word in enumerate(after_words):
        state = raw.get(word, _UNREAD)
        if state is _UNREAD:
            state = raw[word] = concepts.state_of(word.strip(PUNCTUATION))
        if state is not None and not _attributive_after_preposition(after_words, i, concepts):
            found_states.append((i + 1, state))
    if concepts.split_states and concepts.split_verbs.search(low, start, end):
        found_states += split_verbs(words, after_words, concepts)
    tail: list[tuple[int, str]] = []
    # inside the claim's own words: "2,000 additional soldiers"; "150.000 Obdachlosen" when
    # its noun counts something (not "40.000 Zelte")
    counted = concepts.entity_concepts.get(claim.entity or "") is not None
    for word in low[claim.start : claim.end].split():
        state = raw.get(word, _UNREAD)
        if state is _UNREAD:
            state = raw[word] = concepts.state_of(word.strip(PUNCTUATION))
        if state in overrides or state is not None and counted:
            tail.append((0, state))
    if future_tense(texts, concepts, clause):
        tail.append((0, concepts.plan_state))
    return found_states, named, words, tail


def _attributive_after_preposition(words: list[str], i: int, concepts: Concepts) -> bool:
    """Is the state word ``words[i]`` (after the number) the attribute of the noun of a
    prepositional phrase ("15 people in contact with infected birds", "mit den infizierten
    Tieren"): right after a preposition (``actor.not_after``), or after one and an article,
    and followed by a word in the same clause; it describes that noun, not the figure."""
    if i == 0 or i + 1 >= len(words) or words[i] != words[i].strip(PUNCTUATION):
        return False
    before = words[i - 1]
    if before in concepts.articles and i >= 2:
        before = words[i - 2]
    return before in concepts.not_after


def _names_others(
    texts: tuple[str, str], pos: int, earlier: list[str], concepts: Concepts,
    noun_concept: Callable[[str], str | None],
) -> bool:
    """Is the state word at ``pos`` (before the number; ``earlier``: the clause's words before
    it) a noun phrase of its own: a counted noun ("survivors", "Überlebende") that opens the
    sentence, follows an article or a place word ("der Überlebenden", "mit Überlebenden") or is
    written with a capital inside the sentence; not the complement of a count noun ("die Zahl
    der Toten ... auf 300 Menschen") nor a verb ("the blast injured 40 people")."""
    word = match_word(texts[1], pos)
    if word is None or noun_concept(word.group()) is None:
        return False
    last = [w.strip(PUNCTUATION) for w in earlier[-2:]]
    if len(last) == 2 and last[0] in concepts.count_nouns:
        return False
    if not last:
        return True
    return last[-1] in concepts.articles or last[-1] in concepts.not_after or (
        texts[0][pos].isupper()
    )


def place_verbs(
    text: str, concepts: Concepts, clause: tuple[int, int], claim: Claim,
    noun_concept: Callable[[str], str | None] | None,
) -> list[tuple[int, str]]:
    """ "5,420 people had reached Lampedusa", "3000 Menschen haben Lampedusa erreicht": a verb
    of ``place_verbs`` names its state only right beside a name (a capitalised word inside the
    sentence that counts nothing), never beside a figure ("the toll reached 200")."""
    found = [w for w in WORD.finditer(text, *clause) if not claim.start <= w.start() < claim.end]
    number_at = sum(1 for w in found if w.end() <= claim.start)
    out = []
    for i, word in enumerate(found):
        if word.group().lower() not in concepts.place_verbs:
            continue
        for j in (i - 1, i + 1):
            if not 0 <= j < len(found):
                continue
            near = found[j]
            gap = text[min(near.end(), word.end()) : max(near.start(), word.start())]
            name = near.group()
            if gap.strip() or not name[0].isupper() or near.start() <= claim.sentence_start:
                continue
            if noun_concept is not None and noun_concept(name) is not None:
                continue
            out.append((_distance(i, number_at), concepts.place_verb_state))
            break
    return out


def split_verbs(before: list[str], after: list[str], concepts: Concepts) -> list[tuple[int, str]]:
    """ "nahm die Polizei 170 Menschen fest", "Eine Million Menschen nahmen an den Protesten
    teil": a verb and its particle apart in the clause (the particle after the verb) name a
    state, at the distance of the nearer of the two. ``before`` and ``after``: the clause's
    words before and after the number."""
    words = [w.strip(PUNCTUATION) for w in (*before, *after)]
    out = []
    for verb, particle, state in concepts.split_states:
        if verb not in words:
            continue
        at = words.index(verb)
        if particle not in words[at + 1 :]:
            continue
        end = at + 1 + words[at + 1 :].index(particle)
        out.append((min(_distance(i, len(before)) for i in (at, end)), state))
    return out


def _distance(index: int, number_at: int) -> int:
    """How many words from the number a word of the clause is (``number_at``: the count of
    words before the number)."""
    return number_at - index if index < number_at else index - number_at + 1


def _word_at(low: str, pos: int) -> re.Match[str] | None:
    return match_word(low, _skip_space(low, pos))


def _part_of(
    low: str, pos: int, concepts: Concepts, noun_concept: Callable[[str], str | None] | None
) -> tuple[bool, str | None]:
    """After a partitive: does a word naming a state ("the dead", "den Toten") or a counted noun
    ("the victims", given ``noun_concept``) follow, and which state (None for a noun)? Not a
    figure: "300 of the 9,000 soldiers were killed" counts the killed, a whole of its own. Up
    to two words may stand before it ("700 of the new arrivals")."""
    for _ in range(3):
        word = match_word(low, _skip_space(low, pos))
        if word is None:
            return False, None
        state = concepts.state_of(word.group())
        if state is not None:
            return True, state
        if noun_concept is not None and noun_concept(word.group()) is not None:
            return True, None
        pos = word.end()
    return False, None


# ``WORD`` on a reversed text: the non-letters after the last word, then that word reversed
_LAST_WORD = re.compile(r"[\W\d_]*([^\W\d_]+(?:-[^\W\d_]+)*)")


@functools.cache
def _partitive(phrase: str) -> re.Pattern[str]:
    alternation = not_after_alternation([phrase], r"\w-", flexible_space=False)
    return re.compile(rf"{alternation}(?![\w])")


def last_word(low: str, start: int, end: int, reach: int = 80) -> str | None:
    """The last word of ``low[start:end]``, looking back at most ``reach`` characters (a word
    cut by the window is no word: change words are short)."""
    begin = max(start, end - reach)
    # read backwards: WORD's last match is the word (chain of hyphened runs) ending at the
    # window's last letter, as one match on the reversed window (no match object per word)
    last = _LAST_WORD.match(low[begin:end][::-1])
    if last is None:
        return None
    word_start = end - last.end(1)
    if word_start == begin > start and match_word(low, begin - 1):
        return None
    return low[word_start : end - last.start(1)]


def adjacent_state(
    low: str,
    concepts: Concepts,
    clause: tuple[int, int],
    claim: Claim,
    noun_concept: Callable[[str], str | None] | None = None,
) -> tuple[str | None, str | None]:
    """A change or a part named next to the number, and for a part the state of the whole:
    "four more bodies", "nochmals 300" (a change word right after or before it; a share
    before "more" is the size of a rise, no change: "8% more pay"), "40 davon"
    (a part word right after it), "three of the dead", "twelve of the victims" (a partitive
    right after it, then a state word or a counted noun),
    "children were among the displaced" (a partitive anywhere in the clause, then the same)."""
    after = _word_at(low, claim.end)
    # "8 Prozent mehr Lohn", "5% more pay": a share before "more" is the size of a rise, a
    # rate of its own, not a change of a figure said before
    if after is not None and after.group() in concepts.change_after and (
        claim.unit not in concepts.share_units
    ):
        return concepts.change_state, None
    if claim.entity and claim.entity.split(maxsplit=1)[0].lower() in concepts.change_openings:
        return concepts.change_state, None  # "430 neue Verdachtsfälle", "310 new cases"
    before = last_word(low, clause[0], claim.start)
    if before is not None and before in concepts.change_before:
        return concepts.change_state, None
    if concepts.part_before and before is not None:
        # "dass sich davon noch etwa 8.000 an der Front befinden": a part of the figure before
        # (its whole is the figure before, of whatever state: the part state stands for it)
        if before in concepts.part_before:
            return concepts.part_state, concepts.part_state
        cut = low.rfind(before, clause[0], claim.start)
        earlier = last_word(low, clause[0], cut) if cut > clause[0] else None
        if earlier is not None and earlier in concepts.part_before:
            return concepts.part_state, concepts.part_state
    at = _skip_space(low, claim.end)
    for phrase in concepts.part_after:
        end = at + len(phrase)
        if low.startswith(phrase, at) and not low[end : end + 1].isalnum():
            return concepts.part_state, None
    for phrase in concepts.partitive_after:
        end = at + len(phrase)
        if low.startswith(phrase, at) and not low[end : end + 1].isalnum():
            part, whole = _part_of(low, end, concepts, noun_concept)
            if part:
                return concepts.part_state, whole
    for phrase in concepts.partitive_anywhere:
        # within the clause only (a slice or scan from the text's start is quadratic on a long
        # text without sentence ends); the look-behind still sees the character before it
        for found in _partitive(phrase).finditer(low, clause[0], clause[1]):
            part, whole = _part_of(low, found.end(), concepts, noun_concept)
            if part:
                return concepts.part_state, whole
    return None, None


def future_tense(texts: tuple[str, str], concepts: Concepts, clause: tuple[int, int]) -> bool:
    """A plan said by the future or conditional: "will send", "would be deployed" (an auxiliary
    before a state word, "be" between), "dass Nordkorea 5.000 Soldaten entsenden werde" (an
    auxiliary right after a state verb in its infinitive: written in lower case, its own
    lemma; "Der Sachschaden wird ... geschätzt" is a noun)."""
    gate = concepts.future_words
    if gate is not None and gate.search(texts[1], *clause) is None:
        return False  # none of the auxiliaries and modals: no need to read the words
    written = WORD.findall(texts[0], *clause)
    words = [w.lower() for w in written]
    present = set(words)
    # "Die Zahl könnte auf 100 steigen", "the toll may climb to 100": a modal and a verb of
    # growth in the same clause, in either order
    if concepts.forecast_modals & present and concepts.forecast_verbs & present:
        return True
    if present.isdisjoint(concepts.future_before) and present.isdisjoint(concepts.future_after):
        return False  # no auxiliary: no need to look at each word
    for i, word in enumerate(words):
        if word in concepts.future_before:
            following = [(w, k) for k, w in enumerate(words[i + 1 : i + 4], i + 1)
                         if w not in concepts.future_links]
            # the verb after the auxiliary is written in lower case: "bis zu 42 Vermissten" is
            # a bound before a noun, no infinitive
            if following and written[following[0][1]] == following[0][0] and (
                concepts.state_of(following[0][0]) is not None
            ):
                return True
        if word in concepts.future_after and i > 0:
            verb = words[i - 1]
            infinitive = written[i - 1] == verb and lemmatize(verb, concepts.code) == verb
            if infinitive and concepts.state_of(verb) is not None:
                return True
    return False


def opening_part(
    low: str, concepts: Concepts, claim: Claim, first: Claim | None
) -> tuple[bool, str | None]:
    """ "Of the 21,000 people evacuated, around 3,000 are still ...", "Von den 16 Toten stammten
    neun ...": a sentence that opens with a partitive and a figure (``first``, the sentence's
    first claim) makes the later figures of the sentence parts of it; "Of the dead, two were
    firefighters", "Von den Toten waren zwei ...": one that opens with a partitive and a state
    word makes all its figures parts. Also the state of the whole (None: that of ``first``)."""
    if first is None or first.sentence_start != claim.sentence_start:
        return False, None
    # the opening only: a partitive and the word after it (never the whole sentence before)
    head = " ".join(low[claim.sentence_start : min(claim.start, claim.sentence_start + 80)].split())
    for phrase in concepts.partitive_openings:
        if not head.startswith(phrase + " "):
            continue
        word = WORD.match(head, len(phrase) + 1)
        state = concepts.state_of(word.group()) if word is not None else None
        if state is not None:
            return True, state
    if first is claim:
        return False, None
    # "Von den insgesamt 172 ...", "Of the estimated 9,000 ...": up to two words between
    opening = low[claim.sentence_start : min(first.start, claim.sentence_start + 80)].split()
    if first.start > claim.sentence_start + 80:
        return False, first.state
    return any(
        " ".join(opening[: len(phrase.split())]) == phrase
        and len(opening) - len(phrase.split()) <= 2
        for phrase in concepts.partitive_openings
    ), first.state


def dating_deadline(low: str, concepts: Concepts, found: re.Match[str], end: int) -> bool:
    """A deadline phrase before the number (``rules.deadline_phrases``) with no modal or future
    auxiliary after it up to ``end`` (``forecast_modals``, ``future_before``): the date of the
    figure ("By April, the NIS estimated 4,700"), no plan ("By December, 12,000 could be
    there")."""
    if " ".join(found.group().split()) not in concepts.deadline_phrases:
        return False
    modals = concepts.forecast_modals | concepts.future_before
    return not any(w.group() in modals for w in WORD.finditer(low, found.end(), end))


def leading_state(
    texts: tuple[str, str], concepts: Concepts, clause: tuple[int, int], claim: Claim
) -> str | None:
    """ "In the district alone, nine people died", "By December, 12,000 could be there": the
    first figure of a sentence takes a part or a plan from the words before its clause, which
    count nothing of their own."""
    if clause[0] <= claim.sentence_start:
        return None
    low = texts[1]
    # not a change: "Further north, 300 people were evacuated" is no increase
    wanted = concepts.override_states - {concepts.change_state}
    for found in concepts.state_phrases.finditer(low, claim.sentence_start, clause[0]):
        state = concepts.phrase_states.get(" ".join(found.group().split()))
        if state in wanted and not dating_deadline(low, concepts, found, clause[1]):
            return state
    for word in WORD.finditer(low, claim.sentence_start, clause[0]):
        state = concepts.state_of(word.group())
        if state in wanted:
            return state
    return None
