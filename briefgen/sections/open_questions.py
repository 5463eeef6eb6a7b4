"""OPEN QUESTIONS: what is withheld, single-sourced, hedged or disputed."""

from briefgen.model import Brief
from briefgen.sections import SectionView, cut, register

# Disputes and withheld information matter most to a reader; then the rest.
KIND_ORDER = {"disagreement": 0, "denied": 1, "withheld": 2, "unsettled": 3, "single_source": 4, "hedged": 5}


@register("open_questions")
def select(brief: Brief, max_items: int | None) -> SectionView:
    questions = sorted(brief.open_questions, key=lambda q: KIND_ORDER.get(q.kind, 9))
    return SectionView("open_questions", "Open questions", cut(questions, max_items), len(questions))
