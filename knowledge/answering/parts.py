"""Messages of more than one part: several things asked at once, or one question set among
other sentences ("Hi, I'm preparing for Thursday's board. Can you give me the knife crime
figure? Thanks"). The parts come read in the query; nothing here reads text again."""

from __future__ import annotations

from dataclasses import replace

from knowledge.answering import compose
from knowledge.answering.context import Context
from knowledge.answering.notes import finished
from knowledge.answering.route import answer_query, parts_timed_apart
from knowledge.answering.types import (
    ActionsDocumentAnswer,
    Answer,
    Declined,
    DeliverablesDocumentAnswer,
    IndicatorListAnswer,
    PrioritiesDocumentAnswer,
    SeveralAnswer,
    declined_because,
)
from knowledge.domain.models import Kind
from knowledge.understanding import decide
from knowledge.understanding.query import Query
from knowledge.understanding.reader import DIRECTIONS, REFERRING, numbers_told
from knowledge.understanding.text import words

DIRECTION_LISTS = frozenset({"list:up", "list:down", "list:better", "list:worse"})
MAX_PARTS = 3
"""The most things one message may ask for and be answered part by part."""
ASKING_WORDS = frozenset({"how", "what", "which", "who", "when", "where", "why", "whats", "hows"})
"""Words that make a part of a message a question of its own ("…, also how many murders")."""
WHOLE_COVERAGE = decide.WHOLE_COVERAGE


def leaves_a_part_out(ctx: Context, query: Query, answer: Answer) -> bool:
    """The answer holds too little of the question to be all it asks: "knife crime and the
    VAWG charter" finds the charter, whose four words outweigh knife crime's two. The police
    categories an indicator counts are its words too: "residential and business burglary"
    asks for all of Total burglary."""
    if answer.key not in ctx.index.entries or len(query.parts) < 2:
        return False
    if ctx.index.entry_coverage(query, answer.key) >= WHOLE_COVERAGE:
        return False
    return _coverage_with_categories(ctx, query, answer.key) < WHOLE_COVERAGE


def _coverage_with_categories(ctx: Context, query: Query, key: str) -> float:
    index = ctx.index
    held = set(index.held_by[index.entry_number[key]])
    for crime in ctx.crime_types.values():
        if crime.held_as == key and crime.key in index.entry_number:
            held |= index.held_by[index.entry_number[crime.key]]
    total = sum(query.weights.values())
    return sum(w for t, w in query.weights.items() if t in held) / total if total else 0.0


def several_things(ctx: Context, query: Query, whole: Answer | None = None) -> Answer | None:
    """One answer for each thing a message asks for ("robbery. also what's the PTF?"), when
    every part is answered on its own, about different things, and the parts that are not
    answered are only the way the message is put. `whole`, the answer to the whole message,
    must be one of them: otherwise it read the message another way."""
    asked: dict[str, Answer] = {}
    declined: list[tuple[Query, Declined]] = []
    for read in query.parts:
        answer = finished(ctx, read, answer_query(ctx, read))
        if not answer.matched:
            # A part the bot knows it does not hold ("shoplifting"), or narrowed to what it
            # does not know ("youth violence in schools"), is no part of an answer.
            if declined_because(answer) or narrowed_to_the_unknown(ctx, read):
                declined.append((read, replace(answer, question=query.raw)))
                continue
            if read.unknown:
                return None
            continue
        if answer.kind is Kind.HELP or read.only_everyday_words or _says_only_what_is_counted(read):
            continue
        if _tells_a_figure(read, ctx.numbers_in_names):
            continue  # "… - we had about 190, didn't we?" checks a figure of the topic asked
        asked.setdefault(answer.key or "", replace(answer, question=query.raw))
    directed = _without_directions_of_the_others(asked)
    asked, direction_asked = _without_documents_of_another(directed), len(directed) < len(asked)
    if declined:
        return _answered_beside_declined(ctx, query, asked, declined)
    if direction_asked and len(asked) == 1:
        return next(iter(asked.values()))  # "sexual offences in 2022/23 - up or down?"
    if not 2 <= len(asked) <= MAX_PARTS or (whole is not None and whole.key not in asked):
        return None
    answers = list(asked.values())
    if all(a.kind is Kind.INDICATOR for a in answers) and not parts_timed_apart(query):
        return compose.indicators_side_by_side(ctx, query, list(asked))
    return _several(query, answers)


