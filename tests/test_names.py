from hypothesis import given
from hypothesis import strategies as st

from mapper.names import normalize


def test_variants_share_a_key():
    assert normalize("D-Chowk") == normalize("d chowk") == normalize("D  CHOWK") == "d chowk"
    assert normalize("Aiwan-e-Sadr") == "aiwan e sadr"
    assert normalize("Peshāwar") == "peshawar"
    assert normalize("The Red Zone") == "red zone"
    assert normalize("Chungi No. 26") == "chungi no 26"


def test_apostrophes_are_dropped_not_split():
    assert normalize("Prime Minister's House") == normalize("Prime Ministers House")


def test_nothing_left():
    assert normalize(" -- ") == ""


@given(st.text())
def test_normalize_is_idempotent(text):
    key = normalize(text)
    assert normalize(key) == key
