"""Arrowheads along a line showing its direction of travel.

Plain Leaflet ``divIcon`` markers rotated to each segment's bearing, built in
the browser from one JSON list: no extra JavaScript plugin, and one element
however long the route.
"""

from __future__ import annotations

from collections.abc import Sequence

from mapper.plugins.raw_element import RawMacroElement, js_value
from mapper.route import bearing
from mapper.safe import hex_colour


class DirectionArrows(RawMacroElement):
    """Arrow markers at the middle of each segment of a lon/lat line.

    Parameters
    ----------
    coords
        ``(lon, lat)`` vertices in travel order.
    colour
        Arrow colour, a CSS hex colour.
    size
        Arrow size in pixels.
    """

    def __init__(
        self, coords: Sequence[tuple[float, float]], colour: str = "#000000", size: int = 16
    ) -> None:
        super().__init__()
        self._name = "DirectionArrows"
        self.colour = hex_colour(colour)
        self.size = int(size)
        # The glyph points east (90 deg); each arrow is rotated to its segment's bearing.
        self.arrows = [
            [round((y1 + y2) / 2, 6), round((x1 + x2) / 2, 6),
             round(bearing((x1, y1), (x2, y2)) - 90, 1)]
            for (x1, y1), (x2, y2) in zip(coords, coords[1:], strict=False)
        ]

    def script(self) -> str:
        size, half = self.size, self.size // 2
        style = (f"color: {self.colour}; font-size: {size}px; line-height: {size}px; "
                 f"width: {size}px; text-align: center; text-shadow: 0 0 2px #fff;")
        return (
            f"{js_value(self.arrows)}.forEach(function (a) {{\n"
            "  L.marker([a[0], a[1]], {interactive: false, icon: L.divIcon({\n"
            f"    className: 'mapper-arrow', iconSize: [{size}, {size}], iconAnchor: [{half}, {half}],\n"
            f"    html: '<div style=\"transform: rotate(' + a[2] + 'deg); {style}\">&#10148;</div>'\n"
            f"  }})}}).addTo({self._parent.get_name()});\n"
            "});\n"
        )
