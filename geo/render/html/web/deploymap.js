/* deploymap: draws a before/after deployment map on a Leaflet map.
 * Part of deploymap (MIT). Needs Leaflet 1.9 (window.L) and nothing else.
 * Every HTML string in `data` was escaped by the Python renderer; this file never builds
 * HTML from scenario text.
 */
(function () {
  "use strict";

  var SVG_NS = "http://www.w3.org/2000/svg";
  var HALO = "#ffcf1f";
  /* Up to this width (CSS pixels) the map is laid out for a phone: panels folded, popups
   * as a bottom sheet (deploymap.css has the same number). */
  var NARROW = 640;
  /* the sources start folded when open they would take more of the map's height than this */
  var CREDITS_SHARE = 0.2;

  /* Google encoded polyline (precision 5) -> [[lat, lng], ...] */
  function decodeLine(text) {
    var points = [], index = 0, lat = 0, lng = 0;
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
      points.push([lat / 1e5, lng / 1e5]);
    }
    return points;
  }

  function shapeReader(geoms) {
    var cache = {};
    return function (index) {
      if (!(index in cache)) {
        var shape = geoms[index], c = shape.c;
        cache[index] = shape.t === "P" || shape.t === "MP" ? c
          : shape.t === "L" ? decodeLine(c)
          : shape.t === "MA" ? c.map(function (p) { return p.map(decodeLine); })
          : c.map(decodeLine); /* ML, A */
      }
      return cache[index];
    };
  }

  function isLine(shape) { return shape.t === "L" || shape.t === "ML"; }

  function vector(shape, latlngs, options) {
    return isLine(shape) ? L.polyline(latlngs, options) : L.polygon(latlngs, options);
  }

  function without(object, key) {
    var copy = {};
    Object.keys(object).forEach(function (k) { if (k !== key) { copy[k] = object[k]; } });
    return copy;
  }

  function control(position, className, html, onAdd) {
    var Control = L.Control.extend({
      options: { position: position },
      onAdd: function (map) {
        var div = L.DomUtil.create("div", className);
        div.innerHTML = html;
        L.DomEvent.disableClickPropagation(div);
        L.DomEvent.disableScrollPropagation(div);
        if (onAdd) { onAdd(div, map); }
        return div;
      }
    });
    return new Control();
  }

  function drawBasemap(map, data, shapes) {
    var base = data.basemap, tiles = !!data.tiles;
    var common = { pane: "dm-basemap", interactive: false };
    function polygon(index, style) {
      L.polygon(shapes(index), L.extend({}, common, style)).addTo(map);
    }
    if (base.sea !== undefined && base.sea !== null) {  /* the drawn window is sea under land */
      polygon(base.sea, { stroke: false, fillColor: "#d9e7f1", fillOpacity: tiles ? 0 : 1 });
    }
    base.countries.forEach(function (i) {
      polygon(i, { stroke: false, fillColor: "#ece8e1", fillOpacity: tiles ? 0 : 1 });
    });
    if (base.home !== null) {  /* land under the provinces: a country with none is land too */
      polygon(base.home, { stroke: false, fillColor: "#fffdf8", fillOpacity: tiles ? 0 : 1 });
    }
    base.provinces.forEach(function (i) {
      polygon(i, { color: "#cdc5b6", weight: 0.9, fillColor: "#fffdf8", fillOpacity: tiles ? 0 : 1 });
    });
    base.lakes.forEach(function (i) {
      polygon(i, { color: "#86aed0", weight: 0.8, fillColor: "#b9d4ea", fillOpacity: tiles ? 0 : 1 });
    });
    base.rivers.forEach(function (i) {
      L.polyline(shapes(i), L.extend({}, common, { color: "#86aed0", weight: 1.6 })).addTo(map);
    });
    if (base.borders !== null) {
      L.polyline(shapes(base.borders), L.extend({}, common, { color: "#a39a8b", weight: 1.1 })).addTo(map);
    }
    if (base.home !== null) {
      polygon(base.home, { color: "#6b6357", weight: 1.8, fill: false });
    }
    base.labels.forEach(function (item) {
      L.marker(item.at, {
        pane: "dm-labels", interactive: false, keyboard: false,
        icon: L.divIcon({ className: "dm-label dm-label-" + item.k, iconSize: null,
          /* a town's dot stays at the town; its name goes beside it (deploymap-labels.js) */
          html: (item.k === "town" || item.k === "capital" ? '<i class="dm-dot"></i>' : "") +
            "<span>" + item.t + "</span>" })
      }).addTo(map);
    });
  }

  /* One feature: a marker per point, or a path (with a halo when its style has one).
   * `classes`: more class names for its elements; a null `spec.pop`: no popup bound. */
  function feature(data, spec, pane, shapes, popupOptions, classes) {
    var shape = data.geoms[spec.g], style = data.styles[spec.s], latlngs = shapes(spec.g);
    var parts = [], names = "dm-f" + (classes ? " " + classes : "");
    if (spec.k === "point") {
      /* `o`: px to the side, when other symbols of this view share the spot */
      var half = style.size / 2, off = spec.o || 0, reach = Math.round(half + Math.abs(off));
      (shape.t === "MP" ? latlngs : [latlngs]).forEach(function (latlng, index) {
        parts.push(L.marker(latlng, {
          pane: pane, riseOnHover: true,
          icon: L.divIcon({ className: "dm-symbol " + names, html: style.icon,
            iconSize: [style.size, style.size], iconAnchor: [half - off, half] })
        }));
        if (spec.n && index === 0) { /* the site's name beside its symbol(s) */
          parts.push(L.marker(latlng, {
            pane: "dm-labels", interactive: false, keyboard: false,
            icon: L.divIcon({ className: "dm-label dm-label-site", iconSize: null,
              html: '<span data-r="' + reach + '" style="margin-left:' +
                (reach + 4) + 'px">' + spec.n + "</span>" })
          }));
        }
      });
    } else {
      if (spec.c) { parts = parts.concat(window.deploymap.smallArea(data, spec, pane, classes)); }
      if (style.halo) {
        parts.push(vector(shape, latlngs, {
          pane: pane, interactive: false, className: "dm-halo", color: HALO, opacity: 0.85,
          weight: style.weight + 8, fill: false
        }));
      }
      parts.push(vector(shape, latlngs, L.extend(without(style, "halo"), { pane: pane, className: names })));
    }
    var group = L.featureGroup(parts);
    if (spec.pop !== null) { group.bindPopup(spec.pop, popupOptions); }
    group.bindTooltip(spec.tip, spec.k === "point"
      ? { direction: "top", offset: [spec.o || 0, -10], className: "dm-tip" }
      : { sticky: true, direction: "auto", className: "dm-tip" });
    return group;
  }

  function swipe(map, data, groups) {
    var container = map.getContainer();
    var box = L.DomUtil.create("div", "dm-swipe", container);
    box.innerHTML = '<div class="dm-swipe-line"></div>' +
      '<span class="dm-swipe-label dm-swipe-before">' + data.ui.swipe.before + "</span>" +
      '<span class="dm-swipe-label dm-swipe-after">' + data.ui.swipe.after + "</span>";
    var labels = { before: box.children[1], after: box.children[2] };
    /* the handle lies above every panel (legend, layers): it can always be dragged back */
    var track = L.DomUtil.create("div", "dm-swipe-track", container);
    var range = L.DomUtil.create("input", "dm-swipe-range", track);
    range.type = "range";
    range.min = 0;
    range.max = 1;
    range.step = "any";
    range.value = 0.5;
    range.setAttribute("aria-label", data.ui.swipe.handle);
    range.title = data.ui.swipe.handle;
    var before = map.getPane("dm-before"), after = map.getPane("dm-after");
    L.DomEvent.disableClickPropagation(track);
    L.DomEvent.on(range, "pointerdown mousedown touchstart", function (e) {
      L.DomEvent.stopPropagation(e);
      map.dragging.disable();
    });
    L.DomEvent.on(range, "pointerup mouseup touchend", function () { map.dragging.enable(); });

    /* each side's label stays inside the map and on its own side; hidden when its side is
     * narrower than the label */
    function place(x, width) {
      var left = labels.before, right = labels.after, gap = 10;
      var lw = left.offsetWidth, rw = right.offsetWidth;
      left.style.left = Math.max(4, x - gap - lw) + "px";
      left.style.visibility = x - gap - lw >= 4 || x >= lw + 8 ? "visible" : "hidden";
      right.style.left = Math.min(width - rw - 4, x + gap) + "px";
      right.style.visibility = width - x - gap - rw >= 4 || width - x >= rw + 8 ? "visible" : "hidden";
    }

    function update() {
      var active = map.hasLayer(groups.before) && map.hasLayer(groups.after);
      container.classList.toggle("dm-swiping", active);
      if (!active) {
        before.style.clip = "";
        after.style.clip = "";
        return;
      }
      var size = map.getSize(), x = Math.round(size.x * Number(range.value));
      var nw = map.containerPointToLayerPoint([0, 0]);
      var se = map.containerPointToLayerPoint(size);
      var cut = nw.x + x;
      before.style.clip = "rect(" + [nw.y, cut, se.y, nw.x].join("px,") + "px)";
      after.style.clip = "rect(" + [nw.y, se.x, se.y, cut].join("px,") + "px)";
      box.style.setProperty("--dm-cut", x + "px");
      place(x, size.x);
    }
    range.addEventListener("input", update);
    map.on("move zoom resize viewreset overlayadd overlayremove", update);
    update();
    return { range: range, update: update };
  }

  /* On a narrow screen a popup opens as a sheet along the bottom, as wide as the screen and
   * at most 60% of its height, scrolling inside, with its own close button. */
  function sheet(map, ui) {
    var box = L.DomUtil.create("div", "dm-sheet", map.getContainer());
    box.setAttribute("role", "dialog");
    box.hidden = true;
    var close = L.DomUtil.create("button", "dm-sheet-close", box);
    close.type = "button";
    close.setAttribute("aria-label", ui.close);
    close.title = ui.close;
    close.textContent = "\u00d7";
    var body = L.DomUtil.create("div", "dm-sheet-body", box);
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    function hide() {
      box.hidden = true;
      body.innerHTML = "";
      map.getContainer().classList.remove("dm-sheet-open");
    }
    L.DomEvent.on(close, "click", hide);
    document.addEventListener("keydown", function (e) { if (e.key === "Escape") { hide(); } });
    map.on("click", hide);
    return {
      show: function (content) {
        if (typeof content === "string") {
          body.innerHTML = content;
        } else {
          body.innerHTML = "";
          body.appendChild(content);
        }
        box.hidden = false;
        box.scrollTop = 0;
        map.getContainer().classList.add("dm-sheet-open");
        close.focus({ preventScroll: true });
      },
      hide: hide,
      element: box
    };
  }

  function fullscreen(map, ui) {
    var button;
    function label() {
      var on = document.fullscreenElement === map.getContainer() ||
        map.getContainer().classList.contains("dm-pseudo-fullscreen");
      button.title = on ? ui.exitFullscreen : ui.fullscreen;
      button.setAttribute("aria-label", button.title);
      button.setAttribute("aria-pressed", on ? "true" : "false");
    }
    function pseudo() {
      map.getContainer().classList.toggle("dm-pseudo-fullscreen");
      map.invalidateSize();
      label();
    }
    function toggle() {
      var container = map.getContainer();
      if (document.fullscreenElement) {
        document.exitFullscreen();
      } else if (container.classList.contains("dm-pseudo-fullscreen")) {
        pseudo();
      } else if (container.requestFullscreen && document.fullscreenEnabled) {
        container.requestFullscreen().catch(pseudo);
      } else {
        pseudo();
      }
    }
    document.addEventListener("fullscreenchange", function () { map.invalidateSize(); label(); });
    return control("topleft", "leaflet-bar dm-fullscreen", "", function (div) {
      button = L.DomUtil.create("a", "", div);
      button.href = "#";
      button.setAttribute("role", "button");
      button.innerHTML = '<svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">' +
        '<path d="M3 8V3h5M12 3h5v5M17 12v5h-5M8 17H3v-5" fill="none" stroke="currentColor" stroke-width="2"/></svg>';
      L.DomEvent.on(button, "click", function (e) { L.DomEvent.preventDefault(e); toggle(); });
      label();
    });
  }

  function draw(map, data) {
    var shapes = shapeReader(data.geoms);
    var container = map.getContainer();
    container.classList.add("dm-map");
    document.documentElement.lang = data.lang;

    var defs = document.createElementNS(SVG_NS, "svg");
    defs.setAttribute("class", "dm-defs");
    defs.setAttribute("aria-hidden", "true");
    defs.innerHTML = "<defs>" + data.patterns.join("") + "</defs>";
    container.appendChild(defs);

    [["dm-basemap", 300], ["dm-change", 410], ["dm-before", 420], ["dm-after", 430], ["dm-day", 440],
     ["dm-labels", 450]]
      .forEach(function (pane) { map.createPane(pane[0]).style.zIndex = pane[1]; });
    drawBasemap(map, data, shapes);

    /* on a phone the panels start folded so the map stays visible */
    var narrow = map.getSize().x <= NARROW;
    var title = control("topleft", "dm-title", data.ui.title);
    title.addTo(map);
    L.control.zoom({ position: "topleft" }).addTo(map);
    fullscreen(map, data.ui).addTo(map);
    var layers = L.control.layers(null, null, { collapsed: narrow, position: "topright" });
    layers.addTo(map);
    var legend = control("topright", "dm-legend-box", data.ui.legend);
    legend.addTo(map);
    L.control.scale({ imperial: false, position: "bottomleft" }).addTo(map);
    var credits = control("bottomleft", "dm-credits", data.ui.credits);
    credits.addTo(map);
    function fold(panel) {
      panel.getContainer().querySelectorAll("details").forEach(function (d) { d.open = false; });
    }
    if (narrow) { [legend, credits].forEach(fold); }
    if (credits.getContainer().offsetHeight > map.getSize().y * CREDITS_SHARE) { fold(credits); }

    /* popups keep clear of the title (top) and the legend (right) when they pan into view */
    var top = title.getContainer().offsetHeight + 16;
    var right = narrow ? 12 : legend.getContainer().offsetWidth + 24;
    var popupOptions = {
      maxWidth: 380, minWidth: 240, maxHeight: Math.max(160, Math.min(380, map.getSize().y - top - 60)),
      autoPanPaddingTopLeft: [12, top], autoPanPaddingBottomRight: [right, 12], autoPan: !narrow
    };
    var bottomSheet = sheet(map, data.ui);
    map.on("popupopen", function (e) {
      if (map.getSize().x > NARROW) { return; }
      var content = e.popup.getElement().querySelector(".leaflet-popup-content").innerHTML;
      var at = e.popup.getLatLng();
      map.closePopup(e.popup);
      bottomSheet.show(content);
      /* what was tapped stays in sight, above the sheet */
      var point = map.latLngToContainerPoint(at);
      var free = map.getSize().y - bottomSheet.element.offsetHeight;
      if (point.y > free - 24) { map.panBy([0, point.y - free / 2], { animate: false }); }
    });
    var groups = {};
    /* one way of looking at a time: the two days side by side (swipe), the change, or the
     * day of the time slider; choosing one puts the others away */
    var modes = { before: ["change", "day"], after: ["change", "day"],
                  change: ["before", "after", "day"], day: ["before", "after", "change"] };
    map.on("overlayadd", function (e) {
      Object.keys(groups).forEach(function (id) {
        if (groups[id] !== e.layer) { return; }
        /* after the layer list has applied the click that added it (it adds every ticked
         * layer, so a layer put away at once would come straight back) */
        window.setTimeout(function () {
          if (!map.hasLayer(groups[id])) { return; }
          modes[id].forEach(function (other) {
            if (groups[other] && map.hasLayer(groups[other])) { map.removeLayer(groups[other]); }
          });
        }, 0);
      });
    });
    /* large maps: one canvas a layer, clustered points (deploymap-canvas.js) */
    var canvas = data.canvas ? window.deploymap.canvasLayers(map, data, popupOptions) : null;
    data.layers.forEach(function (spec) {
      var group = canvas ? canvas[spec.id] : L.layerGroup(spec.features.map(function (f) {
        return feature(data, f, "dm-" + spec.id, shapes, popupOptions);
      }));
      groups[spec.id] = group;
      layers.addOverlay(group, spec.name);
      if (spec.show) { group.addTo(map); }
    });
    /* the time slider (maps drawn feature by feature) */
    var days = data.days ? window.deploymap.timeSlider(map, data, {
      groups: groups, popup: popupOptions,
      feature: function (spec, pane, classes) {
        return feature(data, spec, pane, shapes, popupOptions, classes);
      }
    }) : null;
    if (days) {
      groups.day = days.group;
      layers.addOverlay(days.group, data.days.name);
    }

    function legendSections() {
      legend.getContainer().querySelectorAll("section[data-layers]").forEach(function (section) {
        var shown = section.getAttribute("data-layers").split(" ").some(function (id) {
          return map.hasLayer(groups[id]);
        });
        section.hidden = !shown;
      });
    }
    map.on("overlayadd overlayremove", legendSections);
    legendSections();

    function zoomClass() { container.classList.toggle("dm-zoomed-out", map.getZoom() < 7.5); }
    map.on("zoomend", zoomClass);

    /* names placed clear of the symbols and of one another (deploymap-labels.js) */
    function declutter() {
      window.deploymap.sizeSmallAreas(map, data);
      window.deploymap.declutter(container);
    }
    function later() { window.setTimeout(declutter, 0); }
    map.on("zoomend moveend overlayadd overlayremove dmday resize", later);
    /* a panel opened or closed (the legend, the credits) frees or covers names */
    container.addEventListener("toggle", later, true);

    /* the story clear of the panels as they are drawn: below the title, beside the legend,
     * above the sources, the scale and the time bar */
    var frame = container.getBoundingClientRect(), highest = frame.bottom, lowest = frame.top;
    [credits.getContainer(), container.querySelector(".leaflet-control-scale"),
     container.querySelector(".dm-timebar")].forEach(function (panel) {
      var r = panel ? panel.getBoundingClientRect() : null;
      if (r && r.height > 0) { highest = Math.min(highest, r.top); }
    });
    /* on a phone the folded legend and layer list sit in the top right corner */
    [title].concat(narrow ? [legend, layers] : []).forEach(function (panel) {
      lowest = Math.max(lowest, panel.getContainer().getBoundingClientRect().bottom);
    });
    var clear = lowest - frame.top + 12, bottom = Math.max(24, frame.bottom - highest + 12);
    map.fitBounds(data.view.fit || data.view.focus, { paddingTopLeft: [24, clear], paddingBottomRight: [right, bottom], animate: false });
    zoomClass();
    declutter();
    var slider = swipe(map, data, groups);
    map.deploymap = { groups: groups, swipe: slider, sheet: bottomSheet, days: days };
    return map.deploymap;
  }

  window.deploymap = { draw: draw, decodeLine: decodeLine };
}());
