"""A title banner: what the map shows, when, and from which source."""

from __future__ import annotations

from branca.element import MacroElement
from jinja2 import Template

from mapper.safe import escape


class MapTitle(MacroElement):
    """Title box at the top centre of the map.

    Parameters
    ----------
    title
        Main line (escaped).
    subtitle
        Second line, e.g. the date range (escaped).
    note
        Small print, e.g. sources and data licences (escaped).
    """

    _template = Template(
        """
        {% macro html(this, kwargs) %}
        <div class="mapper-title" style="position: fixed; top: 10px; left: 50%;
             transform: translateX(-50%); z-index: 1000; background: rgba(255,255,255,0.92);
             padding: 6px 14px; border-radius: 6px; box-shadow: 0 1px 4px rgba(0,0,0,0.35);
             font: 13px/1.4 system-ui, sans-serif; text-align: center; max-width: 70%;">
          <div style="font-weight: 700; font-size: 15px;">{{ this.title }}</div>
          {% if this.subtitle %}<div>{{ this.subtitle }}</div>{% endif %}
          {% if this.note %}<div style="font-size: 11px; color: #555;">{{ this.note }}</div>{% endif %}
        </div>
        {% endmacro %}
        """
    )

    def __init__(self, title: str, subtitle: str = "", note: str = "") -> None:
        super().__init__()
        self._name = "MapTitle"
        self.title = escape(title)
        self.subtitle = escape(subtitle)
        self.note = escape(note)
