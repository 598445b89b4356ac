"""A panel listing the places that could not be located, so none is silently dropped."""

from __future__ import annotations

from collections.abc import Sequence

from mapper.plugins.raw_element import RawMacroElement
from mapper.safe import escape

_BOX = ("position: fixed; bottom: 24px; right: 12px; z-index: 1000; "
        "background: rgba(255,248,230,0.95); padding: 8px 10px; border-radius: 6px; "
        "box-shadow: 0 1px 4px rgba(0,0,0,0.35); font: 12px/1.5 system-ui, sans-serif; "
        "max-width: 280px; max-height: 40%; overflow-y: auto;")


class UnresolvedPanel(RawMacroElement):
    """Bottom-right box: "Not on the map: N places could not be located".

    Parameters
    ----------
    names
        ``(name, incidents)`` pairs: the place as the input named it, and how
        many incidents named it. Nothing is drawn when empty.
    """

    def __init__(self, names: Sequence[tuple[str, int]]) -> None:
        super().__init__()
        self._name = "UnresolvedPanel"
        self.names = list(names)

    def html(self) -> str:
        if not self.names:
            return ""
        count = len(self.names)
        rows = "".join(
            f"<li>{escape(name)}"
            + (f' <span style="color:#555">({n} incident{"s" if n != 1 else ""})</span>' if n else "")
            + "</li>"
            for name, n in self.names
        )
        return (
            f'<div class="mapper-unresolved" style="{_BOX}">'
            f'<div style="font-weight: 600;">Not on the map: {count} '
            f'place{"s" if count != 1 else ""} could not be located</div>'
            f'<ul style="margin: 4px 0 0 16px; padding: 0;">{rows}</ul>'
            f'<div style="font-size: 11px; color: #555;">Never guessed: add them to the '
            f"gazetteer or give coordinates in the table.</div></div>"
        )
