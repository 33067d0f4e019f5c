"""The acurefs test suite (a package, so helpers import as ``tests.fake_crossref``)."""
