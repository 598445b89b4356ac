"""A slider over the incidents' dates: show one day, or every day up to it.

Works on the :class:`~mapper.plugins.IncidentLayer` layers (they register
themselves in ``window.mapperDatedLayers`` and take a date filter). Incidents are
removed from and put back into their own layer, so the layer control still
switches whole layers, and popups keep working. Incidents without a date are
always shown. No extra JavaScript library: one range input.
"""

from __future__ import annotations

from collections.abc import Iterable

from mapper.plugins.raw_element import RawMacroElement, js_value
from mapper.safe import escape

_BOX = ("position: fixed; bottom: 24px; left: 50%; transform: translateX(-50%); z-index: 1000; "
        "background: rgba(255,255,255,0.92); padding: 6px 12px; border-radius: 6px; "
        "box-shadow: 0 1px 4px rgba(0,0,0,0.35); font: 12px/1.5 system-ui, sans-serif; "
        "min-width: 260px; text-align: center;")


class TimeSlider(RawMacroElement):
    """A date slider in the bottom centre of the map.

    Parameters
    ----------
    dates
        The dates (ISO ``YYYY-MM-DD``) the slider steps through; duplicates and
        empty values are dropped, the rest sorted.
    """

    def __init__(self, dates: Iterable[str]) -> None:
        super().__init__()
        self._name = "TimeSlider"
        self.dates = sorted({d for d in dates if d})

    def html(self) -> str:
        if not self.dates:
            return ""
        return (
            f'<div class="mapper-time" style="{_BOX}">'
            f'<div><b>Date:</b> <span class="mapper-time-label">All dates</span></div>'
            f'<input class="mapper-time-range" type="range" min="0" max="{len(self.dates)}" '
            f'value="0" step="1" style="width: 100%;" aria-label="Date">'
            f'<label><input class="mapper-time-cumulative" type="checkbox"> '
            f"and the days before</label>"
            f'<div style="font-size: 11px; color: #555;">{escape(self.dates[0])} to '
            f"{escape(self.dates[-1])} · left end: all dates</div></div>"
        )

    def script(self) -> str:
        if not self.dates:
            return ""
        return (
            "(function () {\n"
            f"  var dates = {js_value(self.dates)};\n"
            "  var box = document.querySelector('.mapper-time');\n"
            "  var range = box.querySelector('.mapper-time-range');\n"
            "  var cumulative = box.querySelector('.mapper-time-cumulative');\n"
            "  var label = box.querySelector('.mapper-time-label');\n"
            "  L.DomEvent.disableClickPropagation(box);\n"
            "  L.DomEvent.disableScrollPropagation(box);\n"
            "  var layers = window.mapperDatedLayers || [];\n"
            "  function shown(date, day, upTo) {\n"
            "    if (!day || !date) { return true; }\n"
            "    return upTo ? date <= day : date === day;\n"
            "  }\n"
            "  function update() {\n"
            "    var i = parseInt(range.value, 10);\n"
            "    var day = i > 0 ? dates[i - 1] : null, upTo = cumulative.checked;\n"
            "    label.textContent = day ? (upTo ? 'up to ' + day : day) : 'All dates';\n"
            "    layers.forEach(function (layer) {\n"
            "      layer.setDateFilter(function (date) { return shown(date, day, upTo); });\n"
            "    });\n"
            "  }\n"
            "  range.addEventListener('input', update);\n"
            "  cumulative.addEventListener('change', update);\n"
            "})();\n"
        )
