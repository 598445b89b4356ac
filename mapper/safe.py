"""Escaping of untrusted text (from articles and tables) before it reaches HTML.

folium puts popup and tooltip HTML inside JavaScript template literals
(`` `...` ``), so besides HTML metacharacters the backtick, ``$`` (``${...}``
interpolation) and the backslash must be neutralised too. And folium renders a
popup's HTML a second time as a Jinja template, so braces are escaped as well:
``{{ ... }}`` in an article must stay text, never become template code.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

#: After html.escape: characters that matter to JS template literals and Jinja.
_JS_TEMPLATE = (("`", "&#96;"), ("$", "&#36;"), ("\\", "&#92;"), ("{", "&#123;"), ("}", "&#125;"))
_SEPARATOR = "\x00"  # left alone by escaping, so it can join many values into one


def _escape_text(text: str) -> str:
    text = html.escape(text, quote=True)
    for char, entity in _JS_TEMPLATE:
        if char in text:
            text = text.replace(char, entity)
    return text


def escape(value: object) -> str:
    """Text safe in HTML content, a quoted attribute, a JS template literal and a Jinja template."""
    if value is None:
        return ""
    return _escape_text(str(value))


def escape_many(values: Sequence[str]) -> list[str]:
    """:func:`escape` of every value; one pass over all of them (maps of 100,000 incidents)."""
    if not values:
        return []
    joined = _SEPARATOR.join(values)
    if joined.count(_SEPARATOR) != len(values) - 1:  # a value holds the separator itself
        return [_escape_text(v) for v in values]
    return _escape_text(joined).split(_SEPARATOR)


def safe_url(url: object) -> str:
    """An escaped http(s) URL, or "" for anything else (``javascript:``, ``data:``...)."""
    text = str(url or "").strip()
    if not text.lower().startswith(("http://", "https://")):
        return ""
    return escape(text)


def hex_colour(value: str) -> str:
    """``value`` if it is a CSS hex colour (``#rgb`` .. ``#rrggbbaa``), else ValueError.

    Colours are written into styles and scripts unescaped, so only this form is accepted.
    """
    if not re.fullmatch(r"#[0-9a-fA-F]{3,8}", value):
        raise ValueError(f"colour must be a CSS hex colour, not {value!r}")
    return value
