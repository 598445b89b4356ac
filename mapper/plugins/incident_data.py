"""The incidents' table in the page, and the script that draws layers from it.

Added to the map once, before the :class:`~mapper.plugins.IncidentLayer`
elements that use it. See :mod:`mapper.incident_table` for what the table holds.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from mapper.plugins.raw_element import RawMacroElement, js_value


@cache
def layers_script() -> str:
    """``incident_layers.js``: draws markers, clusters, circles and heat from the table."""
    return resources.files("mapper.plugins").joinpath("incident_layers.js").read_text("utf-8")


class IncidentData(RawMacroElement):
    """The table of :func:`mapper.incident_table.incident_table` as a JavaScript object.

    Parameters
    ----------
    table
        The JSON-ready table; its text values are already HTML-escaped.
    """

    def __init__(self, table: dict[str, Any]) -> None:
        super().__init__()
        self._name = "IncidentData"
        self.table = table

    def script(self) -> str:
        return (layers_script() + "\n"
                f"var {self.get_name()} = new mapperIncidents.Table({js_value(self.table)});\n")
