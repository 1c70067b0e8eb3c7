"""Who states a figure (source) and whether it is hedged, from cues in the data files."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from tracker.claimants import resolve
from tracker.claimants.gazetteer import data_language
from tracker.claimants.index import Kind, index_for
from tracker.claimants.normalize import norms
from tracker.claimants.resolve import names_organisation
from tracker.extract.coreference import measured_subject, names_country
from tracker.extract.lexicon import Lexicon, per_language, phrase_alternation, word_bounded
from tracker.extract.patterns import WORD
from tracker.lemmas import lemmatize

_MAX_WORDS = 10
_REACH = 110  # characters around a cue that can hold its source phrase
_SPACES = re.compile(r"\s+")
_ABBREVIATION_END = re.compile(r"(?:^|[\s.])\w\.$")
COMPOUND = "compound"  # the phrase of a cue glued to its source ("nach Behördenangaben")
RECORD = "<record>"  # the phrase of a record cue ("nach offiziellen Angaben")
_QUOTES = frozenset('„“”"»«‚‘’‹›')


@dataclass(frozen=True, slots=True)
class Cue:
    """An attribution in a sentence: where its cue is and the source phrase it names."""

    start: int
    end: int
    source: str
    sentence_final: bool = False
    src_start: int = -1  # where the source phrase itself stands in the text
    src_end: int = -1
    phrase: str = ""  # the cue words as listed in sources.toml ("citing", "laut")


def _known_lowercase(word: str, lex: Lexicon) -> bool:
    """A short name written in lower case that the gazetteer knows ("laut dpa"): a source
    word although German nouns and names are capitalised."""
    if not lex.sources.head_capitalized or not (2 <= len(word) <= 6 and word.isalpha()):
        return False  # English reads lower-case words anyway
    if not word.islower():
        return False
    data_lang = data_language(lex.code)
    entry = index_for(data_lang).phrases.get(norms(word, data_lang))
    # the alias as written, not a lemma ("grünen" is no "Grüne")
    return entry is not None and entry.kind == Kind.ALIAS and entry.source.casefold() == word


def _tokens(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """The words and signs of ``text[start:end]`` as (word, start, end), what ``_Walker`` and
    the clause rules read."""
    return [(m.group(), *m.span()) for m in WORD.finditer(text, start, end)]


class _Walker:
    """Collects a source phrase word by word, forward or backward from a cue."""

    def __init__(
        self, tokens: list[tuple[str, int, int]], lex: Lexicon, *, after_cue_words: bool = True
    ) -> None:
        self.tokens, self.lex = tokens, lex
        # "nach Angaben des Ministeriums" drops "des"; a subject after its verb keeps its
        # article ("erwartet der Verband")
        self.after_cue_words = after_cue_words

    def _accepts(self, word: str) -> bool:
        lower = word.lower()
        if lower in self.lex.sources.pronouns:
            return True  # "er sagte": resolved to the previous sentence's source later
        if len(word) > 1 and word.isupper() and word.isalpha():
            return True  # an acronym ("WHO", "US") is a name, not the stop word it spells
        if (
            not word[0].isalnum()
            or lower in self.lex.sources.stop_words
            and (lower not in self.lex.sources.phrase_words)
        ):
            return False
        return (
            word[0].isupper()
            or lower in self.lex.sources.phrase_words
            or bool(self.lex.sources.lowercase_word.fullmatch(word))
            or _known_lowercase(word, self.lex)
        )

    def text_of(self, start: int, end: int) -> str:
        """The words from ``start`` to ``end`` as one phrase (commas kept)."""
        return " ".join(t[0] for t in self.tokens if start <= t[1] and t[2] <= end)

    def _is_head(self, word: str) -> bool:
        """A word a source phrase may end on (not an article or a bare adjective in German)."""
        if word.lower() in self.lex.sources.phrase_words:
            return False
        if word.lower() in self.lex.sources.pronouns:
            return True  # ", sagte er."
        return (
            word[0].isupper()
            or not self.lex.sources.head_capitalized
            or _known_lowercase(word, self.lex)
        )

    def _after_head(self, picked: list[int], word: str, i: int) -> bool:
        """German "des Ministeriums wurden": a lower-case word after a noun starts the verb;
        not a genitive adjective inside a name before its noun ("des Verbands deutscher
        Pfandbriefbanken")."""
        if not self.lex.sources.head_capitalized or word[0].isupper():
            return False
        if (
            word.lower().endswith(self.lex.sources.name_adjective_endings)
            and i + 1 < len(self.tokens)
            and self.tokens[i + 1][0][:1].isupper()
            and self._noun_before(picked)
        ):
            return False
        if word.lower() in self.lex.sources.phrase_words:
            # "beziffert das Ministerium die Verluste": a new article after a noun opens the object
            return word.lower() in self.lex.sources.object_articles and self._noun_before(picked)
        return self._noun_before(picked)

    def _counted_noun(self, picked: list[int], word: str, i: int) -> bool:
        """German, walking forward: a noun after the source's noun with "von" and a figure
        after it ("der Versicherer Schäden von bis zu 2 Milliarden Euro") is what the figure
        counts, the object of the clause, not part of the name."""
        if not self.lex.sources.head_capitalized or not word[0].isupper():
            return False
        if not self._noun_before(picked) or i + 2 >= len(self.tokens):
            return False
        if self.tokens[i + 1][0].lower() not in self.lex.sources.partitive:
            return False
        return any(t[0][0].isdigit() for t in self.tokens[i + 2 : i + 5])

    def _verb_after_name(self, picked: list[int], word: str) -> bool:
        """English, walking forward: a lower-case report verb right after a capitalised word
        ("Exit polls by Ipsos showed the party won") is the verb of the clause, not part of
        the name."""
        if self.lex.sources.head_capitalized or not word.islower():
            return False
        last = self.tokens[picked[-1]][0]
        return last[0].isupper() and word in self.lex.sources.after_source_set

    def _verb_before_article(self, picked: list[int], word: str) -> bool:
        """German, walking back: an adjective stands between an article and its noun, never
        right before an article; a lower-case word there is the verb before the phrase."""
        if not self.lex.sources.head_capitalized or word[0].isupper():
            return False
        lower = word.lower()
        if lower in self.lex.sources.phrase_words or lower in self.lex.sources.pronouns:
            return False
        nearest = self.tokens[picked[-1]][0].lower()
        return (
            nearest in self.lex.sources.phrase_words
            and nearest in self.lex.sources.pointing_determiners
        )

    def _noun_before(self, picked: list[int]) -> bool:
        """The last word taken is a noun: capitalised, and not an article that opens the
        sentence ("Die griechische Feuerwehr")."""
        last = self.tokens[picked[-1]][0]
        return last[0].isupper() and last.lower() not in self.lex.sources.phrase_words

    def walk(self, index: int, step: int) -> tuple[int, int] | None:
        picked: list[int] = []
        src, tokens = self.lex.sources, self.tokens
        i = self._skip_near_cue(index, step)
        while 0 <= i < len(tokens) and len(picked) < _MAX_WORDS:
            word = tokens[i][0]
            lower = word.lower()
            if lower in src.pronouns:
                if not picked:  # "er sagte": the pronoun alone, resolved later
                    picked.append(i)
                break
            if lower in src.place_links and self._links_place(picked, i, step):
                picked.append(i)  # "the Intelligence Service in Seoul"
                i += step
                continue
            if (
                step < 0
                and picked
                and lower in src.place_links
                and self._acronym_before(i - 1)
            ):
                # "wie die Bundesanstalt für Wasserbau (BAW) in Karlsruhe mitteilte": the place
                # belongs to the long form before the acronym, which is the source
                picked.clear()
                i -= 1 + self._acronym_before(i - 1)
                continue
            if word in _QUOTES:
                if any(
                    tokens[k][0].lower() not in src.phrase_words for k in picked
                ):
                    break  # the closing mark ends a quoted name ("des „Kicker“")
                i += step  # the opening mark of a quoted name is passed over
                continue
            if word == "." and self._ends_abbreviation(picked, i):
                i += step  # "U.S. officials": the period belongs to the abbreviation
                continue
            if step < 0 and picked and self._intensifier_after_possessive(i):
                i += step  # "Ukraine's own estimate": the owner before "own" is read on
                continue
            if step > 0 and not picked and self._counts_voices(i):
                picked.append(i)  # "unter Berufung auf zwei Regierungsvertreter": how many
                i += step
                continue
            if lower in src.not_source or not self._accepts(word):
                break
            if step > 0 and picked and self._after_head(picked, word, i):
                break
            if step > 0 and picked and self._counted_noun(picked, word, i):
                break  # "nach Schätzungen der Versicherer Schäden von 2 Milliarden Euro"
            if step > 0 and picked and self._verb_after_name(picked, word):
                break  # "a poll by Ipsos showed": the report verb ends the name
            if step < 0 and picked and self._verb_before_article(picked, word):
                break  # "Atemwegserkrankungen machten der Krankenkasse zufolge"
            picked.append(i)
            i += step
        picked.sort()
        if step < 0 and picked and self._after_number(picked[0]):
            return None  # "von 55 Millionen Euro berichtet": what the figure counts, not who
        if step > 0 and self.after_cue_words:
            while picked and tokens[picked[0]][0].lower() in src.strip_after_cue:
                picked.pop(0)
        while picked and tokens[picked[0]][0].lower() in src.strip_leading:
            picked.pop(0)  # "raising Ukraine's", "the": no verb or article opens a source
        while (
            step < 0
            and len(picked) > 1
            and tokens[picked[0]][0].islower()
            and tokens[picked[0]][0] in src.after_source_set
        ):
            picked.pop(0)  # "said the agency had counted": the report verb before it is not
        while picked and not self._is_head(tokens[picked[-1]][0]):
            picked.pop()
        self._trim_to_head_noun(picked)
        if not picked or not self._names_someone([tokens[k][0] for k in picked]):
            return None
        if tokens[picked[0]][0].lower() in src.place_links:
            return None  # "am Montag in Wiesbaden bekanntgab": a place, not who
        return tokens[picked[0]][1], tokens[picked[-1]][2]

    def _counts_voices(self, i: int) -> bool:
        """A number word opening the phrase after a cue, before a capitalised word ("unter
        Berufung auf zwei US-Regierungsvertreter", "citing three officials"): it counts the
        voices and belongs to the source."""
        if self.tokens[i][0].lower() not in self.lex.numbers.words or i + 1 >= len(self.tokens):
            return False
        nxt = self.tokens[i + 1][0]
        return nxt[:1].isupper() and self._accepts(nxt)

    def _intensifier_after_possessive(self, i: int) -> bool:
        """ "own" right after a possessive name ("Ukraine's own"), not after "its" or "their"."""
        if self.tokens[i][0].lower() not in self.lex.sources.possessive_intensifiers or i < 1:
            return False
        before = self.tokens[i - 1][0]
        return before.endswith(("'s", "’s")) and before[:1].isupper()

    def _trim_to_head_noun(self, picked: list[int]) -> None:
        """ "an internal memo seen by Reuters": a lower-case phrase ends on its last source
        noun, not on a participle after it."""
        heads = self.lex.sources.head_nouns
        words = [self.tokens[k][0] for k in picked]
        if not heads or not words or any(w[0].isupper() for w in words):
            return
        lowers = [w.lower() for w in words]
        if lowers[-1] in heads or _head_of_phrase(lowers, self.lex) in heads:
            return  # "a spokesman for the force" ends where it should
        last = max((n for n, w in enumerate(words) if w.lower() in heads), default=None)
        if last is not None:
            del picked[last + 1 :]

    def _after_number(self, first: int) -> bool:
        return first > 0 and self.tokens[first - 1][0][0].isdigit()

    def after_determiner(self, first: int) -> bool:
        """The phrase follows a possessive or demonstrative ("its", "seine", "diese"): it and
        the cue word after it are one noun phrase."""
        if first == 0:
            return False
        before = self.tokens[first - 1][0].lower()
        sources = self.lex.sources
        return before in sources.pointing_determiners and before not in sources.phrase_words

    def _links_place(self, picked: list[int], i: int, step: int) -> bool:
        """ "in" between a named body and a capitalised place belongs to the source."""
        if not picked or not 0 <= i + step < len(self.tokens):
            return False
        near, far = self.tokens[picked[-1]][0], self.tokens[i + step][0]
        before, after = (near, far) if step > 0 else (far, near)
        if after.lower() in self.lex.sources.place_articles:
            # "die Mission in der Ukraine": after an article only a country is a place (not "in
            # der Nacht")
            if step < 0:
                after = self.tokens[picked[-2]][0] if len(picked) > 1 else ""
            else:
                k = i + 2 * step
                after = self.tokens[k][0] if 0 <= k < len(self.tokens) else ""
            if not after[:1].isupper() or not names_country(after, self.lex):
                return False
        if not after[:1].isupper():
            return False
        # "the Intelligence Service in Seoul", "lawmaker from Bingol", "officials in Karliova":
        # the place belongs to the body or voice before it, never a source alone
        return before[0].isupper() or before.lower() in self.lex.sources.head_nouns

    def _ends_abbreviation(self, picked: list[int], i: int) -> bool:
        if not picked or i == 0:
            return False
        before = self.tokens[i - 1]
        abbreviations = self.lex.sentences.abbreviations
        return before[2] == self.tokens[i][1] and before[0].lower() in abbreviations

    def _skip_near_cue(self, index: int, step: int) -> int:
        """ "Zelensky had earlier said", "said Monday that": auxiliaries, adverbs and time words
        between a cue and its source are passed over."""
        i, skip = index, self.lex.sources.skip_near_cue
        while 0 <= i < len(self.tokens) and self.tokens[i][0].lower() in skip:
            i += step
        if step > 0 and self.after_cue_words:
            # "according to a new YouGov poll": an article before a name is passed over, not
            # before a noun ("according to an estimate by ..." keeps its own cue)
            j, strip = i, self.lex.sources.strip_after_cue
            while j < len(self.tokens) and self.tokens[j][0].lower() in strip:
                j += 1
            if j > i and j < len(self.tokens) and self._names_ahead(j):
                i = j
        if step < 0 and self._acronym_before(i):
            # "der Deutsche Wetterdienst (DWD) warnt": the long form is the source
            i -= self._acronym_before(i)
        return i

    def _names_ahead(self, j: int) -> bool:
        """After an article: a name ("a new YouGov poll"), or lower-case words up to a source
        noun that is no cue of its own ("an internal memo"; not "an estimate by")."""
        if self.tokens[j][0][0].isupper():
            return True
        heads, cues = self.lex.sources.head_nouns, self.lex.sources.before_source_set
        for k in range(j, min(j + 4, len(self.tokens))):
            word = self.tokens[k][0].lower()
            if word in heads:
                nxt = self.tokens[k + 1][0].lower() if k + 1 < len(self.tokens) else ""
                return f"{word} {nxt}" not in cues
            if not self._accepts(self.tokens[k][0]):
                return False
        return False

    def _acronym_before(self, i: int) -> int:
        """ "( DWD )" or "( Cal Fire )" ending at token ``i``: a short name defined for the name
        before it; the number of tokens from "(" to ")" (0 when there is none)."""
        if i < 3 or self.tokens[i][0] != ")":
            return 0
        for size in (1, 2):
            if i - size - 1 < 1 or self.tokens[i - size - 1][0] != "(":
                continue
            inner = [t[0] for t in self.tokens[i - size : i]]
            if all(w[:1].isupper() and w.replace("-", "").isalnum() for w in inner) and (
                sum(len(w) for w in inner) <= 8
            ):
                return size + 2
        return 0

    def _names_someone(self, words: list[str]) -> bool:
        """A source is a noun phrase naming someone: not a possessive fragment ("Ukraine's"), not
        only generic words ("den Angaben"); in English a lower-case phrase ends on a known
        source noun ("officials") or opens with an article ("the general")."""
        lowers = [w.lower() for w in words]
        last = lowers[-1]
        if lowers[0] in self.lex.sources.partitive:
            return False  # "64% of Americans say": the counted noun, not who says it
        src = self.lex.sources
        if (
            len(lowers) > 1
            and lowers[0] in src.pointing_determiners
            and lowers[0] not in src.phrase_words
            and lowers[1].endswith(tuple(src.own_estimate_nouns))
        ):
            return False  # "hat seine Schätzung bestätigt": the estimate, not who made it
        if last.endswith(("'s", "’s")) and not self.lex.sources.head_capitalized:
            return False
        if " ".join(lowers) in self.lex.sources.pronouns:
            return True  # "er", "the figures", "dem Bericht": resolved to an earlier source
        content = [w for w in lowers if w not in self.lex.sources.phrase_words]
        if not content or all(w in self.lex.sources.generic for w in content):
            return False
        if self.lex.sources.head_capitalized or any(w[0].isupper() for w in words):
            return True
        heads = self.lex.sources.head_nouns
        if last in heads or _head_of_phrase(lowers, self.lex) in heads:
            return True  # "western officials", "a spokesman for the force"
        # "the general"; not "the highest number": a generic head names no one
        return lowers[0] in self.lex.sources.phrase_words and last not in self.lex.sources.generic


def _head_of_phrase(lowers: list[str], lex: Lexicon) -> str:
    """The word before the first linking word of a lower-case phrase ("spokesman" in "a
    spokesman for the force"), else its last word."""
    links = lex.sources.phrase_words - lex.sources.pointing_determiners
    for i, word in enumerate(lowers[1:], 1):
        if word in links:
            return lowers[i - 1]
    return lowers[-1]


_LETTERS = re.compile(r"[^\W\d_]+")
# Case-insensitive matching also pairs "ı" and "İ" with "i" and "ſ" with "s", which str.lower()
# does not: a sentence holding one is scanned in full.
_FOLDED = re.compile("[\u0131\u0130\u017f]")
_LATIN = re.compile(r"[a-z\u00df-\u00f6\u00f8-\u00ff\s.'’-]*")


@dataclass(frozen=True, slots=True)
class _CueWords:
    """The first word of every phrase each cue scan looks for (None: that scan always runs).
    A scan can find a cue only in a sentence holding one of its first words, since each phrase
    stands after a non-word character (a look-behind, a comma, a space); the compound tails
    ("Trendbarometer") stand inside a word, so theirs are looked for as substrings."""

    any_cue: frozenset[str] | None
    compound: frozenset[str] | None  # the compound and adjective cues ("nach UN-Angaben")
    separable: frozenset[str] | None
    own: frozenset[str] | None  # self references and own estimates
    tails: tuple[str, ...] | None
    hedges: frozenset[str] | None  # not a cue: the hedge words of ``is_hedged``


def _first_words(phrases: Iterable[str]) -> frozenset[str] | None:
    out = set()
    for phrase in phrases:
        low = phrase.lower()
        first = _LETTERS.match(low)
        if first is None or _LATIN.fullmatch(low) is None:
            return None  # a phrase opening with a sign, or letters folded otherwise
        out.add(first.group())
    return frozenset(out)


@per_language
def _cue_words(lex: Lexicon) -> _CueWords:
    src = lex.sources
    tails = _first_words(src.compound_cue_tails)
    return _CueWords(
        _first_words((*src.inverted, *src.before_source, *src.after_source)),
        _first_words(src.compound_cue_prepositions),
        _first_words(verb for verb, _ in src.separable),
        _first_words((*src.self_reference, *(src.pointing_determiners - src.phrase_words))),
        None if tails is None else tuple(sorted(tails)),
        _first_words(lex.hedges.words),
    )


def opens_cue(word: str, lex: Lexicon) -> bool:
    """``word`` (lower case) opens a cue phrase or a separable report verb ("teilte",
    "kündigte"): a verb, not an adjective, although German spells both in -e."""
    first = _cue_words(lex)
    return any(words is not None and word in words for words in (first.any_cue, first.separable))


def _may_hold(words: frozenset[str] | None, found: set[str] | None) -> bool:
    return words is None or found is None or not words.isdisjoint(found)


# a sentence lower-cased and the set of its letter runs (None: it holds a letter that
# case-insensitive matching folds otherwise, so every scan runs)
Letters = tuple[str, set[str] | None]


def sentence_letters(text: str, start: int, end: int) -> Letters:
    """What the cue scans and the hedge test ask of one sentence before scanning it, read
    once for both."""
    low = text[start:end].lower()
    return low, None if _FOLDED.search(text, start, end) else set(_LETTERS.findall(low))


def find_cues(
    text: str, start: int, end: int, lex: Lexicon, letters: Letters | None = None
) -> list[Cue]:
    """Attribution cues in ``text[start:end]`` (one sentence) with the source each names
    (``letters``: the sentence's ``sentence_letters``, when already read); a cue word that is
    also a source noun ("report") inside another cue's source ("according to the latest report
    from the institute") is that noun, not a verb."""
    letters = letters if letters is not None else sentence_letters(text, start, end)
    cues = _find_cues(text, start, end, lex, letters)
    if lex.sources.record_nouns and _may_name_record(letters, lex):
        cues = _record_cues(text, start, end, lex, cues)
    if len(cues) < 2:
        return cues
    nouns = lex.sources.head_nouns
    cues = [
        c
        for c in cues
        if not (
            c.phrase in nouns
            and any(d is not c and d.start < c.start and c.end <= d.end for d in cues)
        )
    ]
    return [_own_of_nearer(c, cues) for c in cues]


@per_language
def _record_pattern(lex: Lexicon) -> re.Pattern[str]:
    """A record preposition, then up to four lower-case words (an article, adjectives) and a
    record noun: "nach dem vorläufigen amtlichen Endergebnis"."""
    prepositions = phrase_alternation(lex.sources.record_prepositions)
    nouns = phrase_alternation(lex.sources.record_nouns)
    lower = lex.sources.lowercase_word.pattern
    return re.compile(
        rf"(?<![\w])(?i:{prepositions})\s+(?P<source>(?:(?:{lower}|[a-zäöüß]+)\s+){{0,4}}"
        rf"(?P<noun>(?i:{nouns})))(?![\w-])"
    )


@per_language
def _record_forms(lex: Lexicon) -> re.Pattern[str] | None:
    """The record nouns lower-cased, to be looked for as substrings of the lower-cased sentence
    (None: one holds a space or a letter case-insensitive matching folds otherwise)."""
    forms = [noun.lower() for noun in lex.sources.record_nouns]
    if any(_LATIN.fullmatch(form) is None or not form.isalpha() for form in forms):
        return None
    return re.compile(phrase_alternation(forms, flexible_space=False))


def _may_name_record(letters: Letters, lex: Lexicon) -> bool:
    """Can ``_record_noun`` match in the sentence: a record noun is a substring of it lower-cased
    (a sentence with a letter folded otherwise is always scanned)."""
    forms = _record_forms(lex)
    low, words = letters
    return forms is None or words is None or forms.search(low) is not None


@per_language
def _record_noun(lex: Lexicon) -> re.Pattern[str]:
    """A record noun anywhere (any case): a cheap test before the full pattern."""
    return re.compile(phrase_alternation(lex.sources.record_nouns), re.I)


def _record_cues(text: str, start: int, end: int, lex: Lexicon, cues: list[Cue]) -> list[Cue]:
    """ "nach offiziellen Angaben mindestens 214 Tote", "Rund 1,2 Millionen sind nach
    Schätzungen auf der Flucht": a record named after a preposition, with no holder after it
    (no capitalised word, no genitive article or "von"), states the figure; a cue already
    reading that stretch wins."""
    if not _record_noun(lex).search(text, start, end):
        return cues
    links = lex.sources.phrase_words
    added: list[Cue] = []
    for m in _record_pattern(lex).finditer(text, start, end):
        if lex.sources.head_capitalized and not m.group("noun")[0].isupper():
            continue  # German writes the noun capitalised: "nach angaben" is no record read so
        if any(w.lower() in lex.sources.record_pointers for w in m.group("source").split()):
            continue  # "nach ihren Angaben": the record of someone named before
        nxt = WORD.search(text, m.end(), end)
        if nxt is not None and (nxt.group()[0].isupper() or nxt.group().lower() in links):
            continue  # "nach Angaben des Ministeriums", "nach Angaben Kiews": a holder follows
        if any(c.start < m.end() and m.start() < max(c.end, c.src_end) for c in cues):
            continue
        a, b = m.span("source")
        added.append(Cue(m.start(), m.end(), text[a:b], False, a, b, RECORD))
    if not added:
        return cues
    return sorted([*cues, *added], key=lambda c: c.start)


def _own_of_nearer(cue: Cue, cues: list[Cue]) -> Cue:
    """ "Austria's economy will grow by 0.3%, the Wifo institute said, cutting its earlier
    estimate of 0.6%": a self-reference (no cue words) after another cue whose source stands
    between the clause's subject and it is that source's own."""
    if cue.phrase:
        return cue
    nearer = [
        d for d in cues if d.phrase and cue.src_end <= d.src_start and d.end <= cue.start
    ]
    if not nearer:
        return cue
    d = nearer[-1]
    return Cue(cue.start, cue.end, d.source, cue.sentence_final, d.src_start, d.src_end)


def _find_cues(
    text: str, start: int, end: int, lex: Lexicon, letters: Letters | None = None
) -> list[Cue]:
    pats = lex.regexes
    found: list[tuple[int, int, int, str]] = []
    apposed: set[int] = set()  # inverted cues that may close an apposition before them
    # each scan below tries every position: run only those whose first words the sentence holds
    first = _cue_words(lex)
    low, words = letters if letters is not None else sentence_letters(text, start, end)
    if _may_hold(first.any_cue, words):
        found.extend(_any_cues(text, start, end, lex, apposed))
    if _may_hold(first.separable, words):
        found.extend(_separable_cues(text, start, end, lex))
    if first.tails is None or words is None or any(t in low for t in first.tails):
        found.extend(_compound_tail_cues(text, start, end, lex))
    cues: list[Cue] = []
    compound = _may_hold(first.compound, words)
    if lex.sources.compound_cue_nouns and compound:
        cues = [
            Cue(m.start(), m.end(), m.group("source"), False, *m.span("source"), COMPOUND)
            for m in pats.compound_cue.finditer(text, start, end)
            if len(m.group("source")) > 1
        ]
    if lex.sources.self_reference and _may_hold(first.own, words):
        cues.extend(_self_references(text, start, end, lex))
    if compound:
        cues.extend(_adjective_cues(text, start, end, lex))
    named: list[Cue] = []
    if lex.sources.named_survey_tails and lex.sources.named_survey_joiner in low:
        named = _named_survey_cues(text, start, end, lex)
    if lex.sources.relative_relay and " sich " in low:
        cues.extend(_relative_relays(text, start, end, lex))
    if not named:
        return _read_cues(text, start, end, lex, (found, apposed, cues))
    if lex.sources.named_survey_joiner == "-":  # one word: no other cue reads it
        return _read_cues(text, start, end, lex, (found, apposed, [*cues, *named]))
    read = _read_cues(text, start, end, lex, (found, apposed, cues))
    # "according to a new Ipsos poll": the other cue's source holds the survey already
    named = [
        n for n in named if not any(c.src_start <= n.src_start < c.src_end for c in read)
    ]
    return sorted([*read, *named], key=lambda c: c.start) if named else read


def _any_cues(
    text: str, start: int, end: int, lex: Lexicon, apposed: set[int]
) -> list[tuple[int, int, int, str]]:
    """The cue words of ``any_cue`` in the sentence (an inverted one that may close an
    apposition before it goes to ``apposed`` too)."""
    found: list[tuple[int, int, int, str]] = []
    for m in lex.regexes.any_cue.finditer(text, start, end):
        if m.group("inv"):
            inv = _SPACES.sub(" ", m.group("inv").lower())
            found.append((m.start("inv"), m.end(), 1, inv))
            if inv in lex.sources.after_source_set:  # "..., Filippo Mannino, sagte, ..."
                apposed.add(m.start("inv"))
                found.append((m.start("inv"), m.end(), -1, inv))
            continue
        phrase = _SPACES.sub(" ", m.group("word").lower())
        if _inside_name(text, m.start(), start) and phrase not in lex.sources.before_source_set:
            continue  # "the United States", "Consumer Reports": a capitalised verb is a name
        if phrase in lex.sources.before_source_set:
            found.append((m.start(), m.end(), 1, phrase))
        if phrase in lex.sources.after_source_set:
            found.append((m.start(), m.end(), -1, phrase))
    return found


def _read_cues(
    text: str, start: int, end: int, lex: Lexicon,
    scanned: tuple[list[tuple[int, int, int, str]], set[int], list[Cue]],
) -> list[Cue]:
    """The cues of ``find_cues`` from what its scans found: cue words with the direction of
    their source, the inverted ones that may close an apposition, and the glued cues."""
    found, apposed, cues = scanned
    compound_starts = {c.start for c in cues}
    found = [f for f in found if f[0] not in compound_starts]
    if not found:
        return cues
    for cue_start, cue_end, step, phrase in found:
        if phrase in lex.sources.speech_only and _figure_next(text, cue_end, end):
            continue  # "The US economy added 227,000 jobs": not speech
        if phrase in lex.sources.opener_cues and not _in_opened_clause(text, start, cue_start, lex):
            continue  # "Das Video zeigt 30 Soldaten": only ", wie die Umfrage zeigt" reports
        if phrase in lex.sources.relay_passive:
            step = -1  # "delegates cited by Reuters": the holder stands before the cue
        # a source phrase has at most _MAX_WORDS words: tokenise only that far from the cue
        lo = max(start, cue_start - _REACH) if step < 0 else cue_end
        hi = cue_start if step < 0 else min(end, cue_end + _REACH)
        tokens = _tokens(text, lo, hi)
        walker = _Walker(tokens, lex)
        if step < 0 and cue_start in apposed:
            span = _apposition(walker, len(tokens) - 1)
            if span is None:  # "X (XY), Norway's public health agency, said 8,400 ..."
                span = _apposed_subject(walker, len(tokens) - 1, _first_word(text, start))
            if span is None and not _inverted_source(cues, cue_start):
                span = _shared_subject(text, start, cue_start, lex)  # ", sagte aber, ..."
            if span is not None:
                source = text[span[0] : span[1]]
                cues.append(Cue(span[0], cue_end, source, False, span[0], span[1], phrase))
            continue
        if step < 0 and phrase not in lex.sources.relay_passive and _passive(tokens, lex):
            agent = (
                _agent(text, cue_end, end, lex)
                or _possessor_of_subject(text, start, lex)
                or _recipient(text, start, cue_start, lex)
            )
            if agent is not None:
                cues.append(Cue(min(cue_start, agent.start), max(agent.end, cue_end),
                                agent.source, agent.sentence_final, agent.src_start,
                                agent.src_end, phrase))  # fmt: skip
            continue  # "Those figures were published": the subject is what, not who
        if step < 0 and lex.sources.head_capitalized:
            walker = _subject_after_verb(text, tokens, (start, end), cue_end, lex) or walker
            if walker.tokens is not tokens:
                step, tokens = 1, walker.tokens
                cue_start = cue_end  # the source follows the verb: "beziffert die Behörde"
        _add(
            cues,
            text,
            walker,
            [t[1] for t in tokens],
            (cue_start, cue_end, step, phrase),
            (start, end),
        )
    cues = [
        c
        for c in cues
        if not _adverb_cue(c, lex) and not _unowned_document(c, lex) and not _own_work(c, lex)
    ]
    cues = [c for c in cues if not _addressed(c, text, end, lex)]
    cues = _one_reading_per_verb(cues, lex)
    cues.extend(_gapped(cues, text, end, lex))
    cues.sort(key=lambda c: c.start)
    return _recorded_only(_speaker_pronouns(cues, text, lex), text, end, lex)


# the figure after the gapped preposition, after at most two qualifier words ("von mehr als 50.000")
_GAPPED_FIGURE = re.compile(r"\s+(?:[^\W\d_]+\s+){0,2}\d")


def _gapped(cues: list[Cue], text: str, end: int, lex: Lexicon) -> list[Cue]:
    """ "Das Ministerium sprach von 4.000 Teilnehmern, die Opposition von mehr als 50.000": after
    a comma a subject and the cue's own preposition, with the verb left out, is a second source
    for what follows (``gapped_cues``)."""
    out = []
    for cue in cues:
        # "sprach am Abend von": the cue word alone, its preposition further on
        links = {
            g.split()[-1] for g in lex.sources.gapped_cues
            if g == cue.phrase or g.startswith(f"{cue.phrase} ")
        }
        if len(links) != 1:
            continue
        link = links.pop()
        pos = text.find(",", cue.end, end)
        while pos >= 0:
            tokens = _tokens(text, pos + 1, end)
            span = _Walker(tokens, lex).walk(0, 1) if tokens else None
            if span is not None and span[0] == tokens[0][1]:
                after = next((k for k, t in enumerate(tokens) if t[1] >= span[1]), None)
                if after is not None and tokens[after][0].lower() == link and after + 1 < len(
                    tokens
                ) and _GAPPED_FIGURE.match(text, tokens[after][2]) is not None:
                    phrase = text[span[0] : span[1]]
                    if _names_body_or_person(phrase, lex) or (
                        phrase.split()[-1].lower() in lex.sources.pointing_heads
                    ):
                        out.append(Cue(span[0], tokens[after][2], phrase, False, *span, cue.phrase))
            pos = text.find(",", pos + 1, end)
    return out


_POSSESSOR = re.compile(r"((?:[^\W\d_][\w.&-]*\s+){0,5}?[^\W\d_][\w.&-]*)['’]s\s")


def _possessor_of_subject(text: str, start: int, lex: Lexicon) -> Cue | None:
    """ "The IMF's latest World Economic Outlook was published on Tuesday": a report in the
    passive without an agent, whose subject is a body's own document, is published by that
    body (English possessive; a body or person, not "Germany's economy")."""
    m = _POSSESSOR.match(text, _first_word(text, start))
    if m is None or lex.sources.head_capitalized:
        return None
    owner = m.group(1)
    if measured_subject(owner, lex) or not _names_body_or_person(owner, lex):
        return None
    return Cue(m.start(1), m.end(1), owner, False, m.start(1), m.end(1))


def _addressed(cue: Cue, text: str, end: int, lex: Lexicon) -> bool:
    """ "told Al Arabiya that ...", "wrote on Telegram that ...", "said Bayern had made ...": the
    phrase after an inverted report verb, followed by a word that opens what was said, is the
    addressee, the medium or the subject of the report, not who reports."""
    src = lex.sources
    if cue.phrase not in src.inverted or cue.phrase in src.before_source_set:
        return False
    if cue.src_start <= cue.start:
        return False  # the reading with the source before the verb
    nxt = WORD.search(text, cue.src_end, end)
    return nxt is not None and nxt.group().lower() in src.complement_starts


def _speaker_pronouns(cues: list[Cue], text: str, lex: Lexicon) -> list[Cue]:
    """ "YouGov said it had interviewed 2,290 adults", "Grandi said he expected ...": a pronoun
    right after a report verb whose source stands before it is that speaker again; the
    speaker, not the pronoun, states what follows."""
    src = lex.sources
    speakers = [
        c for c in cues if c.src_end <= c.end and c.src_start == c.start and c.source.lower()
        not in src.pronouns
    ]  # fmt: skip
    # "Die Ärztin sagte, sie erwarte ...": a comma may stand between (German sets one off)
    out = []
    for cue in cues:
        if cue.source.lower() in src.pronouns and any(
            d.end <= cue.src_start
            and all(
                w.lower() in src.complement_starts or w == ","
                for w in text[d.end : cue.src_start].split()
            )
            for d in speakers
        ):
            continue
        out.append(cue)
    return out


def _recorded_only(cues: list[Cue], text: str, end: int, lex: Lexicon) -> list[Cue]:
    """ "Germany recorded 5.94 million offences, a 5.5% rise, the minister said": the subject of
    a record verb may be only where the figure was recorded; a later cue of the sentence that
    states no figure of its own in its clause says who states it, and the record verb is no
    cue; nor is it when its subject is a country alone ("Germany has recorded 9,500 cases": a
    place; who reported it is found as for a sentence without cues)."""
    record = lex.sources.record_verbs
    if not record:
        return cues
    closing = [
        c for c in cues if c.phrase not in record and not _figure_in_clause(text, c.end, end)
    ]
    return [
        c
        for c in cues
        if not (
            c.phrase in record
            and c.src_end <= c.end
            and (
                any(d.start > c.end for d in closing)
                or measured_subject(c.source, lex)
                or not _recorder(c.source, lex)
            )
        )
    ]


def _recorder(source: str, lex: Lexicon) -> bool:
    """Who can record a count: a pronoun, a describing head ("the agency"), a body or a person;
    not a place or thing named with capitals ("The Western Balkans route recorded 19,000
    crossings"). German capitalises every noun ("Die Analysten zählten"): not judged there."""
    lower = source.lower()
    if lex.sources.head_capitalized or lower in lex.sources.pronouns:
        return True
    if lower.split()[-1] in lex.sources.pointing_heads:
        return True
    return _names_body_or_person(source, lex)


def _in_opened_clause(text: str, start: int, pos: int, lex: Lexicon) -> bool:
    """The cue at ``pos`` stands in a clause opened by a clause opener after a comma (", wie
    die Umfrage des Instituts zeigt")."""
    comma = text.rfind(",", start, pos)
    if comma < 0:
        return False
    words = text[comma + 1 : pos].split()
    return bool(words) and words[0].lower() in lex.sources.clause_openers


def _continuation(cue: Cue, text: str, lex: Lexicon) -> bool:
    """ "den Angaben zufolge", "according to the report": a phrase that continues the previous
    attribution is no cue of its own (the sentence takes the previous source)."""
    words = cue.source.lower().split()
    if len(words) < 2 or cue.source.lower() not in lex.sources.pronouns:
        return False
    if any(w not in lex.sources.generic for w in words if w not in lex.sources.phrase_words):
        return False  # "the report said" names the report
    lo = max(0, cue.start - 40)
    return any(
        m.start() <= cue.src_start and cue.src_end <= m.end()
        for m in lex.regexes.refers_back.finditer(text, lo, cue.end + 40)
    )


# per ``Lexicon`` (the object itself kept, so a freed one's id is never read as another's)
_BOTH_WAYS: dict[int, tuple[Lexicon, tuple[frozenset[str], frozenset[str]]]] = {}


def _read_both_ways(lex: Lexicon) -> tuple[frozenset[str], frozenset[str]]:
    """The report verbs read both ways (before and after the source) and the inverted ones
    that are not, built once per lexicon."""
    entry = _BOTH_WAYS.get(id(lex))
    if entry is None or entry[0] is not lex:
        both = frozenset(lex.sources.before_source_set & lex.sources.after_source_set)
        entry = (lex, (both, frozenset(lex.sources.inverted) - both))
        _BOTH_WAYS[id(lex)] = entry
    return entry[1]


def _one_reading_per_verb(cues: list[Cue], lex: Lexicon) -> list[Cue]:
    """A report verb read both ways ("kündigte", "sagte": the subject before it, or after it in
    verb-second order) keeps one reading: the phrase before it when that names a body or person
    ("Die Regierung in Ankara kündigte ein Programm an"), else the one after it ("Insgesamt
    sagte der Minister"). An inverted verb after an apposition read both ways keeps the phrase
    after it only when that names someone ("Yoo, who attended the briefing, said the agency had
    detected ...": the agency holds the figure; "Andrea Nahles, the agency's head, said the
    number had fallen": she states it, "the number" is what she speaks of)."""
    both, inverted = _read_both_ways(lex)
    drop: set[int] = set()
    for n, ahead in enumerate(cues):
        if ahead.phrase not in both and ahead.phrase not in inverted:
            continue
        verb_end = ahead.start + len(ahead.phrase)
        if ahead.src_start < verb_end:
            continue
        for m, back in enumerate(cues):
            if (
                m != n
                and back.phrase == ahead.phrase
                and back.end == verb_end
                and back.src_end <= ahead.start
            ):
                if ahead.phrase in both:
                    drop.add(n if _names_body_or_person(back.source, lex) else m)
                elif not _names_someone_after(ahead.source, lex):
                    drop.add(n)
    return [c for n, c in enumerate(cues) if n not in drop]


def _names_someone_after(source: str, lex: Lexicon) -> bool:
    """The phrase after an inverted verb names who may hold a figure: a pronoun, a describing
    head ("the agency"), a body or a person."""
    lower = source.lower()
    if lower in lex.sources.pronouns or lower.split()[-1] in lex.sources.pointing_heads:
        return True
    return _names_body_or_person(source, lex)


_CLAUSE_MARK = re.compile(r"[;:]|,(?!\d)")  # not the decimal comma of "1,5 Prozent"


@per_language
def _separable_particles(lex: Lexicon) -> tuple[re.Pattern[str], dict[str, frozenset[str]]]:
    """Any particle of a separable verb as a whole word, and each verb's particles."""
    particles: dict[str, set[str]] = {}
    for verb, particle in lex.sources.separable:
        particles.setdefault(verb, set()).add(particle)
    pattern = re.compile(rf"(?<![\w])(?:{phrase_alternation(particles)})(?![\w])", re.I)
    return pattern, {v: frozenset(p) for v, p in particles.items()}


# ", Karl Menzel," closing the text before a verb: a name of up to four capitalised words set off
# by commas after a phrase.
_APPOSED_BEFORE = re.compile(r"\w\s*,\s*((?:[^\W\d_][\w'’.-]*\s+){0,3}[^\W\d_][\w'’-]*)\s*,$")


def _closes_apposed_name(before: str) -> bool:
    m = _APPOSED_BEFORE.search(before)
    return m is not None and all(w[0].isupper() for w in m.group(1).split())


def _separable_cues(
    text: str, start: int, end: int, lex: Lexicon
) -> list[tuple[int, int, int, str]]:
    """ "Der Verband legte am Dienstag seine Prognose vor", ", fügte sie hinzu": a verb whose
    particle is the last word of its clause. Its source stands before it (or, in verb-second
    order, right after it); after a comma it follows the verb."""
    if not lex.sources.separable:
        return []
    pattern, particles = _separable_particles(lex)
    out = []
    for m in pattern.finditer(text, start, end):
        mark = _CLAUSE_MARK.search(text, m.end(), end)
        clause_end = mark.start() if mark else end
        words = [
            w.group() for w in WORD.finditer(text, m.end(), clause_end) if w.group()[0].isalnum()
        ]
        if not words or words[-1].lower() not in particles[m.group().lower()]:
            continue
        before = text[start : m.start()].rstrip()
        # not the comma closing an apposed name ("Der Beauftragte des Landes, Karl Menzel,
        # stellte die Zahlen vor": the subject stands before the verb)
        inverted = before.endswith(",") and not _closes_apposed_name(before)
        phrase = f"{m.group().lower()} {words[-1].lower()}"
        out.append((m.start(), m.end(), 1 if inverted else -1, phrase))
    return out


def _own_work(cue: Cue, lex: Lexicon) -> bool:
    """ "..., so der Verband unter Berufung auf eine eigene Umfrage", "citing its own survey": a
    relay to the speaker's own work passes nothing on; the speaker states the figure."""
    return cue.phrase in lex.sources.relay and any(
        w in lex.sources.own_words for w in cue.source.lower().split()
    )


def _unowned_document(cue: Cue, lex: Lexicon) -> bool:
    """ "..., hieß es in einer Unterrichtung für Abgeordnete in Seoul": a document or occasion
    opened by an indefinite article and with no owner after it names no one; the sentence
    continues who was named before ("hieß es in einer Mitteilung des Ministeriums" names the
    ministry)."""
    if cue.phrase not in lex.sources.document_cues:
        return False
    words = cue.source.lower().split()
    definite = cue.phrase in lex.sources.definite_document_cues
    if not words or not definite and words[0] not in lex.sources.document_articles:
        return False  # "heißt es in dem Bericht": a description pointing back, as written
    nouns = [i for i, w in enumerate(words) if w in lex.sources.document_nouns]
    if not nouns:
        return False
    if not definite and words[nouns[0]] in lex.sources.audience_occasions:
        return True  # "in einer Sitzung des Ausschusses": the committee only listened
    return not any(w in lex.sources.document_owners for w in words[nouns[0] + 1 :])


def _adverb_cue(cue: Cue, lex: Lexicon) -> bool:
    """An inverted cue that is also an everyday word (", so schlechte Werte habe es ...") is a
    cue only when what follows names a body or person (", so das Ministerium.")."""
    if cue.phrase not in lex.sources.inverted or cue.phrase not in lex.sources.stop_words:
        return False
    if cue.sentence_final or cue.source.lower() in lex.sources.pronouns:
        return False  # ", so Müller." closes the sentence
    return not _names_body_or_person(cue.source, lex)


@per_language
def _tail_cue_pattern(lex: Lexicon) -> re.Pattern[str]:
    src = lex.sources
    plain = {t for t in src.compound_cue_tails if " " not in t}
    linked = [t.split(None, 1) for t in src.compound_cue_tails if " " in t]
    # a closing quotation mark may end the name ("im „Politbarometer“ des ZDF")
    tails = phrase_alternation([*plain, *(t for t, _ in linked)])
    links = phrase_alternation([*src.strip_after_cue, *(k for _, k in linked)])
    return re.compile(
        rf"(?<=[^\W\d_])(?P<cue>(?P<tail>{tails})[“”\"«»]?\s+(?P<link>{links}))(?![\w])",
        re.I,
    )


def _compound_tail_cues(
    text: str, start: int, end: int, lex: Lexicon
) -> list[tuple[int, int, int, str]]:
    """ "im Trendbarometer des Instituts Forsa", "eine Langzeitstudie der Universität": a
    compound ending in a survey noun (``compound_cue_tails``) before an article or "von" names
    its source after it, like "Umfrage des". A tail listed with its link ("trend von") is a cue
    only before that link ("im Sachsentrend von Infratest", not "der Abwärtstrend der Preise")."""
    src = lex.sources
    if not src.compound_cue_tails:
        return []
    plain = {t for t in src.compound_cue_tails if " " not in t}
    out = []
    for m in _tail_cue_pattern(lex).finditer(text, start, end):
        tail, link = m.group("tail").lower(), m.group("link").lower()
        phrase = f"{tail} {link}"
        plain_cue = tail in plain and link in src.strip_after_cue
        if plain_cue or (
            phrase in src.compound_cue_tails and _names_body_after(text, m.end(), end, lex)
        ):
            out.append((m.start("cue"), m.end(), 1, phrase))
    return out


@per_language
def _named_survey_pattern(lex: Lexicon) -> re.Pattern[str]:
    joiner = lex.sources.named_survey_joiner
    # written apart, the name may own the survey and a word or two describe it ("YouGov's
    # weekly poll", "ARD's monthly Deutschlandtrend poll")
    between = r"(?:['’]s)?(?:\s+[^\W\d_][\w-]*){0,2}" if joiner.isspace() else ""
    return re.compile(
        rf"(?<![\w-])(?-i:(?=[A-ZÀ-ÖØ-Þ]))(?P<source>[^\W\d_][\w.&]*)"
        rf"(?P<between>{between}){re.escape(joiner)}"
        rf"(?:{phrase_alternation(lex.sources.named_survey_tails)})(?![\w-])",
        re.I,
    )


def _named_survey_cues(text: str, start: int, end: int, lex: Lexicon) -> list[Cue]:
    """ "in der neuen Forsa-Umfrage", "Eine INSA-Erhebung sieht die AfD bei 20 Prozent": a survey
    noun joined by a hyphen to a known name is stated by that name (the source is the name)."""
    out = []
    for m in _named_survey_pattern(lex).finditer(text, start, end):
        name = m.group("source")
        if not name[0].isupper():
            continue
        found = resolve(name, lex.code)
        apart = m.group("between") and (found.type == "party" or names_country(name, lex))
        if found.known and not apart:
            # not "Labour's poll lead", "Britain's latest survey": what polls measure or where
            out.append(Cue(m.start(), m.end(), name, False, *m.span("source"), COMPOUND))
    return out


@per_language
def _relative_relay_pattern(lex: Lexicon) -> re.Pattern[str]:
    src = lex.sources
    return re.compile(
        rf"(?<![\w-])(?P<cue>{phrase_alternation(src.relative_relay)})\s+"
        rf"(?P<body>[^,.;:]{{2,{_REACH}}}?)\s+"
        rf"(?:{phrase_alternation(src.relative_relay_verbs)})(?![\w-])",
        re.I,
    )


def _relative_relays(text: str, start: int, end: int, lex: Lexicon) -> list[Cue]:
    """ "Nach einem Bericht der Zeitung, die sich auf Militärkreise beruft, ...": the phrase
    between the relative relay and its closing verb holds the figure (a relay cue: the phrase
    before the comma passes it on)."""
    out = []
    for m in _relative_relay_pattern(lex).finditer(text, start, end):
        tokens = _tokens(text, *m.span("body"))
        span = _Walker(tokens, lex).walk(0, 1) if tokens else None
        if span is None or span[1] != m.end("body"):
            continue  # the whole phrase before the verb names the holder, or there is none
        phrase = " ".join(m.group("cue").lower().split())
        out.append(Cue(m.start(), m.end(), text[span[0] : span[1]], False, *span, phrase))
    return out


def _names_body_after(text: str, pos: int, end: int, lex: Lexicon) -> bool:
    """The phrase right after ``pos`` names a body or person ("von Infratest dimap"; not "von
    Aktien")."""
    tokens = _tokens(text, pos, min(end, pos + _REACH))
    span = _Walker(tokens, lex).walk(0, 1) if tokens else None
    return span is not None and _names_body_or_person(text[span[0] : span[1]], lex)


@per_language
def _adjective_cue_pattern(lex: Lexicon) -> re.Pattern[str]:
    src = lex.sources
    return re.compile(
        rf"(?<![\w])(?:{phrase_alternation(src.compound_cue_prepositions)})\s+"
        rf"(?P<source>[^\W\d_][\w-]*)\s+(?:(?P<prefix>[^\W\d_]\w*?)-?)?"
        rf"(?:{phrase_alternation(src.compound_cue_nouns)})(?![\w])",
        re.I,
    )


def _adjective_cues(text: str, start: int, end: int, lex: Lexicon) -> list[Cue]:
    """ "nach ukrainischen Angaben", "laut russischen Schätzungen": a country adjective before a
    cue noun names that country's side as the source."""
    src = lex.sources
    if not src.compound_cue_nouns or not src.compound_cue_prepositions:
        return []
    out = []
    for m in _adjective_cue_pattern(lex).finditer(text, start, end):
        if not m.group("source")[0].islower():
            continue
        if m.group("prefix"):
            # "nach israelischen Militärangaben": the body glued to the cue noun, of that country
            phrase = text[m.start("source") : m.end("prefix")]
            found = resolve(phrase, lex.code)
            if found.claimant and found.country and found.type:
                out.append(
                    Cue(m.start(), m.end(), phrase, False, m.start("source"), m.end("prefix"))
                )
            continue
        found = resolve(m.group("source"), lex.code)
        if found.claimant and found.country:
            out.append(Cue(m.start(), m.end(), m.group("source"), False, *m.span("source")))
    return out


def _inside_name(text: str, pos: int, sentence_start: int) -> bool:
    """A report verb written with a capital inside a sentence belongs to a name."""
    return text[pos].isupper() and pos > _first_word(text, sentence_start)


def _subject_after_verb(
    text: str,
    before: list[tuple[str, int, int]],
    sentence: tuple[int, int],
    cue_end: int,
    lex: Lexicon,
) -> _Walker | None:
    """German verb-second order: "Insgesamt beziffert das Ministerium ...", "Die Verluste
    beziffert die Behörde auf ...". When the phrase before the verb opens the sentence and names
    no institution while the one right after the verb does, the subject follows the verb."""
    back = _Walker(before, lex).walk(len(before) - 1, -1)
    # an object before the verb ("an den Haushaltsausschuss", "Den Schaden"): any phrase after
    # the verb is the subject; an opening phrase that names no body: only a body after it
    object_before = back is not None and _object_phrase(before, back, lex)
    # "Das berichtet ein Forschungsteam ...": a demonstrative alone before the verb is what is
    # reported; the phrase after the verb is who reports it
    opening = [t for t in before if t[1] >= sentence[0]]
    if len(opening) == 1 and opening[0][0].lower() in lex.sources.follow_up:
        object_before = True
    if back is None and opening and opening[0][0].lower() in lex.sources.prepositions:
        object_before = True  # "Für das gesamte Jahr rechnen die Forscher": a phrase, then V2
    if (
        back is not None
        and not object_before
        and (back[0] != _first_word(text, sentence[0]) or _names_body(text[back[0] : back[1]], lex))
    ):
        return None  # a subject before the verb ("Das Ministerium beziffert ...")
    after = _tokens(text, cue_end, min(sentence[1], cue_end + _REACH))
    walker = _Walker(after, lex, after_cue_words=False)
    ahead = walker.walk(0, 1)
    if ahead is not None and back is None and _subject_pronoun(after, ahead, lex):
        return walker  # "Für das kommende Jahr erwartet sie ...": the pronoun is the subject
    if ahead is None or not (object_before or _names_body(text[ahead[0] : ahead[1]], lex)):
        return None
    return walker


def _subject_pronoun(
    tokens: list[tuple[str, int, int]], span: tuple[int, int], lex: Lexicon
) -> bool:
    """The phrase is one pronoun right after the verb that can be a subject ("er", "sie"; not
    the dative "ihm")."""
    if not tokens or (tokens[0][1], tokens[0][2]) != span:
        return False
    word = tokens[0][0].lower()
    return word in lex.sources.pronouns and word in lex.sources.stop_words


def _object_phrase(tokens: list[tuple[str, int, int]], span: tuple[int, int], lex: Lexicon) -> bool:
    """A phrase that cannot be the subject: after a preposition ("an den Haushaltsausschuss",
    "Im Mittel") or opening with a non-nominative article ("den", "dem")."""
    at = next((i for i, t in enumerate(tokens) if t[1] == span[0]), None)
    if at is None:
        return False
    first = tokens[at][0].lower()
    if first in lex.sources.non_subject_articles or first in lex.sources.prepositions:
        return True  # "Den Schaden beziffert", "Nach Angaben des Ministeriums rechnen Experten"
    return at > 0 and tokens[at - 1][0].lower() in lex.sources.prepositions


def _first_word(text: str, start: int) -> int:
    m = WORD.search(text, start)
    return m.start() if m else start


def _names_body(phrase: str, lex: Lexicon) -> bool:
    """A known claimant, an institution type or a describing head ("Behörde", "Fonds")."""
    found = resolve(phrase, lex.code)
    words = phrase.lower().split()
    return found.known or found.type is not None or words[-1] in lex.sources.pointing_heads


def opening_subject(text: str, start: int, end: int, lex: Lexicon) -> Cue | None:
    """The noun phrase opening a sentence when it names a body or a person ("Gesundheitsminister
    Karl Lauterbach will ...", "Die Kieler Ökonomen vom IfW haben ..."): what a following
    continuation ("Nach seiner Einschätzung", Konjunktiv I) or pronoun ("Sie", "Er") refers to
    when the sentence has no attribution cue of its own."""
    tokens = _tokens(text, start, min(end, start + _REACH))
    span = _Walker(tokens, lex).walk(0, 1) if tokens else None
    if span is not None and not lex.sources.head_capitalized:
        span = _before_predicate(tokens, span, lex)
    if span is None or span[1] >= end - 1:
        return None
    phrase = text[span[0] : span[1]]
    described = not lex.sources.head_capitalized and (
        phrase.lower().split()[-1] in lex.sources.pointing_heads
    )  # "The office attributed the growth to ...": a description of a body
    if not described and not _names_body_or_person(phrase, lex):
        return None
    return Cue(span[0], span[1], phrase, False, span[0], span[1], "subject")


def report_subject(text: str, start: int, end: int, lex: Lexicon) -> Cue | None:
    """ "Ihre Studie stützt sich auf Daten aus 20 Jahren", "The survey of 2,505 voters was
    conducted ...": a sentence opening on a determiner (at most one word between) and a report
    noun; the document is the source and points back to who wrote it."""
    src = lex.sources
    if not src.report_subjects:
        return None
    words = [m for m in WORD.finditer(text, start, min(end, start + 40))][:3]
    if len(words) < 2 or words[0].group().lower() not in src.pointing_determiners:
        return None
    for m in words[1:]:
        if m.group().lower() in src.report_subjects:
            return Cue(words[0].start(), m.end(), text[words[0].start() : m.end()], False,
                       words[0].start(), m.end(), "subject")  # fmt: skip
        if m.group()[0].isupper() and lex.sources.head_capitalized or not m.group().isalpha():
            return None  # a noun of its own ("Die Studienautoren") or a sign
    return None


def _before_predicate(
    tokens: list[tuple[str, int, int]], span: tuple[int, int], lex: Lexicon
) -> tuple[int, int] | None:
    """English: the walker also takes lower-case words, so an opening phrase may run into its
    verb ("The office attributed the growth"); it ends before the first lower-case word that is
    no article, source noun or possessive, after which no capitalised word follows and that
    modifies no source noun right after it ("Pentagon press secretary Sabrina Singh declined",
    "The federal statistics agency also" keep "press" and "federal")."""
    inside = [t for t in tokens if span[0] <= t[1] and t[2] <= span[1]]
    src = lex.sources
    nouns = src.head_nouns | src.pointing_heads
    for n, (word, _, _) in enumerate(inside):
        lower = word.lower()
        if (
            n == 0
            or word[0].isupper()
            or lower in src.phrase_words
            or lower in nouns
            or lower.endswith(("'s", "’s"))
        ):
            continue
        if any(t[0][0].isupper() for t in inside[n + 1 :]):
            continue
        run = []  # the lower-case words right after it: "the federal statistics agency"
        for t in inside[n + 1 :]:
            if t[0].lower() in src.phrase_words:
                break
            run.append(t[0].lower())
        if any(w in nouns for w in run):
            continue  # a modifier before its noun
        kept = [t for t in inside[:n] if t[0].lower() not in src.phrase_words or t[0][0].isupper()]
        return (inside[0][1], kept[-1][2]) if kept else None
    return span


def _names_body_or_person(phrase: str, lex: Lexicon) -> bool:
    """A known claimant, an institution type, a person, or an unknown body named with an
    organisation word ("Bauernverband Ostholm"); not "Insgesamt" or "Mehr" opening a sentence."""
    found = resolve(phrase, lex.code)
    if found.known or found.type is not None or found.person:
        return True
    return bool(found.claimant and names_organisation(found.label, lex.code))


def _passive(before: list[tuple[str, int, int]], lex: Lexicon) -> bool:
    """The report verb right after these tokens is passive ("were published", "was reported
    on Monday"): an auxiliary among the words passed over before it."""
    skip, auxiliaries = lex.sources.skip_near_cue, lex.sources.passive_auxiliaries
    for word, _, _ in reversed(before):
        lower = word.lower()
        if lower in auxiliaries:
            return True
        if lower not in skip:
            break
    if not lex.sources.head_capitalized:
        return False
    # German: the auxiliary stands in second place, the participle at the end ("Aus Muş wurden
    # Tote gemeldet"): any auxiliary in the clause before the verb
    for word, _, _ in reversed(before):
        if word in ",;:":
            return False
        if word.lower() in auxiliaries:
            return True
    return False


def _agent(text: str, pos: int, end: int, lex: Lexicon) -> Cue | None:
    """The agent of a passive report verb: the phrase after "by"/"vom" in the same clause, a
    few words on ("published on Wednesday by the UN human rights office")."""
    tokens = _tokens(text, pos, min(end, pos + _REACH))
    for i, (word, _, _) in enumerate(tokens[:8]):
        if word in ",;:":
            return None
        if word.lower() in lex.sources.agent_markers:
            span = _Walker(tokens, lex, after_cue_words=False).walk(i + 1, 1)
            if span is None:
                return None
            final = not text[span[1] : end].strip(" .!?\"“”»«'’)")
            return Cue(tokens[i][1], span[1], text[span[0] : span[1]], final, span[0], span[1])
    return None


def _recipient(text: str, start: int, cue_start: int, lex: Lexicon) -> Cue | None:
    """ "Dem Robert Koch-Institut wurden 612 Fälle gemeldet": a passive report verb whose
    sentence opens on a dative (``recipient_articles``) naming a body or person was reported to
    that body, which states the figure."""
    tokens = _tokens(text, start, cue_start)
    if not tokens or tokens[0][0].lower() not in lex.sources.recipient_articles:
        return None
    span = _Walker(tokens, lex, after_cue_words=False).walk(0, 1)
    if span is None or span[0] != tokens[0][1]:
        return None
    phrase = text[span[0] : span[1]]
    if not _names_body_or_person(phrase, lex) and phrase.split()[-1].lower() not in (
        lex.sources.pointing_heads
    ):
        return None
    return Cue(span[0], span[1], phrase, False, span[0], span[1])


def _passive_agent_before(
    tokens: list[tuple[str, int, int]], lex: Lexicon
) -> tuple[int, int] | None:
    """German passive with the agent before the participle: an auxiliary, then "vom X"."""
    aux = next(
        (i for i, t in enumerate(tokens) if t[0].lower() in lex.sources.passive_auxiliaries), None
    )
    if aux is None:
        return None
    for i in range(aux + 1, len(tokens)):
        if tokens[i][0].lower() in lex.sources.agent_markers:
            span = _Walker(tokens, lex, after_cue_words=False).walk(i + 1, 1)
            if span is not None and _names_body_or_person(
                " ".join(t[0] for t in tokens if span[0] <= t[1] < span[1]), lex
            ):
                return span
    return None


@per_language
def _own_estimate(lex: Lexicon) -> re.Pattern[str]:
    """ "hat seine Wachstumsprognose ... gesenkt", "raised its global growth forecast": a
    possessive before a noun ending in one of ``own_estimate_nouns`` (the subject's own forecast
    or estimate), up to two words between them (a year too: "its 2025 growth forecast")."""
    src = lex.sources
    owners = sorted(src.pointing_determiners - src.phrase_words)
    nouns = src.own_estimate_nouns
    return (
        re.compile(
            rf"(?<![\w])(?:{phrase_alternation(owners)})\s+(?:\w[\w-]*\s+){{0,2}}"
            rf"[^\W\d_]*(?:{phrase_alternation(nouns)})(?![\w])",
            re.I,
        )
        if owners and nouns
        else re.compile(r"(?!x)x")
    )


def _head_before_place(phrase: str, lex: Lexicon) -> str:
    """The head of a source phrase before a place joined to it ("behörden" in "Die Behörden in
    Hessen"), else its last word."""
    words = phrase.lower().split()
    for i, word in enumerate(words[1:], 1):
        if word in lex.sources.place_links:
            return words[i - 1]
    return words[-1]


def _self_references(text: str, start: int, end: int, lex: Lexicon) -> list[Cue]:
    """ "Die Ukraine hat nach eigenen Angaben ...", "Der Fonds hat seine Prognose auf 3 Prozent
    gesenkt": the opening subject of the clause is the source."""
    out = []
    found = [*lex.regexes.self_reference.finditer(text, start, end)]
    owned = [*_own_estimate(lex).finditer(text, start, end)]
    for m in found + owned:
        clause = max(start, text.rfind(";", start, m.start()) + 1)  # "...; die Feuerwehr zählte"
        colon = text.rfind(": ", clause, m.start())
        if colon >= 0 and text[colon + 2 : colon + 3].isupper():
            clause = colon + 2  # "Unwetter in Italien: Die Behörden haben ... korrigiert"
        tokens = _tokens(text, clause, m.start())
        agent = _passive_agent_before(tokens, lex)
        if agent is not None:  # "Die Zahlen wurden vom Statistischen Bundesamt veröffentlicht"
            out.append(Cue(m.start(), m.end(), text[agent[0] : agent[1]], False, *agent))
            continue
        # the subject keeps its article ("Der Verband legte seine Prognose vor")
        walker = _Walker(tokens, lex, after_cue_words=m not in owned)
        span = walker.walk(0, 1) if tokens else None
        if span is not None and not lex.sources.head_capitalized:
            span = _before_predicate(tokens, span, lex)  # "The IMF raised its forecast"
        if span is None:
            continue
        phrase = text[span[0] : span[1]]
        # a subject that names a body or person ("Die Ukraine hat nach eigenen Angaben"), not
        # an adverb opening a passive ("Insgesamt wurden 40 Tote gezählt")
        head = _head_before_place(phrase, lex)
        if head not in lex.sources.pointing_heads and not _names_body_or_person(phrase, lex):
            # "Nach dem Unglück hat die Polizei die Zahl der Verletzten auf 78 korrigiert":
            # an adverbial opens the clause, the subject follows the auxiliary
            german = lex.sources.head_capitalized
            after = _subject_after_auxiliary(text, tokens, lex) if german else None
            if after is None:
                continue
            span, phrase = after, text[after[0] : after[1]]
            head = phrase.lower().split()[-1]
            if head not in lex.sources.pointing_heads and not _names_body_or_person(phrase, lex):
                continue
        if m in found and " " not in m.group().strip() and measured_subject(phrase, lex):
            continue  # "Italien hat 61.000 Migranten registriert": where it was counted, not who
        out.append(Cue(m.start(), m.end(), phrase, False, *span))
    return out


def _add(
    cues: list[Cue],
    text: str,
    walker: _Walker,
    starts: list[int],
    cue: tuple[int, int, int, str],
    sentence: tuple[int, int],
) -> None:
    cue_start, cue_end, step, phrase = cue
    sentence_end = sentence[1]
    if step > 0:
        index = bisect.bisect_left(starts, cue_end)
    else:
        index = bisect.bisect_left(starts, cue_start) - 1
    span = walker.walk(index, step)
    leading = walker.lex.sources.strip_leading
    shared = step < 0 and index >= 0 and walker.tokens[index][0].lower() in leading
    if shared:
        # "X sprach von einem Rückgang und forderte 10 Prozent": the verbs share the subject
        # (found among the sentence's words, not the walker's: the checks below do not apply)
        span = _shared_subject(text, sentence[0], cue_start, walker.lex)
        if span is not None:
            source = text[span[0] : span[1]]
            cues.append(Cue(span[0], cue_end, source, False, span[0], span[1], phrase))
            return
    if span is not None and not shared and step < 0 and phrase in walker.lex.sources.head_nouns:
        first = next(k for k, t in enumerate(walker.tokens) if t[1] == span[0])
        if walker.after_determiner(first):
            span = None  # "its Global Trends report": the cue word is a noun, not a verb
    if span is not None and not shared and step < 0 and _after_agent_marker(walker, span):
        span = None  # "Economists polled by Reuters had forecast": Reuters did not forecast
    if span is not None and _is_unit(text, span, walker.lex):
        span = None  # "vor 180 Litern Regen pro Quadratmeter gewarnt": a unit names no one
    if span is not None and not shared and step < 0 and walker.lex.sources.voice_links:
        span = _voice_before(walker, span)  # "people familiar with the matter said"
    if span is not None and not shared and step < 0:
        span = _split_at_dative(walker, span, phrase)
    if span is not None and not shared and step < 0 and _after_preposition(walker, span):
        span = None  # "wie X auf Telegram mitteilte": the medium or occasion, not who
    if span is None and step < 0:
        span = _after_opener(text, walker, cue_start, _first_word(text, sentence[0]))
    if span is None and step < 0 and 0 <= index < len(walker.tokens) and (
        tuple(phrase.split(" ", 1)) in walker.lex.sources.separable
    ):
        span = _apposition(walker, index)  # "Der Beauftragte des Landes, Karl Menzel, legte"
    if span is None and step < 0:
        span = _apposed_subject(walker, index, _first_word(text, sentence[0]))
    if span is None and step < 0 and walker.lex.sources.head_capitalized:
        span = _perfect_subject(text, walker.lex, sentence, (cue_start, cue_end))
    if span is None and step < 0:  # "the count given on Saturday by the civil protection agency"
        agent = _agent(text, cue_end, sentence_end, walker.lex)
        span = (agent.src_start, agent.src_end) if agent else None
    if span is None and step > 0 and 0 <= index < len(walker.tokens):
        span = _lower_report_by(walker, index)  # "an analysis of satellite images by X"
    if span is None:
        return
    if step > 0:
        span = _report_by(walker, span)
        span = (span[0], _apposed_name(text, span, sentence_end, walker.lex))
    source = text[span[0] : span[1]]
    if source.endswith(".") and not _ABBREVIATION_END.search(source):
        source = source[:-1]
    final = step > 0 and not text[span[0] + len(source) : sentence_end].strip(" .!?\"“”»«'’)")
    cues.append(
        Cue(
            min(cue_start, span[0]),
            max(cue_end, span[1]),
            source,
            final,
            span[0],
            span[0] + len(source),
            phrase,
        )
    )


def _voice_before(walker: _Walker, span: tuple[int, int]) -> tuple[int, int]:
    """ "Two people familiar with the matter said": the phrase before the report verb
    ("the matter") is what a voice before a link knows about; the source runs from that voice
    ("people familiar with the matter", sources.toml voice_links)."""
    tokens = walker.tokens
    first = next(k for k, t in enumerate(tokens) if t[1] == span[0])
    for link in walker.lex.sources.voice_links:
        size = len(link.split())
        words = " ".join(t[0].lower() for t in tokens[max(0, first - size) : first])
        if first > size and words == link:
            voice = walker.walk(first - size - 1, -1)
            if voice is not None:
                return voice[0], span[1]
    return span


def _inverted_source(cues: list[Cue], cue_start: int) -> bool:
    """The inverted reading of the verb at ``cue_start`` found its source after it."""
    return any(c.start == cue_start for c in cues)


def _shared_subject(
    text: str, sentence_start: int, cue_start: int, lex: Lexicon
) -> tuple[int, int] | None:
    """ "Die Sprecherin wollte nichts bestätigen, sagte aber, ...", "X sprach von ... und
    forderte ...": a report verb continuing a predicate shares the clause's opening subject,
    when that names a body or person."""
    tokens = _tokens(text, sentence_start, cue_start)
    span = _Walker(tokens, lex, after_cue_words=False).walk(0, 1) if tokens else None
    if span is None or span[0] != tokens[0][1] or _object_phrase(tokens, span, lex):
        return None
    return span if _names_body_or_person(text[span[0] : span[1]], lex) else None


def _apposition(walker: _Walker, index: int) -> tuple[int, int] | None:
    """ "Der Bürgermeister von Lampedusa, Filippo Mannino, sagte": a role and a person's name
    set off by commas before the report verb; the source is both, from the role on."""
    tokens = walker.tokens
    if index < 3 or tokens[index][0] != ",":
        return None
    name = walker.walk(index - 1, -1)
    at = next((i for i, t in enumerate(tokens) if name and t[1] == name[0]), -1)
    if name is None or at < 2 or tokens[at - 1][0] != ",":
        return None
    role = walker.walk(at - 2, -1)
    if role is None:
        return None
    found = resolve(walker.text_of(role[0], name[1]), walker.lex.code)
    return (role[0], name[1]) if found.person else None


_APPOSED_NAME = re.compile(r",\s*((?:[^\W\d_][\w'’-]*\s+){1,3}[^\W\d_][\w'’-]*)\s*(?=[,.;:])")


def _apposed_name(text: str, span: tuple[int, int], end: int, lex: Lexicon) -> int:
    """ "unter Berufung auf den Gouverneur der Region, Serhij Kowal, ...": a person's name set
    off by commas after a role belongs to the source; where the source ends."""
    m = _APPOSED_NAME.match(text, span[1], end)
    if m is None or not all(w[0].isupper() for w in m.group(1).split()):
        return span[1]
    found = resolve(text[span[0] : m.end(1)], lex.code)
    return m.end(1) if found.person and resolve(m.group(1), lex.code).person else span[1]


def _report_by(walker: _Walker, span: tuple[int, int]) -> tuple[int, int]:
    """ "according to an analysis of shipping data by the research firm Kpler": a lower-case
    phrase after a cue (what was done) followed by an agent marker names its author after it."""
    tokens = walker.tokens
    inside = [k for k, t in enumerate(tokens) if span[0] <= t[1] and t[2] <= span[1]]
    if not inside or any(tokens[k][0][0].isupper() for k in inside):
        return span
    nxt = inside[-1] + 1
    links = walker.lex.sources.agent_markers | walker.lex.sources.report_links
    if nxt + 1 >= len(tokens) or tokens[nxt][0].lower() not in links:
        return span
    agent = _named_agent(walker, nxt + 1)
    return agent if agent is not None else span


def _named_agent(walker: _Walker, at: int) -> tuple[int, int] | None:
    """The phrase from token ``at`` after an agent marker when it names someone (a capitalised
    word or a source noun; "by the end of the year" names no one)."""
    tokens = walker.tokens
    span = _Walker(tokens, walker.lex, after_cue_words=False).walk(at, 1)
    named = span is not None and any(
        t[0][0].isupper() or t[0].lower() in walker.lex.sources.head_nouns
        for t in tokens
        if span[0] <= t[1] and t[2] <= span[1]
    )
    return span if named else None


def _lower_report_by(walker: _Walker, index: int) -> tuple[int, int] | None:
    """ "according to an analysis of satellite images by the Open Source Centre": lower-case
    words (no figure, no punctuation) after a cue, then an agent marker: the agent is the
    source."""
    tokens, markers = walker.tokens, walker.lex.sources.agent_markers
    for k in range(index, min(index + _MAX_WORDS, len(tokens) - 1)):
        word = tokens[k][0]
        if word.lower() in markers and k > index:
            return _named_agent(walker, k + 1)
        if not word.isalpha() or not word.islower():
            return None
    return None


def _split_at_dative(walker: _Walker, span: tuple[int, int], phrase: str) -> tuple[int, int]:
    """German: a phrase walked back from a cue that holds a dative article after a noun ("eine
    Sprecherin dem Handelsblatt", "im Libanon dem Ministerium") is two phrases; before a report
    verb the first is who speaks and the dative the addressee, before a postposition
    ("zufolge") the dative is the source."""
    src = walker.lex.sources
    if not src.head_capitalized or not src.non_subject_articles:
        return span
    inside = [t for t in walker.tokens if span[0] <= t[1] and t[2] <= span[1]]
    for n in range(1, len(inside)):
        word, before = inside[n][0], inside[n - 1][0]
        if word.lower() in src.non_subject_articles and before[0].isupper():
            return (inside[n][1], span[1]) if phrase in src.postpositions else (
                span[0], inside[n - 1][2])
    return span


def _after_preposition(walker: _Walker, span: tuple[int, int]) -> bool:
    """The phrase right before a report verb is a preposition's object ("wie der Gouverneur auf
    Telegram mitteilte", "wie X auf der Hauptversammlung sagte"): where or how it was said, never
    who said it (``sources.prepositions``). A phrase holding a second article is not one
    object ("aus dem Report der Kasse DAK hervorgeht": the genitive names who; "im Libanon dem
    Ministerium zufolge": the walk ran past a phrase before the source)."""
    first = next(k for k, t in enumerate(walker.tokens) if t[1] == span[0])
    if first == 0:
        return False
    src = walker.lex.sources
    before = walker.tokens[first - 1][0].lower()
    if before in src.origin_prepositions and src.head_capitalized and first > 1:
        # "wo 500.000 Menschen aus der Türkei registriert sind": after a noun (German nouns are
        # capitalised) the origin belongs to that noun, not to the report ("Aus Kreisen hieß es")
        noun = walker.tokens[first - 2][0]
        function_words = src.stop_words | src.clause_openers | src.phrase_words
        return noun[:1].isupper() and noun.isalpha() and noun.lower() not in function_words
    if before not in src.prepositions or before in src.agent_markers | src.origin_prepositions:
        return False
    inside = [t[0].lower() for t in walker.tokens[first + 1 :] if t[2] <= span[1]]
    return not any(w in src.pointing_determiners for w in inside)


def _after_agent_marker(walker: _Walker, span: tuple[int, int]) -> bool:
    first = next(k for k, t in enumerate(walker.tokens) if t[1] == span[0])
    return first > 0 and walker.tokens[first - 1][0].lower() in walker.lex.sources.agent_markers


_FIGURE_NEXT = re.compile(r"\s*[$€£]?\d")


def _figure_next(text: str, pos: int, end: int) -> bool:
    return _FIGURE_NEXT.match(text, pos, end) is not None


def _is_unit(text: str, span: tuple[int, int], lex: Lexicon) -> bool:
    """The phrase is the second unit of a compound ("Litern pro Quadratmeter", "per square
    metre"): a per-word (units.toml [compound]) stands right before it."""
    before = text[max(0, span[0] - 8) : span[0]].split()
    if not before or before[-1].lower() not in lex.units.per_words:
        return False
    m = lex.regexes.unit_phrase.match(text, span[0])
    return m is not None and m.end() >= span[1]


def _perfect_subject(
    text: str, lex: Lexicon, sentence: tuple[int, int], cue: tuple[int, int]
) -> tuple[int, int] | None:
    """ "Analysten hatten im Schnitt mit 1,0 Milliarden Euro gerechnet": a report participle
    closing its clause after an auxiliary in second place; the phrase opening the sentence is
    the subject."""
    if not text[cue[1] : cue[1] + 1] or text[cue[1]] not in ".,;:!?":
        return None
    clause = max(sentence[0], text.rfind(";", sentence[0], cue[0]) + 1)  # "...; im April war er"
    tokens = _tokens(text, clause, cue[0])
    if tokens and tokens[-1][0].lower() in lex.sources.clause_openers:
        return None  # ", wie erwartet."
    span = _Walker(tokens, lex, after_cue_words=False).walk(0, 1) if tokens else None
    if span is None:
        return _subject_after_auxiliary(text, tokens, lex)
    # the closing mark of a quoted name is no word ("Der „Kicker“ hatte ... berichtet")
    after = next((t[0].lower() for t in tokens if t[1] >= span[1] and t[0] not in _QUOTES), "")
    auxiliary = after in lex.sources.skip_near_cue and after in lex.sources.stop_words
    auxiliary = auxiliary or after in lex.sources.perfect_auxiliaries  # "X war von 5 ausgegangen"
    return span if auxiliary and after not in lex.sources.not_source else None


def _subject_after_auxiliary(
    text: str, tokens: list[tuple[str, int, int]], lex: Lexicon
) -> tuple[int, int] | None:
    """ "Im Juni hatte sie noch 1,1 Prozent vorhergesagt", "In der Saison hat das Amt 800 Fälle
    registriert": an adverbial opens the clause, the auxiliary stands second, the subject right
    after it (a pronoun, or a phrase naming a body or person)."""
    aux = next(
        (i for i, t in enumerate(tokens) if i and t[0].lower() in lex.sources.perfect_auxiliaries),
        None,
    )
    if aux is None or any(t[0] in ",:" for t in tokens[:aux]):
        return None
    after = tokens[aux + 1 :]
    span = _Walker(after, lex, after_cue_words=False).walk(0, 1) if after else None
    if span is None:
        return None
    if _subject_pronoun(after, span, lex) or _names_body_or_person(text[span[0] : span[1]], lex):
        return span
    return None


def _apposed_subject(walker: _Walker, index: int, first_word: int) -> tuple[int, int] | None:
    """ "Jana Berger, president of the institute, gave ...", "The Robert Koch Institute (RKI),
    Germany's public health agency, has recorded ...": the subject opening the sentence, before
    an apposition set off by commas, is the source."""
    tokens, skip = walker.tokens, walker.lex.sources.skip_near_cue
    i = index
    while i >= 0 and tokens[i][0].lower() in skip:
        i -= 1
    if i < 3 or tokens[i][0] != ",":
        return None
    # the apposition: a few words without a figure ("published on Tuesday", "speaking to the
    # BBC on condition of anonymity")
    at = next((k for k in range(i - 1, max(0, i - 18), -1) if tokens[k][0] == ","), -1)
    if at < 1 or any(t[0][0].isdigit() or t[0] in ";:" for t in tokens[at + 1 : i]):
        return None
    subject = walker.walk(at - 1, -1)
    if subject is None:
        return None
    return subject if subject[0] == first_word or _after_quotation(tokens, subject[0]) else None


def _after_quotation(tokens: list[tuple[str, int, int]], start: int) -> bool:
    """ "„Es ist ernst“, Timo Weber, Leiter des Instituts, sagte": the subject right after a
    quotation closed by its comma and mark."""
    at = next((k for k, t in enumerate(tokens) if t[1] == start), -1)
    if at < 2:
        return False
    before = (tokens[at - 2][0], tokens[at - 1][0])
    return (before[0] == "," and before[1] in _QUOTES) or (
        before[0] in _QUOTES and before[1] == ","
    )


def _after_opener(
    text: str, walker: _Walker, cue_start: int, first_word: int = -1
) -> tuple[int, int] | None:
    """ "..., wie die Wahlleiterin am Montag in Wiesbaden bekanntgab", "Wie der Abgeordnete
    nach einem Treffen mitteilte, ...": when nothing right before the report verb names anyone,
    the phrase after the clause's opener (after a comma or opening the sentence) does."""
    openers = walker.lex.sources.clause_openers
    tokens = [t for t in walker.tokens if t[2] <= cue_start]  # up to the clause's comma
    for i in range(len(tokens) - 1, -1, -1):
        word = tokens[i][0]
        if word in ",;:":
            return None
        if word.lower() in openers and (
            (i > 0 and tokens[i - 1][0] == ",") or tokens[i][1] == first_word
        ):
            return _Walker(tokens, walker.lex, after_cue_words=False).walk(i + 1, 1)
    return None


@per_language
def _briefed_pattern(lex: Lexicon) -> re.Pattern[str]:
    return re.compile(rf"\s*,?\s*(?:{phrase_alternation(lex.sources.briefed_by)})\s+", re.I)


def briefer(text: str, source: Cue, end: int, lex: Lexicon) -> Cue | None:
    """ "Wie der Abgeordnete X nach einer Unterrichtung durch den Dienst mitteilte", "Lawmaker X,
    briefed by the agency, told reporters": who briefed the source, named right after it (the
    holder of the figure; the source passes it on). None when the source is not so followed."""
    if not lex.sources.briefed_by or source.src_end < 0:
        return None
    m = _briefed_pattern(lex).match(text, source.src_end, end)
    if m is None:
        return None
    tokens = [
        (w.group(), w.start(), w.end())
        for w in WORD.finditer(text, m.end(), min(end, m.end() + _REACH))
    ]
    span = _Walker(tokens, lex, after_cue_words=False).walk(0, 1) if tokens else None
    if span is None:
        return None
    return Cue(m.start(), span[1], text[span[0] : span[1]], False, span[0], span[1])


def relay_holder(text: str, sentence_start: int, cue: Cue, lex: Lexicon) -> Cue | None:
    """ "Yonhap news agency, citing the NIS, reported": who passes the figure on is the noun
    phrase right before the relay cue (and its comma)."""
    if cue.phrase in lex.sources.relay_passive:
        # "delegates cited by Reuters": who passes it on follows the cue
        end = text.find(".", cue.end)
        tokens = _tokens(text, cue.end, min(cue.end + _REACH, end if end > 0 else len(text)))
        span = _Walker(tokens, lex).walk(0, 1) if tokens else None
        if span is None:
            return None
        return Cue(cue.start, span[1], text[span[0] : span[1]], False, span[0], span[1])
    if cue.phrase not in lex.sources.relay:
        return None
    lo = max(sentence_start, cue.start - _REACH)
    tokens = _tokens(text, lo, cue.start)
    while tokens and (
        tokens[-1][0] in ",(" or tokens[-1][0] in lex.sources.after_source_set
    ):  # "the AFP news agency reported, citing": the report verb is not part of the name
        tokens.pop()
    if not tokens:
        return None
    span = _Walker(tokens, lex).walk(len(tokens) - 1, -1)
    if span is None:
        return None
    return Cue(span[0], cue.start, text[span[0] : span[1]], False, span[0], span[1])


def pick_source(
    cues: list[Cue],
    claim_start: int,
    claim_end: int,
    text: str = "",
    sentence_end: int = 0,
    relays: frozenset[str] = frozenset(),
) -> Cue | None:
    """The cue that covers a claim: the last one before it, else the first following one that is
    in the claim's clause or closes the sentence ("..., officials said on Tuesday.")."""
    before = [c for c in cues if c.start < claim_start]
    after = [c for c in cues if c.start >= claim_end]
    if after and not text[claim_end : after[0].start].strip():
        return after[0]  # "the 1.1% it predicted", "the 8.5% forecast by economists"
    if before:
        return before[-1]
    if after and not _figure_in_clause(text, after[0].end, sentence_end):
        # "Exports rose 6.7%, customs data showed on Tuesday, well below the 8.5% forecast by
        # economists": the first cue after the figure that states none of its own
        return _inner(after, 0, text, relays)
    for n, cue in enumerate(after):
        same_clause = "," not in text[claim_end : cue.start]
        closes = "," not in text[cue.end : sentence_end] and ";" not in text[cue.end : sentence_end]
        if same_clause or closes:
            return _inner(after, n, text, relays)  # "..., Welt am Sonntag reported, citing ..."
    if after and not _figure_in_clause(text, after[0].end, sentence_end):
        return _inner(after, 0, text, relays)  # "..., NHS England said, up 21% on the week before."
    return None


_DOUBLE_QUOTES = frozenset('„“”"»«')
_DOUBLE_QUOTE = re.compile("[" + "".join(sorted(_DOUBLE_QUOTES)) + "]")


def quoted_speaker(
    cue: Cue, cues: list[Cue], claim_end: int, text: str, sentence: tuple[int, int], lex: Lexicon
) -> Cue | None:
    """'"According to preliminary data, the toll has passed 3,000," the president wrote': a
    data origin named inside a quotation is what the speaker cites; the report verb after the
    closing mark names who states the figure. A body or person inside the quotation stays."""
    start, end = sentence
    if cue.start >= claim_end or cue.start < start:
        return None
    if sum(text.count(q, start, cue.start) for q in _DOUBLE_QUOTES) % 2 == 0:
        return None  # the cue stands outside any quotation
    closing = _DOUBLE_QUOTE.search(text, claim_end, end)
    if closing is None:
        return None
    close = closing.start()
    speaker = next((c for c in cues if c.start > close and c.src_start > close), None)
    if speaker is None or _names_body_or_person(cue.source, lex):
        return None
    return speaker


def _inner(after: list[Cue], n: int, text: str, relays: frozenset[str]) -> Cue:
    """A cue inside the chosen one ("according to traders cited by Bloomberg") or a relay
    right after it ("according to The Athletic, citing sources close to the club") names who
    holds the figure."""
    cue = after[n]
    for nxt in after[n + 1 :]:
        between = text[cue.end : nxt.start]
        if nxt.start < cue.end or _adjunct_only(between, relays, nxt.phrase in relays):
            cue = nxt
        else:
            break
    return cue


# the closing quotation mark of a quoted name may stand before it ("das „Handelsblatt“ unter
# Berufung auf")
_ADJUNCT = re.compile(
    r"[\s,“”\"»«]*(?:[^\W\d_][\w'’-]*\s+){0,3}[^\W\d_][\w'’-]*\s*,\s*|[\s,“”\"»«]*"
)


def _adjunct_only(between: str, relays: frozenset[str], relay: bool) -> bool:
    """A relay follows a report verb with nothing, or a short phrase without a figure closed by
    a comma ("on Monday, ", "in a statement, "), between them: "dpa reported on Monday, citing
    the ministry"; the relay word may open the next cue ("citing figures from the ministry")."""
    words = between.rstrip().rsplit(None, 1)
    if not relay and (len(words) < 2 or words[-1].lower() not in relays):
        return False
    rest = between if relay else words[0] + " "
    return _ADJUNCT.fullmatch(rest) is not None


_CLAUSE_END = re.compile(r"[,;:]")
_DECIMAL = re.compile(r"\d")


def _figure_in_clause(text: str, start: int, end: int) -> bool:
    """A digit between ``start`` and the end of its clause: a cue with a figure of its own
    ("..., while the ministry said wages fell 2%")."""
    m = _CLAUSE_END.search(text, start, end)
    stop = m.start() if m else end
    if _DECIMAL.search(text, start, stop):  # every decimal digit (\d) is a digit
        return True
    part = text[start:stop]
    # the other digits (superscripts, circled figures) are not ASCII
    return not part.isascii() and any(ch.isdigit() for ch in part)


def is_hedged(
    text: str, start: int, end: int, lex: Lexicon, letters: Letters | None = None
) -> bool:
    """A hedge word in the sentence; a capitalised month inside it ("5 May") is not "may".
    The scan tries every position: with the sentence's ``letters`` given, it runs only when
    the sentence holds the first word of a hedge phrase (each stands after a non-word
    character, so its first letters are a whole letter run of the sentence)."""
    if letters is not None and not _may_hold(_cue_words(lex).hedges, letters[1]):
        return False
    for m in lex.regexes.hedge.finditer(text, start, end):
        word = m.group()
        if not (m.start() > start and word[0].isupper() and word.lower() in lex.negatives.months):
            return True
    return False


_REPORTED: dict[tuple[str, ...], re.Pattern[str]] = {}


_LOWER_E = re.compile(r"(?<![\w-])[a-zäöüß]+e(?![\w-])")


def subjunctive_verb(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """A Konjunktiv I of any verb ("In drei Monaten stelle Moskau ...", "Nordkorea liefere",
    "Mittelfristig spare der Konzern"): a lower-case word in -e, not after an article, whose
    lemma is a verb infinitive of that stem ("stellen", "liefern"); where ``sources.toml`` sets
    ``subjunctive_by_lemma``."""
    if not lex.sources.subjunctive_by_lemma:
        return False
    articles = lex.sources.phrase_words
    for m in _LOWER_E.finditer(text, start, end):
        before = text[max(start, m.start() - 12) : m.start()].split()
        if before and before[-1].lower() in articles and _noun_next(text, m.end(), end):
            continue  # "die weitere Entwicklung": an adjective ("Das entspreche etwa": a verb)
        word = m.group()
        lemma = lemmatize(word, lex.code)
        if lemma.islower() and lemma.endswith("n") and lemma != word:
            stem = lemma[:-1]
            if word in (stem, stem + "e") or (lemma.endswith("eln") and word == stem[:-2] + "le"):
                return True
    return False


def _noun_next(text: str, pos: int, end: int) -> bool:
    """The word after ``pos`` is capitalised (a noun after an adjective)."""
    m = WORD.search(text, pos, end)
    return m is not None and m.group()[0].isupper()


def reported_speech_pattern(lex: Lexicon) -> re.Pattern[str]:
    """Words that continue the previous attribution ("Es gebe", "He added that")."""
    words = lex.sources.reported_speech
    if words not in _REPORTED:
        alternation = word_bounded(phrase_alternation(words)) if words else r"(?!x)x"
        _REPORTED[words] = re.compile(alternation, re.I)
    return _REPORTED[words]
