"""Map elements of mapper's own, one per module (after ``folium.plugins``)."""

from mapper.plugins.direction_arrows import DirectionArrows
from mapper.plugins.feature_layer import FeatureLayer, feature
from mapper.plugins.incident_data import IncidentData
from mapper.plugins.incident_layer import IncidentLayer
from mapper.plugins.legend import Legend
from mapper.plugins.raw_element import RawMacroElement
from mapper.plugins.time_slider import TimeSlider
from mapper.plugins.title import MapTitle
from mapper.plugins.unresolved_panel import UnresolvedPanel

__all__ = ["DirectionArrows", "FeatureLayer", "IncidentData", "IncidentLayer", "Legend", "MapTitle", "RawMacroElement",
           "TimeSlider", "UnresolvedPanel", "feature"]