def indicators_asked_apart(ctx: Context, query: Query, whole: Answer) -> Answer | None:
    """Each part of the message asks for an indicator of its own, and the whole message found
    one of them: "ASB calls and repeat callers", "online ASB reports and the drug-related
    online ones". Two names sharing words make the longer one look like all that is asked;
    the parts say two are. Only parts a joining word ("and", "plus") makes count: a sentence
    apart may be the setting ("robbery last month - we had about 190 didn't we?"). None unless
    every answer is an indicator."""
    joined = len(query.parts) > max(len(query.clauses), 1) or any(
        c.joins_the_one_before for c in query.clauses
    )
    if whole.kind is not Kind.INDICATOR or not joined or not _parts_lead_elsewhere(ctx, query, whole):
        return None
    answer = several_things(ctx, query, whole)
    return answer if isinstance(answer, IndicatorListAnswer) else None


def _without_documents_of_another(asked: dict[str, Answer]) -> dict[str, Answer]:
    """ "Strategic plan 2018-21: what's the deliverable on supporting victims?": a document
    holding another thing asked is where to find it, not a second thing asked."""
    held = {key: _held_in(answer) for key, answer in asked.items()}
    return {key: a for key, a in asked.items() if not held[key] & (asked.keys() - {key})}


def _without_directions_of_the_others(asked: dict[str, Answer]) -> dict[str, Answer]:
    """ "ASB repeat callers & 101 calls: which went up?": which way asked beside indicators
    named asks it of them, whose answers show it, not of every indicator."""
    named = [a for a in asked.values() if a.kind is Kind.INDICATOR]
    if not named:
        return asked
    return {key: a for key, a in asked.items() if key not in DIRECTION_LISTS}


def _held_in(answer: Answer) -> set[str]:
    if isinstance(answer, DeliverablesDocumentAnswer):
        return {deliverable.key for deliverable in answer.deliverables}
    if isinstance(answer, ActionsDocumentAnswer):
        return {action.key for action, _ in answer.actions}
    if isinstance(answer, PrioritiesDocumentAnswer):
        return {priority.key for priority in answer.priorities}
    return set()


def _parts_lead_elsewhere(ctx: Context, query: Query, whole: Answer) -> bool:
    """Some part, ranked alone, leads with an indicator other than the whole message's: a
    ranking is cheap beside answering every part, which most messages need not."""
    for part in query.parts:
        ranked = ctx.index.rank(part) if part.tokens else []
        if ranked and ranked[0].entry.key != whole.key and ranked[0].entry.kind is Kind.INDICATOR:
            return True
    return False


COUNTED = frozenset({"offenc", "crime", "incid", "report", "call", "case", "polic"})
"""Stems of what any indicator counts, and who records it: a part saying only these ("abuse by
a partner - how many offences did police record in 2017?") asks the count of the topic named
before it, not a topic of its own (hate crime's "offences reported to police")."""


def _says_only_what_is_counted(read: Query) -> bool:
    return bool(read.tokens) and set(read.tokens) <= COUNTED


def _several(query: Query, answers: list[Answer]) -> SeveralAnswer:
    keys = [a.key or "none" for a in answers]
    titles = " · ".join(a.title for a in answers)
    key = "several:" + "+".join(keys)
    return SeveralAnswer(question=query.raw, key=key, title=titles, parts=tuple(answers))


def _answered_beside_declined(
    ctx: Context, query: Query, asked: dict[str, Answer], declined: list[tuple[Query, Declined]]
) -> Answer:
    """The parts answered, and beside them why the others are not, where no declined part can
    be about the answered ones too: a police category not held is a topic of its own
    ("shoplifting and knife crime"); a period not held that its part names, beside parts
    that name their own time or hold no figure ("knife crime in 2020 and the VAWG charter").
    A place or a narrowing ("robbery and burglary in Bow") may be of every part: the whole
    message is declined."""
    first = declined[0][1]
    if not asked or len(asked) + len(declined) > MAX_PARTS:
        return first
    others_timed = all(a.kind is not Kind.INDICATOR for a in asked.values()) or parts_timed_apart(query)
    for read, answer in declined:
        if narrowed_to_the_unknown(ctx, read):
            return first
        own_topic = answer.topic_of_its_own
        own_period = answer.period_not_held is not None and read.period is not None and others_timed
        if not (own_topic or own_period):
            return first
    return _several(query, [*asked.values(), *(answer for _, answer in declined)])


