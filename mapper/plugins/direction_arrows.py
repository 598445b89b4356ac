"""Arrowheads along a line showing its direction of travel.

Plain Leaflet ``divIcon`` markers rotated to each segment's bearing: no extra
JavaScript plugin, so they work wherever the map itself works.
"""

from __future__ import annotations

from collections.abc import Sequence

import folium

from mapper.route import bearing


class DirectionArrows(folium.FeatureGroup):
    """Arrow markers at the middle of each segment of a lon/lat line.

    Parameters
    ----------
    coords
        ``(lon, lat)`` vertices in travel order.
    colour
        Arrow colour (a CSS colour from mapper's own style table).
    size
        Arrow size in pixels.
    """

    def __init__(
        self, coords: Sequence[tuple[float, float]], colour: str = "#000", size: int = 16
    ) -> None:
        super().__init__(name="direction", control=False)
        for (x1, y1), (x2, y2) in zip(coords, coords[1:], strict=False):
            # The glyph points east (90 deg); rotate it to the segment's bearing.
            angle = bearing((x1, y1), (x2, y2)) - 90
            html = (
                f'<div style="transform: rotate({angle:.1f}deg); color: {colour}; '
                f'font-size: {size}px; line-height: {size}px; width: {size}px; '
                f'text-align: center; text-shadow: 0 0 2px #fff;">&#10148;</div>'
            )
            folium.Marker(
                location=((y1 + y2) / 2, (x1 + x2) / 2),
                icon=folium.DivIcon(html=html, icon_size=(size, size),
                                    icon_anchor=(size // 2, size // 2), class_name="mapper-arrow"),
                interactive=False,
            ).add_to(self)
