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

from branca.element import Element, Figure, MacroElement


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
    """A map element rendered by the methods :meth:`html` and :meth:`script`."""

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
        for part, text in (("html", self.html()), ("script", self.script())):
            if text:
                getattr(figure, part).add_child(RawText(text), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)
