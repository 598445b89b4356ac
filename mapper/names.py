"""Place-name normalisation shared by every geocoder and matcher.

Two spellings that only differ in case, accents, hyphens, apostrophes or
spacing normalise to the same key: ``"D-Chowk"``, ``"d chowk"`` and
``"D  Chowk"`` all become ``"d chowk"``.
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = re.compile(r"[\u0027\u2018\u2019\u02bc\u0060\u00b4]")
_NON_WORD = re.compile(r"[^\w]+")
_LEADING_ARTICLE = re.compile(r"^(?:the )+")


def normalize(name: str) -> str:
    """Return the matching key of a place name.

    Parameters
    ----------
    name
        A place name as written anywhere (report, table, gazetteer).

    Returns
    -------
    str
        Lower-case ASCII-folded words separated by single spaces, without a
        leading "the"; empty if the name has no letters or digits.
    """
    # Case-folding can produce new decomposable characters, hence NFKD on both sides.
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", name).casefold())
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    folded = _APOSTROPHES.sub("", folded)
    words = _NON_WORD.sub(" ", folded).replace("_", " ").strip()
    return _LEADING_ARTICLE.sub("", " ".join(words.split()))
