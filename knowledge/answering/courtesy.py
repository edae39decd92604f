"""A message that only thanks ("thanks", "cheers", "that's helpful") gets a short friendly reply
instead of "I don't know". Checked on the cleaned words of the whole message, before it is
read as a question: "thx - knife crime?" has a topic word, so it is a question."""

from __future__ import annotations

from knowledge.answering.types import Thanks
from knowledge.understanding.text import clean, words

THANKING = frozenset({"thanks", "thank", "thankyou", "thx", "ty", "cheers", "ta", "tah", "appreciated"})
GLAD = frozenset({"helpful", "useful", "perfect", "brilliant", "great", "lovely", "super", "excellent"})
"""Words that say the answer helped: the reply is "glad it helped"."""
AROUND = frozenset(
    {
        "you", "so", "very", "much", "many", "lots", "a", "lot", "for", "that", "thats", "this",
        "is", "was", "it", "really", "all", "the", "info", "information", "answer", "help",
        "ok", "okay", "oh", "ah", "nice", "one", "again", "mate", "bot", "just", "i", "needed",
        "indeed", "kind", "of", "both", "quick", "fab", "awesome", "cool", "good", "well", "done",
        "hugely",
    }
)  # fmt: skip
"""Words that go with thanks and ask nothing ("thanks so much for that")."""


def thanks(raw: str) -> Thanks | None:
    """The friendly reply to a message made only of thanks, or None for anything else."""
    said = words(clean(raw))
    if not said or not set(said) & (THANKING | GLAD):
        return None
    if not set(said) <= THANKING | GLAD | AROUND:
        return None
    glad = bool(set(said) & GLAD)
    return Thanks(question=raw, key=None, title="Glad it helped" if glad else "You're welcome", glad=glad)
