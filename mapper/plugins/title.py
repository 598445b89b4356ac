"""A title banner: what the map shows, when, and from which source."""

from __future__ import annotations

from mapper.plugins.raw_element import RawMacroElement
from mapper.safe import escape

# Top left, beside the zoom buttons, leaving the top right to the layer control.
_BOX = ("position: fixed; top: 10px; left: 56px; z-index: 1000; "
        "background: rgba(255,255,255,0.92); padding: 6px 14px; border-radius: 6px; "
        "box-shadow: 0 1px 4px rgba(0,0,0,0.35); font: 13px/1.4 system-ui, sans-serif; "
        "text-align: left; max-width: calc(100% - 440px);")


class MapTitle(RawMacroElement):
    """Title box at the top centre of the map.

    Parameters
    ----------
    title
        Main line.
    subtitle
        Second line, e.g. the date range.
    note
        Small print, e.g. sources and data licences.
    """

    def __init__(self, title: str, subtitle: str = "", note: str = "") -> None:
        super().__init__()
        self._name = "MapTitle"
        self.title, self.subtitle, self.note = title, subtitle, note

    def html(self) -> str:
        parts = [f'<div style="font-weight: 700; font-size: 15px;">{escape(self.title)}</div>']
        if self.subtitle:
            parts.append(f"<div>{escape(self.subtitle)}</div>")
        if self.note:
            parts.append(f'<div style="font-size: 11px; color: #555;">{escape(self.note)}</div>')
        return f'<div class="mapper-title" style="{_BOX}">{"".join(parts)}</div>'
