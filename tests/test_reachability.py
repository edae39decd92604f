"""Every figure and fact in the seed can be reached by asking for it in its own words."""

from knowledge.datafiles import load_seed
from knowledge.render.text import render_text


def seed_texts(data_dir):
    """(text, the name of the entry that holds it): each fact, output, deliverable and status."""
    seed = load_seed(data_dir)
    for priority in seed.plans.csp_priorities.priorities:
        yield from ((d, priority.name) for d in priority.key_deliverables)
    for deliverable in seed.plans.strategic_plan.deliverables:
        yield deliverable.text, deliverable.text
        yield from ((o, deliverable.text) for o in deliverable.example_outputs)
    for action in seed.plans.manifesto.actions:
        yield action.commitment, action.commitment
        yield action.status, action.commitment
    for group in seed.facts.groups:
        for topic in group.topics:
            yield topic.title, topic.title
            yield from ((f, topic.title) for f in topic.facts)


def test_every_fact_is_answered_by_asking_for_it_or_its_entry(knowledge, data_dir):
    """Asked in its own words, a fact may come back from another entry that holds it too
    (the VAWG Charter's publication is an output and an action's status): then asking for
    the entry it belongs to must show it."""
    missed = []
    texts = list(seed_texts(data_dir))
    for text, entry_name in texts:
        if not any(text in render_text(knowledge.ask(q)) for q in (text, entry_name)):
            missed.append(text)
    assert missed == []
    assert len(texts) > 80


def test_most_facts_are_answered_by_their_own_words(knowledge, data_dir):
    texts = [text for text, _ in seed_texts(data_dir)]
    direct = [t for t in texts if t in render_text(knowledge.ask(t))]
    assert len(direct) >= len(texts) - 2


def test_every_indicator_is_answered_by_its_name_with_its_figures(knowledge, data_dir):
    for indicator in load_seed(data_dir).indicators.indicators:
        answer = knowledge.ask(indicator.name)
        assert answer.key == indicator.key, indicator.name
        text = render_text(answer)
        for figure in indicator.figures:
            assert f"{figure.value:,.0f}" in text, (indicator.key, figure.value)
