/* incident-mapper: incident markers, clusters, precision circles and heat map,
 * all drawn from one table (mapper/incident_table.py).
 *
 * Text values in the table arrive HTML-escaped; this code only joins them with
 * fixed markup. Popups and tooltips are assembled when they open, and layers
 * that start hidden are built when first shown, so a page of 100,000 incidents
 * stays small and quick to open.
 *
 * Each layer object has setDateFilter(keep), keep(isoDate or '') -> bool, for
 * the time slider, and drawn(): the incident markers on the map now.
 */
(function () {
  'use strict';
  if (window.mapperIncidents) { return; }

  function Table(data) { this.t = data; }
  Table.prototype.latLng = function (i) { return L.latLng(this.t.lat[i], this.t.lon[i]); };
  Table.prototype.date = function (i) {
    var code = this.t.date[i];
    return code < 0 ? '' : this.t.dates[code];
  };
  Table.prototype.cell = function (k, i) {
    if (k === null || k === undefined) { return ''; }
    var f = this.t.fields[k];
    return f.cells ? f.cells[i] : f.values[f.codes[i]];
  };
  Table.prototype.heading = function (i) {
    var type = this.cell(this.t.heading[0], i), sub = this.cell(this.t.heading[1], i);
    return sub ? type + ': ' + sub : type;
  };
  Table.prototype.popup = function (i) {
    var rows = '';
    for (var k = 0; k < this.t.fields.length; k++) {
      var f = this.t.fields[k], v = this.cell(k, i);
      if (!v) { continue; }
      if (f.link && /^https?:\/\//i.test(v)) {
        v = '<a href="' + v + '" target="_blank" rel="noopener noreferrer">' + v + '</a>';
      }
      rows += '<tr><th style="text-align:left;vertical-align:top;padding-right:6px">' +
        f.label + '</th><td>' + v + '</td></tr>';
    }
    return '<div class="mapper-popup"><b>' + this.heading(i) + '</b>' +
      '<table style="font-size:12px">' + rows + '</table></div>';
  };
  Table.prototype.tooltip = function (i) {
    return [this.date(i), this.cell(this.t.tooltip[0], i), this.cell(this.t.tooltip[1], i)].join(' · ');
  };

  function everyDate() { return true; }

  // One circle marker with its popup and tooltip; opts.style: Leaflet path options.
  function incidentMarker(table, i, opts) {
    var style = L.extend({row: i}, opts.style);
    if (opts.casualtyRadius) { style.radius = 6 + 2.5 * Math.sqrt(table.t.weight[i]); }
    var marker = L.circleMarker(table.latLng(i), style);
    marker.bindPopup(function () { return table.popup(i); }, {maxWidth: opts.popupMaxWidth});
    marker.bindTooltip(function () { return table.tooltip(i); }, {sticky: true});
    return marker;
  }

  // Shapes, one per row, in a parent layer group; built when the parent is first shown.
  function Shapes(map, parent, table, rows, make) {
    this.map = map; this.parent = parent; this.table = table; this.rows = rows;
    this.make = make; this.shapes = null; this.keep = everyDate;
    var self = this;
    if (map.hasLayer(parent)) { this.build(); }
    parent.on('add', function () { if (!self.shapes) { self.build(); } });
  }
  Shapes.prototype.build = function () {
    var self = this;
    this.shapes = this.rows.map(function (i) { return self.make(i); });
    this.setDateFilter(this.keep);
  };
  Shapes.prototype.setDateFilter = function (keep) {
    this.keep = keep;
    if (!this.shapes) { return; }
    for (var k = 0; k < this.shapes.length; k++) {
      var shape = this.shapes[k], show = keep(this.table.date(this.rows[k]));
      if (show !== this.parent.hasLayer(shape)) {
        if (show) { this.parent.addLayer(shape); } else { this.parent.removeLayer(shape); }
      }
    }
  };
  Shapes.prototype.drawn = function () {
    var parent = this.parent;
    return this.map.hasLayer(parent) && this.shapes ?
      this.shapes.filter(function (s) { return parent.hasLayer(s); }) : [];
  };

  function clusterIcon(count, abbreviated, colour) {
    var size = count < 100 ? 32 : count < 1000 ? 38 : 44;
    return L.divIcon({
      className: 'mapper-cluster', iconSize: [size, size],
      html: '<div title="' + count + ' incidents" style="width:' + size + 'px;height:' + size +
        'px;line-height:' + size + 'px;border-radius:50%;text-align:center;color:#fff;' +
        'font:bold 12px system-ui,sans-serif;border:2px solid #fff;box-sizing:border-box;' +
        'box-shadow:0 0 3px #000;background:' + colour + '">' + abbreviated + '</div>'
    });
  }

  // Incident markers gathered into clusters (Supercluster) that split as the map zooms in.
  // Only what is in view is drawn; a marker kept in view keeps its open popup.
  function Clusters(map, parent, table, rows, opts) {
    this.map = map; this.parent = parent; this.table = table; this.rows = rows;
    this.opts = opts; this.markers = {}; this.clusters = [];
    this.index = new Supercluster({radius: 60, maxZoom: 17});
    var self = this;
    map.on('moveend', function () { self.redraw(); });
    parent.on('add', function () { self.redraw(); });
    this.setDateFilter(everyDate);
  }
  Clusters.prototype.setDateFilter = function (keep) {
    var t = this.table.t, points = [];
    for (var k = 0; k < this.rows.length; k++) {
      var i = this.rows[k];
      if (keep(this.table.date(i))) {
        points.push({type: 'Feature', properties: {row: i},
                     geometry: {type: 'Point', coordinates: [t.lon[i], t.lat[i]]}});
      }
    }
    this.index.load(points);
    this.redraw();
  };
  Clusters.prototype.redraw = function () {
    if (!this.map._loaded || !this.map.hasLayer(this.parent)) { return; }
    var self = this, b = this.map.getBounds().pad(0.25);
    var west = b.getWest(), east = b.getEast();
    if (east - west >= 360) { west = -180; east = 180; }
    var items = this.index.getClusters(
      [Math.max(west, -180), Math.max(b.getSouth(), -90), Math.min(east, 180), Math.min(b.getNorth(), 90)],
      Math.round(this.map.getZoom()));
    this.clusters.forEach(function (c) { self.parent.removeLayer(c); });
    this.clusters = [];
    var markers = {};
    items.forEach(function (item) {
      var p = item.properties, xy = item.geometry.coordinates;
      if (p.cluster) {
        var cluster = L.marker([xy[1], xy[0]], {icon: clusterIcon(p.point_count,
          p.point_count_abbreviated, self.opts.colour)});
        cluster.on('click', function () {
          self.map.setView(cluster.getLatLng(), Math.min(self.index.getClusterExpansionZoom(p.cluster_id), 18));
        });
        self.parent.addLayer(cluster);
        self.clusters.push(cluster);
      } else {
        markers[p.row] = self.markers[p.row] || incidentMarker(self.table, p.row, self.opts);
      }
    });
    Object.keys(this.markers).forEach(function (row) {
      if (!markers[row]) { self.parent.removeLayer(self.markers[row]); }
    });
    Object.keys(markers).forEach(function (row) {
      if (!self.parent.hasLayer(markers[row])) { self.parent.addLayer(markers[row]); }
    });
    this.markers = markers;
  };
  Clusters.prototype.drawn = function () {
    var self = this;
    return this.map.hasLayer(this.parent) ?
      Object.keys(this.markers).map(function (row) { return self.markers[row]; }) : [];
  };

  // A heat map of the rows, weighted by casualties; built when first shown.
  function Heat(map, parent, table, rows, opts) {
    this.table = table; this.rows = rows; this.opts = opts; this.keep = everyDate; this.layer = null;
    var self = this;
    function build() {
      if (!self.layer) { self.layer = L.heatLayer(self.points(), self.opts); parent.addLayer(self.layer); }
    }
    if (map.hasLayer(parent)) { build(); }
    parent.on('add', build);
  }
  Heat.prototype.points = function () {
    var t = this.table.t, out = [];
    for (var k = 0; k < this.rows.length; k++) {
      var i = this.rows[k];
      if (this.keep(this.table.date(i))) { out.push([t.lat[i], t.lon[i], 1 + t.weight[i]]); }
    }
    return out;
  };
  Heat.prototype.setDateFilter = function (keep) {
    this.keep = keep;
    if (this.layer) { this.layer.setLatLngs(this.points()); }
  };
  Heat.prototype.drawn = function () { return []; };

  function register(layer) {
    (window.mapperDatedLayers = window.mapperDatedLayers || []).push(layer);
    return layer;
  }

  window.mapperIncidents = {
    Table: Table,
    // Incident markers of one thematic layer; clustered when opts.cluster.
    points: function (map, parent, table, rows, opts) {
      return register(opts.cluster ? new Clusters(map, parent, table, rows, opts) :
        new Shapes(map, parent, table, rows, function (i) { return incidentMarker(table, i, opts); }));
    },
    // Each row's geo-precision as a circle of that radius in metres.
    circles: function (map, parent, table, rows, opts) {
      var renderer = opts.canvas ? L.canvas() : undefined;
      return register(new Shapes(map, parent, table, rows, function (i) {
        var style = L.extend({row: i, radius: table.t.precision_m[i]}, opts.style);
        if (renderer) { style.renderer = renderer; }
        return L.circle(table.latLng(i), style);
      }));
    },
    heat: function (map, parent, table, rows, opts) {
      return register(new Heat(map, parent, table, rows, opts));
    }
  };
})();