def answer_one_part(ctx: Context, query: Query) -> Answer | None:
    """The answer to the one part of a long message that asks about something, when the
    other parts are only its setting; None when no part does, when two parts ask about
    different things, or when a part the bot cannot answer may narrow the question (a word
    it does not know after "in", "by"…: "broken down by ward"; or with "only") or names
    something it knows it does not hold."""
    if len(query.clauses) < 2:
        return None
    asking: list[tuple[Query, Answer]] = []
    setting: list[Query] = []
    for read in query.clauses:
        answer = answer_query(ctx, read)
        if not answer.matched and (declined_because(answer) or _may_narrow(ctx, read)):
            return None
        # A part of everyday words alone ("right?") is how the message is put.
        if answer.matched and answer.kind is not Kind.HELP and not read.only_everyday_words:
            asking.append((read, answer))
        else:
            setting.append(read)
    asking, setting = _figures_told_are_setting(ctx, asking, setting)
    if not asking or len({answer.key for _, answer in asking}) > 1:
        return None
    read = asking[0][0]
    if read.time is None and read.period is None:
        # "…the SYV numbers, both years if possible": the time is said in another part; not
        # in one telling a figure, when another names a time ("830 in 2018. what was 2017?").
        timed_parts = [s for s in setting if s.time or s.period]
        named = ctx.numbers_in_names
        asked = [s for s in timed_parts if not _tells_a_figure(s, named)] or timed_parts
        timed = asked[0] if asked else None
        if timed is not None:
            read = replace(
                read,
                time=timed.time,
                period=timed.period,
                period_text=timed.period_text,
                comparison=timed.comparison or read.comparison,
            )
            return answer_query(ctx, replace(read, raw=query.raw))
    return replace(asking[0][1], question=query.raw)


def _figures_told_are_setting(
    ctx: Context, asking: list[tuple[Query, Answer]], setting: list[Query]
) -> tuple[list[tuple[Query, Answer]], list[Query]]:
    """ "knife crime in 2018 - we had about 190, didn't we?": a part telling a figure is one to
    check, of the topic another part asks, not a topic of its own ("190" is a figure of drug
    arrests). Where only parts telling a figure ask ("we had 320 burglaries in March? that
    feels high"), they are what is asked."""
    named = ctx.numbers_in_names
    untold = [(read, answer) for read, answer in asking if not _tells_a_figure(read, named)]
    if not untold or len(untold) == len(asking):
        return asking, setting
    return untold, setting + [read for read, _ in asking if _tells_a_figure(read, named)]


def asked_beside_a_figure_told(ctx: Context, query: Query) -> Answer | None:
    """ "we had 830 knife crimes last year, what about robbery", "we arrested 190 - how many
    were charged?": a part telling a figure is the setting of the part that asks, which is
    answered alone, for the time told when it names none. None unless one part tells a figure
    and one other asks, about something else, and is answered."""
    if len(query.clauses) < 2 or not any(c.isdigit() for c in query.raw):
        return None
    named = ctx.numbers_in_names
    told = [c for c in query.clauses if _tells_a_figure(c, named)]
    asking = [
        c
        for c in query.clauses
        if c not in told and (set(words(c.raw)) & ASKING_WORDS or c.intents & DIRECTIONS) and c.has_words
    ]
    if len(told) != 1:
        return None
    if len(asking) != 1:
        return _the_time_not_told(ctx, query, told[0])
    read, setting = asking[0], told[0]
    after = _after_the_time_told(ctx, query, read, setting) if not read.tokens else None
    if after is not None:
        return after  # "has that got worse?", "what is it now?": of the topic told, after it
    if read.time is None and read.period is None and (setting.time or setting.period):
        read = replace(
            read, time=setting.time, period=setting.period, period_text=setting.period_text, span=setting.span
        )
    answer = answer_query(ctx, read)
    told_topic = answer_query(ctx, setting)
    asked_time = _times_of(asking[0])
    if not answer.matched and told_topic.matched and asked_time:
        # "574 repeat callers for 2017 - what's the figure for this year?": the topic told, for
        # the time asked.
        answer = answer_query(ctx, replace(setting, **asked_time))
        return replace(answer, question=query.raw) if answer.key == told_topic.key else None
    if not answer.matched or answer.kind is Kind.HELP or answer.key == told_topic.key:
        return _the_time_not_told(ctx, query, setting) or _after_the_time_told(ctx, query, asking[0], setting)
    return replace(answer, question=query.raw)


