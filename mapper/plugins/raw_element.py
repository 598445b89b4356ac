"""Base class for mapper's map elements: plain Python rendering, never re-templated.

branca wraps the output of every ``MacroElement`` in a new ``Element``, which
compiles that output as a Jinja template a second time. That costs a Jinja
compile per element proportional to its size (large for embedded GeoJSON), and
it would evaluate any ``{{ ... }}`` that reached the output. Elements derived
from :class:`RawMacroElement` build their HTML and JavaScript with ordinary
Python (``json.dumps`` for data) and hand it to the page as is.
"""

from __future__ import annotations

import json
from typing import Any

from branca.element import CssLink, Element, Figure, JavascriptLink, MacroElement


class RawText(Element):
    """Finished HTML/JS text, inserted verbatim."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "RawText"
        self.text = text

    def render(self, **kwargs: Any) -> str:
        return self.text


def js_value(value: Any) -> str:
    """``value`` as a JavaScript literal that is also safe inside a ``<script>`` element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    # "</script>" or "<!--" inside a string literal would end or confuse the script element.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class RawMacroElement(MacroElement):
    """A map element rendered by the methods :meth:`html` and :meth:`script`.

    ``default_js`` / ``default_css``: ``(name, url)`` of the scripts and styles it
    needs in the page head (as in folium's ``JSCSSMixin``; see :mod:`mapper.assets`).
    """

    default_js: list[tuple[str, str]] = []
    default_css: list[tuple[str, str]] = []

    def html(self) -> str:
        """HTML put in the page body (default: none)."""
        return ""

    def script(self) -> str:
        """JavaScript run after the map is built (default: none)."""
        return ""

    def render(self, **kwargs: Any) -> None:
        figure = self.get_root()
        if not isinstance(figure, Figure):
            raise TypeError("render this element inside a folium Map / branca Figure")
        for name, url in self.default_js:
            figure.header.add_child(JavascriptLink(url), name=name)
        for name, url in self.default_css:
            figure.header.add_child(CssLink(url), name=name)
        for part, text in (("html", self.html()), ("script", self.script())):
            if text:
                getattr(figure, part).add_child(RawText(text), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)
