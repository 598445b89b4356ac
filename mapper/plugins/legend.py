"""A fixed legend box listing the map's layers with their symbols."""

from __future__ import annotations

from collections.abc import Sequence

from mapper.plugins.raw_element import RawMacroElement
from mapper.safe import escape

_BOX = ("position: fixed; bottom: 44px; left: 12px; z-index: 1000; "  # above the scale bar
        "background: rgba(255,255,255,0.92); padding: 8px 10px; border-radius: 6px; "
        "box-shadow: 0 1px 4px rgba(0,0,0,0.35); font: 12px/1.5 system-ui, sans-serif; "
        "max-width: 260px;")
_SYMBOLS = {
    "line": "display:inline-block; width:22px; height:0; border-top:4px solid {c}; "
            "vertical-align:middle; margin-right:6px;",
    "area": "display:inline-block; width:16px; height:12px; background:{c}; opacity:0.45; "
            "border:2px solid {c}; vertical-align:middle; margin-right:6px;",
    "circle": "display:inline-block; width:12px; height:12px; border-radius:50%; "
              "background:{c}; border:1px solid #333; vertical-align:middle; margin-right:6px;",
}


class Legend(RawMacroElement):
    """Legend in the bottom-left corner.

    Parameters
    ----------
    entries
        ``(label, colour, symbol)`` triples; symbol is ``"circle"``, ``"line"`` or ``"area"``.
    title
        Heading of the box.
    """

    def __init__(self, entries: Sequence[tuple[str, str, str]], title: str = "Legend") -> None:
        super().__init__()
        self._name = "Legend"
        self.title = title
        self.entries = list(entries)

    def html(self) -> str:
        rows = "".join(
            f'<div class="mapper-legend-entry"><span style="'
            f'{escape(_SYMBOLS.get(symbol, _SYMBOLS["circle"]).format(c=colour))}"></span>'
            f"{escape(label)}</div>"
            for label, colour, symbol in self.entries
        )
        return (f'<div class="mapper-legend" style="{_BOX}">'
                f'<div style="font-weight: 600; margin-bottom: 4px;">{escape(self.title)}</div>'
                f"{rows}</div>")
