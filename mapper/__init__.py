"""incident-mapper: news reports of protests and clashes -> layered maps and GIS data.

Data flows one way::

    places (geodata/ gazetteer)  ->  geocoded places  ->  incidents (GeoDataFrame)
        ->  layers  ->  map.html / GeoJSON / GeoPackage

Each stage lives in its own module; I/O is kept at the edges (:mod:`mapper.cases`
reads input tables, :mod:`mapper.exports` writes files, :mod:`mapper.cli` is the
command line).
"""

__version__ = "0.1.0"

#: The Python API (see :mod:`mapper.api`), imported on first use so that
#: ``import mapper`` and the command line's help stay quick.
_API = ("map_report", "map_table", "MapResult", "load_case")
__all__ = ["__version__", *_API]


def __getattr__(name: str):
    if name in _API:
        from mapper import api

        return getattr(api, name)
    raise AttributeError(f"module 'mapper' has no attribute {name!r}")