def _after_the_time_told(ctx: Context, query: Query, asking: Query, setting: Query) -> Answer | None:
    """ "we only had 257 online ASB reports in 2017, what did it jump to?", "309 SYV offences in
    2017 - has that got worse?", "… what's the latest?": the part asking points back at the
    topic told, or names none, and no time of its own but the latest; the asker has the figure
    for the time told, and asks what came after it: the latest figure, set against the one
    before."""
    asks_a_time = _times_of(asking) and not (asking.time == "latest" and asking.period is None)
    points_back = set(words(asking.raw)) & REFERRING or asking.intents & DIRECTIONS or not asking.tokens
    if not points_back or asks_a_time:
        return None
    if not _times_of(setting):
        return None
    told = answer_query(ctx, setting)
    if told.kind is not Kind.INDICATOR:
        return None
    latest = replace(setting, time=None, period=None, period_text=None, span=None, comparison=None)
    answer = answer_query(ctx, latest)
    return replace(answer, question=query.raw) if answer.key == told.key else None


def _the_time_not_told(ctx: Context, query: Query, setting: Query) -> Answer | None:
    """ "knife crime - 830 in 2018 by my notes. what was 2017?", "SYV: 320 is what I've got
    for 2018 - and 2017?": the message names two times, and tells the figure for one; the
    other is asked, of the topic the whole message names, not set against the one told."""
    told_time = _times_of(setting)
    timed = [_times_of(c) for c in query.clauses if c is not setting and _times_of(c)]
    if not told_time or len(timed) != 1 or timed[0]["period"] == told_time["period"]:
        return None
    whole = answer_query(ctx, query)
    if whole.kind is not Kind.INDICATOR:
        return None
    answer = answer_query(ctx, replace(query, **timed[0]))
    return replace(answer, question=query.raw) if answer.key == whole.key else None


def _times_of(read: Query) -> dict:
    """The time a part asks for, as fields of a query; empty when it names none."""
    if read.time is None and read.period is None and read.span is None:
        return {}
    return {
        "time": read.time,
        "period": read.period,
        "period_text": read.period_text,
        "span": read.span,
        "comparison": read.comparison,
    }


def _tells_a_figure(read: Query, named: frozenset[str]) -> bool:
    """A part that says a figure and asks nothing ("we had 830 knife crimes last year"); a
    number in a name ("ASB calls to 101") or a year is no figure."""
    typed = words(read.raw)
    counts = numbers_told(read.raw, named)
    asks = any(
        w in ASKING_WORDS and (i == 0 or typed[i - 1] not in _SAYING_IT_IS) for i, w in enumerate(typed)
    )
    return bool(counts) and not asks


_SAYING_IT_IS = frozenset({"is", "was", "s", "thats", "are", "were"})
"""Words before "what" that tell rather than ask: "320 is what I've got", "that's what we had"."""


def _may_narrow(ctx: Context, read: Query) -> bool:
    """A part with a word the bot does not know that may be what is asked: a bare phrase
    ("knife crime, schools"), a question of its own, or a word that narrows."""
    if not read.unknown:
        return False
    typed = words(read.raw)  # the clause as typed, speaker and all
    bare = not (set(typed) & ctx.language.stopwords or read.intents or read.time)
    return bare or bool(set(typed) & ASKING_WORDS) or narrowed_to_the_unknown(ctx, read)


def narrowed_to_the_unknown(ctx: Context, query: Query) -> bool:
    """A word the bot does not know places or narrows the question ("… in schools", "by
    ward", "girls only"): whatever it holds about the rest, it holds nothing for that."""
    if not query.unknown:
        return False
    typed = words(query.text)
    if set(typed) & ctx.language.limiting:
        return True
    introducers = ctx.language.placing | ctx.language.narrowing
    return any(ctx.language.placed(typed, word, introducers) for word in query.unknown)
