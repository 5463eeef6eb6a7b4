"""KEY CLAIMS: attributed statements, most corroborated first."""

from briefgen.model import Brief
from briefgen.sections import SectionView, cut, register

DEFAULT_MAX = 12


@register("key_claims")
def select(brief: Brief, max_items: int | None) -> SectionView:
    # Fusion already ranks claims by corroboration and speaker salience.
    claims = brief.key_claims
    limit = DEFAULT_MAX if max_items is None else max_items
    return SectionView("key_claims", "Key claims", cut(claims, limit), len(claims))
