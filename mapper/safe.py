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

_JS_TEMPLATE = str.maketrans(
    {"`": "&#96;", "$": "&#36;", "\\": "&#92;", "{": "&#123;", "}": "&#125;"}
)


def escape(value: object) -> str:
    """Text safe in HTML content, a quoted attribute, a JS template literal and a Jinja template."""
    if value is None:
        return ""
    return html.escape(str(value), quote=True).translate(_JS_TEMPLATE)


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
