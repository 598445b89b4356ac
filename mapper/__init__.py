"""incident-mapper: news reports of protests and clashes -> layered maps and GIS data.

Data flows one way::

    places (geodata/ gazetteer)  ->  geocoded places  ->  incidents (GeoDataFrame)
        ->  layers  ->  map.html / GeoJSON / GeoPackage

Each stage lives in its own module; I/O is kept at the edges (:mod:`mapper.cases`
reads input tables, :mod:`mapper.exports` writes files, :mod:`mapper.cli` is the
command line).
"""

__version__ = "0.1.0"
