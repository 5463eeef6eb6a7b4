"""Name forms and the keys actors are merged by."""

from __future__ import annotations

from briefgen.extract import names


def test_names_company_form_does_not_tell_organisations_apart():
    assert names.org_key("Tarvo Holdings PLC") == names.org_key("Tarvo") == "tarvo"
    assert names.org_key("the Brenmoor Shipping Co.") == "brenmoor shipping"
    assert names.has_company_form("Tarvo Ltd")
    assert not names.has_company_form("Tarvo Mining")


def test_names_own_acronym_after_the_name_is_dropped():
    assert names.org_key("Keldan Orbital Mining Corporation KOM N.V.") == "keldan orbital mining"
    assert names.org_initials("Keldan Orbital Mining Corporation") == ("KOM", False)


def test_names_spelling_and_ampersand_fold():
    assert names.org_key("Veltran Defence & Space Agency") == names.org_key("Veltran Defense and Space Agency")


def test_names_word_that_is_a_complete_name_is_not_shortened():
    keys = ["brenvik records", "brenvik"]
    assert names.short_org_names(keys) == {"brenvik": "brenvik records"}
    assert names.short_org_names(keys, complete={"brenvik"}) == {}
