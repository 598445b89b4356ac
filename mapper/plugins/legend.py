"""A fixed legend box listing the map's layers with their symbols."""

from __future__ import annotations

from collections.abc import Sequence

from branca.element import MacroElement
from jinja2 import Template

from mapper.safe import escape


class Legend(MacroElement):
    """Legend in the bottom-left corner.

    Parameters
    ----------
    entries
        ``(label, colour, symbol)`` triples; symbol is ``"circle"``, ``"line"`` or ``"area"``.
    title
        Heading of the box.
    """

    _template = Template(
        """
        {% macro html(this, kwargs) %}
        <div class="mapper-legend" style="position: fixed; bottom: 24px; left: 12px;
             z-index: 1000; background: rgba(255,255,255,0.92); padding: 8px 10px;
             border-radius: 6px; box-shadow: 0 1px 4px rgba(0,0,0,0.35);
             font: 12px/1.5 system-ui, sans-serif; max-width: 260px;">
          <div style="font-weight: 600; margin-bottom: 4px;">{{ this.title }}</div>
          {% for label, colour, symbol in this.entries %}
          <div class="mapper-legend-entry">
            {% if symbol == "line" %}
            <span style="display:inline-block; width:22px; height:0; border-top:4px solid {{ colour }};
                  vertical-align:middle; margin-right:6px;"></span>
            {% elif symbol == "area" %}
            <span style="display:inline-block; width:16px; height:12px; background:{{ colour }};
                  opacity:0.45; border:2px solid {{ colour }}; vertical-align:middle;
                  margin-right:6px;"></span>
            {% else %}
            <span style="display:inline-block; width:12px; height:12px; border-radius:50%;
                  background:{{ colour }}; border:1px solid #333; vertical-align:middle;
                  margin-right:6px;"></span>
            {% endif %}{{ label }}
          </div>
          {% endfor %}
        </div>
        {% endmacro %}
        """
    )

    def __init__(self, entries: Sequence[tuple[str, str, str]], title: str = "Legend") -> None:
        super().__init__()
        self._name = "Legend"
        self.title = escape(title)
        self.entries = [(escape(label), escape(colour), symbol) for label, colour, symbol in entries]
