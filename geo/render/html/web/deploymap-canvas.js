/* deploymap, large maps: the Before/After/Change layers drawn on a canvas, points clustered.
 * Part of deploymap (MIT). Needs Leaflet 1.9 and deploymap.js; used when the map has more
 * features than SVG can draw quickly (geo/render/html/features.py, CANVAS_FROM).
 *
 * Each layer is one <canvas> in the layer's pane (so the before/after swipe clips it like
 * the SVG layers). Shapes are projected once, at zoom 0, into typed arrays; a redraw scales
 * them. Below CLUSTER_UNTIL, points that fall in the same grid cell are drawn as one
 * cluster: a disc with their number and a ring in the colours of their forces. Hovering
 * and clicking are hit-tested here: tooltips and popups are joined from the pieces of HTML
 * the Python renderer escaped (data.canvas.frags); this file builds no HTML from text.
 */
(function () {
  "use strict";

  var GREY = "#808080", HALO = "#ffcf1f";
  var CELL = 60;           /* px: points in one cell of this grid become a cluster */
  var CLUSTER_UNTIL = 11;  /* from this zoom on, every point is drawn on its own */
  var ICON = 20;           /* px: a point symbol */
  var HIT = 4;             /* px: how near a line or point the pointer must be */

  function mercator0(lat, lng) {
    var d = Math.PI / 180, max = 85.0511287798;
    var s = Math.sin(Math.max(Math.min(max, lat), -max) * d);
    return [256 * (0.5 + lng / 360), 256 * (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI))];
  }

  function projector(map) {
    if (map.options.crs === L.CRS.EPSG3857) { return mercator0; }
    return function (lat, lng) { var p = map.project([lat, lng], 0); return [p.x, p.y]; };
  }

  /* an encoded polyline (precision 5) -> Float64Array [x0, y0, x1, y1, ...] at zoom 0 */
  function decodeProjected(text, project) {
    var out = [], index = 0, lat = 0, lng = 0;
    function next() {
      var result = 0, shift = 0, byte;
      do {
        byte = text.charCodeAt(index++) - 63;
        result |= (byte & 31) << shift;
        shift += 5;
      } while (byte >= 32);
      return (result & 1) ? ~(result >> 1) : (result >> 1);
    }
    while (index < text.length) {
      lat += next();
      lng += next();
      var p = project(lat / 1e5, lng / 1e5);
      out.push(p[0], p[1]);
    }
    return new Float64Array(out);
  }

  /* Projected shapes of one layer: points (x, y, feature) and paths (rings, bbox, feature). */
  function prepare(map, data, spec) {
    var project = projector(map), features = spec.features, geoms = data.geoms;
    var px = [], py = [], pf = [], paths = [];
    for (var i = 0; i < features.g.length; i++) {
      var shape = geoms[features.g[i]], t = shape.t, c = shape.c;
      if (t === "P" || t === "MP") {
        (t === "P" ? [c] : c).forEach(function (at) {
          var p = project(at[0], at[1]);
          px.push(p[0]); py.push(p[1]); pf.push(i);
        });
        continue;
      }
      var rings = t === "L" ? [c] : t === "ML" || t === "A" ? c : [].concat.apply([], c);
      rings = rings.map(function (r) { return decodeProjected(r, project); });
      if (t === "A" || t === "MA") { orient(rings, t === "A" ? [rings.length] : c.map(function (p) { return p.length; })); }
      var box = [Infinity, Infinity, -Infinity, -Infinity];
      rings.forEach(function (r) {
        for (var k = 0; k < r.length; k += 2) {
          if (r[k] < box[0]) { box[0] = r[k]; }
          if (r[k + 1] < box[1]) { box[1] = r[k + 1]; }
          if (r[k] > box[2]) { box[2] = r[k]; }
          if (r[k + 1] > box[3]) { box[3] = r[k + 1]; }
        }
      });
      paths.push({ f: i, rings: rings, box: box, line: t === "L" || t === "ML" });
    }
    /* paths of one style are drawn as one canvas path: one fill and one stroke a style */
    var groups = [], byStyle = {};
    paths.forEach(function (path) {
      var s = features.s[path.f];
      if (!byStyle[s]) { byStyle[s] = { s: s, line: path.line, paths: [] }; groups.push(byStyle[s]); }
      byStyle[s].paths.push(path);
    });
    return { px: new Float64Array(px), py: new Float64Array(py), pf: new Int32Array(pf),
             paths: paths, groups: groups };
  }

  function signedArea(r) {
    var sum = 0;
    for (var i = 0, j = r.length - 2; i < r.length; j = i, i += 2) { sum += (r[j] - r[i]) * (r[j + 1] + r[i + 1]); }
    return sum;
  }

  /* Outer rings one way round, holes the other, so that many polygons filled as one canvas
     path with the nonzero rule keep their holes (and overlapping polygons stay filled). */
  function orient(rings, counts) {
    var k = 0;
    counts.forEach(function (count) {
      for (var i = 0; i < count; i++, k++) {
        var r = rings[k], outer = i === 0;
        if ((signedArea(r) > 0) !== outer) {
          var reversed = new Float64Array(r.length);
          for (var j = 0; j < r.length; j += 2) {
            reversed[r.length - 2 - j] = r[j];
            reversed[r.length - 1 - j] = r[j + 1];
          }
          rings[k] = reversed;
        }
      }
    });
  }

  /* The diagonal hatch of deploymap.css / style.py, as a canvas pattern. */
  function hatch(ctx, colours, stripe, tint, opacity) {
    var step = 5, tile = document.createElement("canvas");
    tile.width = step * colours.length;
    tile.height = step;
    var t = tile.getContext("2d");
    t.globalAlpha = tint;
    t.fillStyle = colours[0];
    t.fillRect(0, 0, tile.width, tile.height);
    t.globalAlpha = opacity;
    colours.forEach(function (c, i) { t.fillStyle = c; t.fillRect(i * step, 0, stripe, step); });
    var pattern = ctx.createPattern(tile, "repeat");
    if (pattern.setTransform && window.DOMMatrix) {
      pattern.setTransform(new DOMMatrix().rotateSelf(45));
    }
    return pattern;
  }

  function iconImage(svg) {
    var image = new Image();
    image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svg);
    return image;
  }

  function shortCount(n) {
    return n >= 10000 ? Math.round(n / 1000) + "k" : n >= 1000 ? (n / 1000).toFixed(1) + "k" : String(n);
  }

  /* Is the layer point inside the pane's CSS clip (the swipe)? */
  function unclipped(pane, point) {
    var clip = pane.style.clip;
    if (!clip) { return true; }
    var v = clip.match(/-?[\d.]+/g).map(Number); /* top, right, bottom, left */
    return point.y >= v[0] && point.x <= v[1] && point.y <= v[2] && point.x >= v[3];
  }

  function insideRing(r, x, y) {
    var inside = false;
    for (var i = 0, j = r.length - 2; i < r.length; j = i, i += 2) {
      if ((r[i + 1] > y) !== (r[j + 1] > y) &&
          x < (r[j] - r[i]) * (y - r[i + 1]) / (r[j + 1] - r[i + 1]) + r[i]) {
        inside = !inside;
      }
    }
    return inside;
  }

  function nearLine(r, x, y, tolerance) {
    for (var i = 2; i < r.length; i += 2) {
      var ax = r[i - 2], ay = r[i - 1], dx = r[i] - ax, dy = r[i + 1] - ay;
      var len = dx * dx + dy * dy, t = len ? ((x - ax) * dx + (y - ay) * dy) / len : 0;
      t = Math.max(0, Math.min(1, t));
      var ex = ax + t * dx - x, ey = ay + t * dy - y;
      if (ex * ex + ey * ey <= tolerance * tolerance) { return true; }
    }
    return false;
  }

  var FeatureCanvas = L.Renderer.extend({
    options: { padding: 0.35 },

    initialize: function (data, spec, ui, options) {
      L.Renderer.prototype.initialize.call(this, options);
      this._data = data;
      this._spec = spec;
      this._ui = ui;
      this._clusters = {};
      this._drawn = 0;
    },

    _initContainer: function () {
      this._container = document.createElement("canvas");
      this._container.className = "dm-canvas";
      this._ctx = this._container.getContext("2d");
      if (!this._shapes) {
        this._shapes = prepare(this._map, this._data, this._spec);
        this._styles = this._spec.features.s.map(function (s) {
          return this._data.styles[this._data.canvas.styleKeys[s]];
        }, this);
        this._loadIcons();
      }
    },

    _destroyContainer: function () {
      L.Util.cancelAnimFrame(this._frame);
      this._frame = null;
      L.DomUtil.remove(this._container);
      delete this._ctx;
      delete this._container;
    },

    _updatePaths: function () {},

    _loadIcons: function () {
      var self = this, icons = {}, waiting = [];
      this._styles.forEach(function (style) {
        if (style.icon && !icons[style.icon]) {
          icons[style.icon] = iconImage(style.icon);
          waiting.push(icons[style.icon].decode().catch(function () {}));
        }
      });
      this._icons = icons;
      this._iconsReady = Promise.all(waiting).then(function () {
        self._iconsLoaded = true;
        if (self._map && self._ctx) { self._requestDraw(); }
      });
    },

    _update: function () {
      if (this._map._animatingZoom && this._bounds) { return; }
      L.Renderer.prototype._update.call(this);
      var b = this._bounds, size = b.getSize(), m = L.Browser.retina ? 2 : 1;
      L.DomUtil.setPosition(this._container, b.min);
      this._container.width = m * size.x;
      this._container.height = m * size.y;
      this._container.style.width = size.x + "px";
      this._container.style.height = size.y + "px";
      this._ctx.setTransform(m, 0, 0, m, -m * b.min.x, -m * b.min.y);
      this._requestDraw();
      this.fire("update");
    },

    /* Draw in the next animation frame, once however many updates came before it, and
       only when the point symbols are ready (the first draw is then the complete one). */
    _requestDraw: function () {
      if (this._frame || !this._iconsLoaded) { return; }
      var self = this;
      this._frame = L.Util.requestAnimFrame(function () {
        self._frame = null;
        if (self._map && self._ctx) { self._draw(self._ctx, self._bounds); }
      });
    },

    _scale: function () {
      var map = this._map, origin = map.getPixelOrigin();
      return { k: map.getZoomScale(map.getZoom(), 0), ox: origin.x, oy: origin.y };
    },

    _pattern: function (ctx, style) {
      var fill = style.fillColor || "";
      if (fill.indexOf("url(#") !== 0) { return fill; }
      this._patterns = this._patterns || {};
      if (!this._patterns[fill]) {
        var spec = this._data.canvas.hatches[fill.slice(5, -1)] || [[GREY], 2.2, 0.1, 1];
        this._patterns[fill] = hatch(ctx, spec[0], spec[1], spec[2], spec[3]);
      }
      return this._patterns[fill];
    },

    _trace: function (ctx, path, s) {
      path.rings.forEach(function (r) {
        ctx.moveTo(r[0] * s.k - s.ox, r[1] * s.k - s.oy);
        for (var i = 2; i < r.length; i += 2) { ctx.lineTo(r[i] * s.k - s.ox, r[i + 1] * s.k - s.oy); }
        if (!path.line) { ctx.closePath(); }
      });
    },

    _stroke: function (ctx, colour, weight, opacity, dash, cap) {
      ctx.globalAlpha = opacity;
      ctx.strokeStyle = colour;
      ctx.lineWidth = weight;
      ctx.lineCap = cap || "round";
      ctx.lineJoin = "round";
      ctx.setLineDash(dash ? dash.split(/[ ,]+/).map(Number) : []);
      ctx.stroke();
    },

    _draw: function (ctx, b) {
      var s = this._scale(), shapes = this._shapes, styles = this._styles;
      var x0 = (b.min.x + s.ox) / s.k, y0 = (b.min.y + s.oy) / s.k;
      var x1 = (b.max.x + s.ox) / s.k, y1 = (b.max.y + s.oy) / s.k;
      var drawnPaths = 0;
      ctx.clearRect(b.min.x, b.min.y, b.max.x - b.min.x, b.max.y - b.min.y);
      shapes.groups.forEach(function (group) {
        var style = this._data.styles[this._data.canvas.styleKeys[group.s]];
        ctx.beginPath();
        var any = false;
        group.paths.forEach(function (path) {
          var box = path.box;
          if (box[2] < x0 || box[0] > x1 || box[3] < y0 || box[1] > y1) { return; }
          drawnPaths++;
          any = true;
          this._trace(ctx, path, s);
        }, this);
        if (!any) { return; }
        if (style.halo) { this._stroke(ctx, HALO, style.weight + 8, 0.85, null); }
        if (!group.line && style.fill !== false) {
          ctx.globalAlpha = style.fillOpacity === undefined ? 0.2 : style.fillOpacity;
          ctx.fillStyle = this._pattern(ctx, style);
          ctx.fill("nonzero");
        }
        this._stroke(ctx, style.color, style.weight, style.opacity === undefined ? 1 : style.opacity,
                     style.dashArray, style.lineCap);
      }, this);
      ctx.globalAlpha = 1;
      ctx.setLineDash([]);
      var cells = this._cluster(s);
      var points = 0, clusters = 0, clustered = 0, half = ICON / 2;
      var pad = 30 / s.k;
      cells.forEach(function (cell) {
        if (cell.x < x0 - pad || cell.x > x1 + pad || cell.y < y0 - pad || cell.y > y1 + pad) { return; }
        var x = cell.x * s.k - s.ox, y = cell.y * s.k - s.oy;
        if (cell.n === 1) {
          points++;
          var style = styles[shapes.pf[cell.first]], icon = this._icons[style.icon];
          if (this._iconsLoaded && icon.complete && icon.naturalWidth) {
            ctx.drawImage(icon, x - half, y - half, ICON, ICON);
          } else {
            ctx.beginPath();
            ctx.arc(x, y, 6, 0, 2 * Math.PI);
            ctx.fillStyle = GREY;
            ctx.fill();
          }
          return;
        }
        clusters++;
        clustered += cell.n;
        this._drawCluster(ctx, cell, x, y);
      }, this);
      this._drawn++;
      this._last = { paths: drawnPaths, points: points, clusters: clusters, clustered: clustered,
                     zoom: this._map.getZoom(), complete: !!this._iconsLoaded };
      if (this._iconsLoaded && !this._announced) {
        this._announced = true;
        if (window.performance && performance.mark) {
          performance.mark("deploymap-features-drawn-" + this._spec.id);
        }
      }
    },

    _radius: function (n) { return 12 + 4 * Math.log(n) / Math.LN10; },

    _drawCluster: function (ctx, cell, x, y) {
      var r = this._radius(cell.n), start = -Math.PI / 2, colours = this._data.canvas.colours;
      ctx.beginPath();
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      ctx.fillStyle = "rgba(255, 255, 255, 0.93)";
      ctx.fill();
      ctx.lineWidth = 5;
      Object.keys(cell.mix).sort().forEach(function (key) {
        var end = start + 2 * Math.PI * cell.mix[key] / cell.n;
        ctx.beginPath();
        ctx.arc(x, y, r - 2.5, start, end);
        ctx.strokeStyle = colours[key] || GREY;
        ctx.stroke();
        start = end;
      });
      ctx.fillStyle = "#222";
      ctx.font = "600 11px Arial, sans-serif";
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      ctx.fillText(shortCount(cell.n), x, y + 0.5);
    },

    /* Per feature: its first force type (from its style key,
       "kind|status|type+type|symbol|certain|hatched"). */
    _mixKeys: function () {
      if (!this._mix) {
        var keys = this._data.canvas.styleKeys.map(function (key) {
          var parts = key.split("|");
          return parts[2].split("+")[0];
        });
        this._mix = this._spec.features.s.map(function (s) { return keys[s]; });
      }
      return this._mix;
    },

    /* Points grouped by grid cell at the current zoom (all of them, so counts are total). */
    _cluster: function (s) {
      var zoom = this._map.getZoom(), key = String(zoom);
      if (this._clusters[key]) { return this._clusters[key]; }
      var shapes = this._shapes, n = shapes.px.length, byCell = new Map(), cells = [];
      var mixOf = this._mixKeys();
      var size = zoom >= CLUSTER_UNTIL ? 0 : CELL / s.k;
      for (var i = 0; i < n; i++) {
        var x = shapes.px[i], y = shapes.py[i], cell;
        if (size) {
          var id = Math.floor(x / size) * 4194304 + Math.floor(y / size);
          cell = byCell.get(id);
          if (!cell) {
            cell = { n: 0, sx: 0, sy: 0, first: i, members: [], mix: {},
                     box: [Infinity, Infinity, -Infinity, -Infinity] };
            byCell.set(id, cell);
            cells.push(cell);
          }
        } else {
          cell = { n: 0, sx: 0, sy: 0, first: i, members: [], mix: {},
                   box: [Infinity, Infinity, -Infinity, -Infinity] };
          cells.push(cell);
        }
        var mixKey = mixOf[shapes.pf[i]];
        cell.mix[mixKey] = (cell.mix[mixKey] || 0) + 1;
        cell.n++;
        cell.sx += x;
        cell.sy += y;
        cell.members.push(i);
        cell.box[0] = Math.min(cell.box[0], x);
        cell.box[1] = Math.min(cell.box[1], y);
        cell.box[2] = Math.max(cell.box[2], x);
        cell.box[3] = Math.max(cell.box[3], y);
      }
      cells.forEach(function (cell) { cell.x = cell.sx / cell.n; cell.y = cell.sy / cell.n; });
      this._clusters = {};
      this._clusters[key] = cells;
      return cells;
    },

    /* The topmost thing drawn at a layer point: {cell} or {feature}, or null. */
    hit: function (layerPoint) {
      if (!this._map || !this._shapes || !unclipped(this.getPane(), layerPoint)) { return null; }
      var s = this._scale(), x = (layerPoint.x + s.ox) / s.k, y = (layerPoint.y + s.oy) / s.k;
      var cells = this._cluster(s), shapes = this._shapes, i;
      for (i = cells.length - 1; i >= 0; i--) {
        var cell = cells[i], r = (cell.n === 1 ? ICON / 2 : this._radius(cell.n)) / s.k;
        var dx = cell.x - x, dy = cell.y - y;
        if (dx * dx + dy * dy <= r * r) {
          return cell.n === 1 ? { feature: shapes.pf[cell.first], at: [cell.x, cell.y] } : { cell: cell };
        }
      }
      var tolerance = HIT / s.k;
      for (i = shapes.paths.length - 1; i >= 0; i--) {
        var path = shapes.paths[i], box = path.box, style = this._styles[path.f];
        var pad = path.line ? tolerance + (style.weight || 1) / 2 / s.k : 0;
        if (x < box[0] - pad || x > box[2] + pad || y < box[1] - pad || y > box[3] + pad) { continue; }
        var found = path.line
          ? path.rings.some(function (r) { return nearLine(r, x, y, pad); })
          : path.rings.reduce(function (inside, r) { return inside !== insideRing(r, x, y); }, false);
        if (found) { return { feature: path.f }; }
      }
      return null;
    },

    toLatLng: function (x0, y0) { return this._map.unproject([x0, y0], 0); },

    /* The popup or tooltip of a feature, joined from the pieces the renderer escaped. */
    pieces: function (kind, feature) {
      var canvas = this._data.canvas, frags = canvas.frags, groups = canvas.groups;
      var features = this._spec.features;
      function join(ids) {
        return ids.map(function (i) { return i < 0 ? join(groups[-1 - i]) : frags[i]; }).join("");
      }
      if (kind === "tip") {
        return frags[canvas.tipOpen] + frags[features.pop[feature][1]] + frags[features.tip[feature]];
      }
      return join(features.pop[feature]);
    },

    /* The clusters (two points or more) at this zoom: [{at: [lat, lng], n: count}]. */
    clusters: function () {
      if (!this._shapes) { return []; }
      return this._cluster(this._scale()).filter(function (c) { return c.n > 1; })
        .map(function (c) { var at = this.toLatLng(c.x, c.y); return { at: [at.lat, at.lng], n: c.n }; }, this);
    },

    /* What the layer draws: features, and at this zoom the points, clusters and paths. */
    stats: function () {
      var shapes = this._shapes;
      var cells = shapes ? this._cluster(this._scale()) : [];
      var singles = 0, clustered = 0, clusters = 0;
      cells.forEach(function (c) { if (c.n === 1) { singles++; } else { clusters++; clustered += c.n; } });
      return {
        features: this._spec.features.g.length,
        points: shapes ? shapes.px.length : 0,
        paths: shapes ? shapes.paths.length : 0,
        singles: singles, clusters: clusters, clustered: clustered,
        drawn: this._last || null, draws: this._drawn
      };
    }
  });

  /* The canvas layers of a large map, with one tooltip and the popups, on `map`. */
  function canvasLayers(map, data, popupOptions) {
    var layers = {}, order = [];
    data.layers.forEach(function (spec) {
      layers[spec.id] = new FeatureCanvas(data, spec, data.ui, { pane: "dm-" + spec.id });
      order.push(spec);
    });
    order.sort(function (a, b) { return b.z - a.z; });  /* topmost pane first */
    var tooltip = L.tooltip({ sticky: true, direction: "auto", className: "dm-tip", offset: [12, 0] });

    function find(e) {
      for (var i = 0; i < order.length; i++) {
        var layer = layers[order[i].id];
        if (!map.hasLayer(layer)) { continue; }
        var found = layer.hit(e.layerPoint);
        if (found) { found.layer = layer; return found; }
      }
      return null;
    }

    function clusterText(cell) {
      return data.canvas.cluster.replace("{count}", cell.n.toLocaleString(data.lang));
    }

    var pending = null;
    map.on("mousemove", function (e) {
      if (pending) { return; }
      pending = L.Util.requestAnimFrame(function () {
        pending = null;
        var found = find(e);
        map.getContainer().classList.toggle("dm-pointer", !!found);
        if (!found) { map.closeTooltip(tooltip); return; }
        tooltip.setContent(found.cell ? clusterText(found.cell) : found.layer.pieces("tip", found.feature));
        tooltip.setLatLng(e.latlng);
        if (!map.hasLayer(tooltip)) { map.openTooltip(tooltip); }
      });
    });
    map.on("mouseout", function () { map.closeTooltip(tooltip); });
    map.on("click", function (e) {
      var found = find(e);
      if (!found) { return; }
      if (found.cell) {
        var box = found.cell.box, layer = found.layer;
        var bounds = L.latLngBounds(layer.toLatLng(box[0], box[1]), layer.toLatLng(box[2], box[3]));
        map.fitBounds(bounds.pad(0.2), { maxZoom: Math.max(map.getZoom() + 1, CLUSTER_UNTIL) });
        return;
      }
      map.closeTooltip(tooltip);
      var at = found.at ? found.layer.toLatLng(found.at[0], found.at[1]) : e.latlng;
      L.popup(popupOptions).setLatLng(at).setContent(found.layer.pieces("pop", found.feature)).openOn(map);
    });
    return layers;
  }

  window.deploymap = window.deploymap || {};
  window.deploymap.canvasLayers = canvasLayers;
  window.deploymap.FeatureCanvas = FeatureCanvas;
}());
