"""Map elements of mapper's own, one per module (after ``folium.plugins``)."""

from mapper.plugins.direction_arrows import DirectionArrows
from mapper.plugins.legend import Legend
from mapper.plugins.title import MapTitle

__all__ = ["DirectionArrows", "Legend", "MapTitle"]
