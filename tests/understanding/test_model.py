"""The decision model: the fitted weights in data/, how they are applied, the evidence they
weigh, and the three outcomes they give."""

import json

import pytest

from handlers.blocks import build_blocks
from knowledge.answering import open_knowledge
from knowledge.render.text import render_text
from knowledge.understanding.evidence import FEATURES, Evidence, evidence
from knowledge.understanding.model import MODEL_FILE, DecisionModel, ModelFileError, Outcome, load_model

NEUTRAL = (0.0,) * len(FEATURES)


def flat(probability_bias: float, answer_at: float, read_as_at: float) -> DecisionModel:
    """A model that gives every question the same probability: sigmoid(bias)."""
    return DecisionModel(probability_bias, NEUTRAL, NEUTRAL, (1.0,) * len(FEATURES), answer_at, read_as_at)


def test_the_fitted_model_in_data_matches_the_features_and_orders_its_thresholds(data_dir):
    model = load_model(data_dir)
    assert len(model.weights) == len(FEATURES)
    assert 0.0 < model.read_as_at <= model.answer_at < 1.0
    stored = json.loads((data_dir / MODEL_FILE).read_text())
    assert stored["cross_validated"]["examples"] > 1000


def test_a_model_fitted_on_other_features_is_refused_with_the_command_to_rebuild_it(tmp_path, data_dir):
    stored = json.loads((data_dir / MODEL_FILE).read_text())
    stored["features"] = stored["features"][:-1]
    (tmp_path / MODEL_FILE).write_text(json.dumps(stored))
    with pytest.raises(ModelFileError, match=r"python -m tools\.fit_decision"):
        load_model(tmp_path)
    with pytest.raises(ModelFileError, match="cannot be read"):
        load_model(tmp_path / "nowhere")


def test_the_probability_splits_into_three_outcomes():
    found = Evidence(NEUTRAL, ())
    assert flat(3.0, 0.9, 0.5).outcome(found)[0] is Outcome.ANSWER  # p = 0.95
    assert flat(0.0, 0.9, 0.5).outcome(found)[0] is Outcome.READ_AS  # p = 0.5
    assert flat(-3.0, 0.9, 0.5).outcome(found)[0] is Outcome.DECLINE  # p = 0.05


def test_a_weight_moves_the_probability_the_way_its_sign_says(data_dir):
    model = load_model(data_dir)
    coverage = FEATURES.index("coverage")
    low, high = list(model.means), list(model.means)
    low[coverage], high[coverage] = 0.3, 1.0
    assert model.probability(Evidence(tuple(high), ())) > model.probability(Evidence(tuple(low), ()))


def test_the_evidence_tells_a_narrowing_word_from_chat(knowledge):
    ctx, reader = knowledge.current()

    def features(question):
        query = reader.read(question)
        return evidence(ctx.language, query, ctx.index.rank(query))

    narrowed = features("knife crime on buses")
    assert narrowed.named()["narrowed"] >= 1 and "buses" in narrowed.unused
    chat = features("what's the domestic violence picture")
    assert chat.named()["narrowed"] == 0 and chat.named()["unheld_everyday"] >= 1
    exact = features("knife crime")
    assert exact.unused == () and exact.named()["coverage"] == pytest.approx(1.0)


@pytest.fixture
def knowledge_deciding(tmp_path, data_dir):
    def make(model: DecisionModel):
        knowledge = open_knowledge(tmp_path / "csp.db", data_dir)
        knowledge.__dict__["decision"] = model  # the model is what is under test
        return knowledge

    return make


def test_a_less_than_sure_answer_says_how_it_was_read_and_offers_the_next_reading(knowledge_deciding):
    answer = knowledge_deciding(flat(0.0, 0.9, 0.5)).ask("knife crime story")
    assert answer.matched and answer.key == "knife-crime"
    assert answer.read_as.unused == ("story",) and answer.read_as.next_reading is not None
    assert "\nI read this as “Knife crime” (I didn't use: “story”).\n" in render_text(answer)
    blocks = build_blocks(answer)
    offered = next(b for b in blocks if b.get("block_id") == "next_reading")
    assert offered["elements"][0]["text"]["text"].startswith("Not that?")


def test_a_sure_answer_names_the_words_it_left_out_but_offers_nothing_else(knowledge_deciding):
    answer = knowledge_deciding(flat(3.0, 0.9, 0.5)).ask("knife crime story")
    assert answer.read_as.unused == ("story",) and answer.read_as.next_reading is None
    assert knowledge_deciding(flat(3.0, 0.9, 0.5)).ask("knife crime").read_as is None


def test_an_unlikely_reading_is_declined_with_choices(knowledge_deciding):
    answer = knowledge_deciding(flat(-3.0, 0.9, 0.5)).ask("knife crime story")
    assert not answer.matched
    assert "knife-crime" in [s.key for s in answer.suggestions]


def test_a_data_folder_without_a_model_uses_the_bots_own(tmp_path, data_dir):
    assert load_model(tmp_path, data_dir) == load_model(data_dir)
