"""Kind names as headings and filters keep their capitals ("Activities I find hard")."""

from sciajournal.core.kind_names import KIND_NAMES, kinds_name


def test_headings_start_with_a_capital_and_keep_the_rest():
    for kind, (_one, many) in KIND_NAMES.items():
        heading = kinds_name(kind)
        assert heading[0].isupper()
        assert heading[1:] == many[1:]  # capitalize() made "Activities i find hard"


def test_the_psfs_heading_keeps_its_capital_i():
    assert "Activities I find hard" in {kinds_name(kind) for kind in KIND_NAMES}
