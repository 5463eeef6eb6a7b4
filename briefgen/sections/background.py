"""BACKGROUND: the dated timeline of what came before."""

from briefgen.model import Brief
from briefgen.sections import SectionView, cut, register


@register("background")
def select(brief: Brief, max_items: int | None) -> SectionView:
    events = brief.background  # fusion sorts by date, undated last
    undated = [s.id for s in brief.sources if s.published is None]
    note = ""
    if undated:
        note = (f"{', '.join(undated)} carry no publication date: relative dates there "
                "(\"last year\", \"in March\") are left unresolved.")
    return SectionView("background", "Background", cut(events, max_items), len(events), note)
