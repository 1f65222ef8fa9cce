/* deploymap: the names on the map, kept legible. Each site's name takes the first spot
 * around its symbol (right, left, above, below, then the corners) that covers no other
 * symbol and no name placed before it and lies inside the visible map (a name above or
 * below may slide sideways to fit); a name with no spot inside takes the free one cut
 * least by the edge, and one with no free spot is hidden until a zoom makes room. A site's
 * name leaves a capital's dot and name free when another spot allows. The basemap's names
 * (countries, towns, provinces, water) then give way: one that would cover a symbol or a
 * name already shown, or repeat a site's name (the capital where a force is), is hidden; a
 * capital's name whose place right of its dot is taken goes to another side of the dot
 * (a capital whose dot is under a symbol is named beside the symbols). No name goes under
 * a panel (the title, the legend, the credits, the zoom buttons: every Leaflet control;
 * the time bar), which would hide it.
 * Part of deploymap (MIT). Needs deploymap.js (window.deploymap). Reads only the page.
 */
(function () {
  "use strict";

  var CELL = 64; /* px: the grid the boxes are looked up in */
  var PAD = 2; /* px kept between a name and what it must not cover */
  /* basemap names, the most telling first */
  var BASEMAP = [".dm-label-home span", ".dm-label-country span", ".dm-label-capital span",
    ".dm-label-town span", ".dm-label-province span", ".dm-label-lake span",
    ".dm-label-river span"];

  /* Boxes on a grid of CELL pixels: adding one, asking whether one hits any. */
  function Grid() { this.cells = {}; }
  Grid.prototype.each = function (r, visit) {
    for (var x = Math.floor(r.left / CELL); x <= Math.floor(r.right / CELL); x++) {
      for (var y = Math.floor(r.top / CELL); y <= Math.floor(r.bottom / CELL); y++) {
        if (visit(x + "," + y) === true) { return true; }
      }
    }
    return false;
  };
  Grid.prototype.add = function (r) {
    var cells = this.cells;
    this.each(r, function (key) { (cells[key] = cells[key] || []).push(r); });
  };
  Grid.prototype.hits = function (r) {
    var cells = this.cells;
    return this.each(r, function (key) {
      return (cells[key] || []).some(function (o) {
        return r.left < o.right + PAD && o.left < r.right + PAD &&
          r.top < o.bottom + PAD && o.top < r.bottom + PAD;
      });
    });
  };

  function box(left, top, width, height) {
    return { left: left, top: top, right: left + width, bottom: top + height };
  }

  /* Where a name of width w and height h may sit around a symbol of radius r: its
   * top-left corner, from the anchor. */
  function spots(r, w, h) {
    var g = r + 4, d = r + 1;
    return [[g, -h / 2], [-g - w, -h / 2], [-w / 2, -g - h], [-w / 2, g],
      [d, -d - h], [d, d], [-d - w, -d - h], [-d - w, d]];
  }

  /* How far (px, summed over the sides) box r runs past the visible map `view`. */
  function overflow(r, view) {
    return Math.max(0, view.left - r.left) + Math.max(0, r.right - view.right) +
      Math.max(0, view.top - r.top) + Math.max(0, r.bottom - view.bottom);
  }

  /* A name above or below its symbol may slide sideways into the visible map, as long as
   * it still spans the symbol: a long name near the edge of a phone's screen. */
  function slide(spot, r, w, anchor, view) {
    var x = Math.min(spot[0], view.right - PAD - w - anchor.left);
    x = Math.max(x, view.left + PAD - anchor.left);
    var slack = Math.max(0, w / 2 - r);
    return [Math.max(spot[0] - slack, Math.min(spot[0] + slack, x)), spot[1]];
  }

  function shown(elements, visible) {
    elements.forEach(function (e) { if (e) { e.style.visibility = visible ? "" : "hidden"; } });
  }

  /* A town's name beside its dot: the first free spot of `count` (1: right of it only),
   * inside the visible map. Its dot must be free (a capital's dot under a symbol: its
   * name beside the symbols, with no dot). Returns whether it is shown. */
  function besideDot(marker, taken, view, count) {
    var dot = marker.querySelector(".dm-dot"), span = marker.querySelector("span");
    span.style.transform = "";
    shown([dot, span], true);
    var d = dot.getBoundingClientRect(), own = span.getBoundingClientRect();
    if (own.width === 0) { return false; }
    var x = d.left + d.width / 2, y = d.top + d.height / 2, radius = d.width / 2;
    var anchor = marker.getBoundingClientRect();
    /* the dot itself: only a true overlap counts, not the gap names keep */
    var core = box(x - radius + PAD + 0.5, y - radius + PAD + 0.5, 1, 1);
    core.right = x + radius - PAD - 0.5;
    core.bottom = y + radius - PAD - 0.5;
    if (taken.hits(core)) {
      if (count === 1) { shown([dot, span], false); return false; }
      shown([dot], false);
      radius = 11; /* beside the symbols over it */
    }
    var chosen = null;
    spots(radius, own.width, own.height).slice(0, count).some(function (spot) {
      var r = box(x + spot[0], y + spot[1], own.width, own.height);
      if (taken.hits(r) || overflow(r, view) > 0) { return false; }
      chosen = [spot, r];
      return true;
    });
    if (chosen === null) { shown([dot, span], false); return false; }
    span.style.transform = "translate(" + (x + chosen[0][0] - anchor.left) + "px, " +
      (y + chosen[0][1] - anchor.top) + "px)";
    if (dot.style.visibility !== "hidden") { taken.add(d); }
    taken.add(chosen[1]);
    return true;
  }

  function declutter(container) {
    var view = container.getBoundingClientRect();
    var taken = new Grid(), names = {};
    /* capitals' dots and names where they are written by default: kept free if possible */
    var capitals = new Grid();
    Array.prototype.forEach.call(container.querySelectorAll(".dm-label-capital"), function (marker) {
      var dot = marker.querySelector(".dm-dot"), span = marker.querySelector("span");
      span.style.transform = "";
      shown([dot, span], true);
      if (span.getBoundingClientRect().width > 0) {
        capitals.add(dot.getBoundingClientRect());
        capitals.add(span.getBoundingClientRect());
      }
    });
    Array.prototype.forEach.call(container.querySelectorAll(".leaflet-control, .dm-timebar"), function (e) {
      var r = e.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) { taken.add(r); }
    });
    Array.prototype.forEach.call(container.querySelectorAll(".dm-symbol, .dm-small-symbol"), function (e) {
      var r = e.getBoundingClientRect();
      if (r.width > 0) { taken.add(r); }
    });
    Array.prototype.forEach.call(container.querySelectorAll(".dm-label-site span"), function (e) {
      e.style.visibility = "";
      e.style.marginLeft = "0px";
      e.style.transform = "none";
      var anchor = e.parentNode.getBoundingClientRect(), own = e.getBoundingClientRect();
      var radius = Number(e.getAttribute("data-r")) || 6, text = e.textContent.trim().toLowerCase();
      var twin = (names[text] || []).some(function (at) {
        return Math.abs(at[0] - anchor.left) < 3 && Math.abs(at[1] - anchor.top) < 3;
      });
      if (twin) { e.style.visibility = "hidden"; return; } /* the same place on two layers */
      var chosen = null, outside = null, least = Infinity;
      function search(avoid) {
        spots(radius, own.width, own.height).some(function (spot, index) {
          if (index === 2 || index === 3) { spot = slide(spot, radius, own.width, anchor, view); }
          var r = box(anchor.left + spot[0], anchor.top + spot[1], own.width, own.height);
          if (taken.hits(r) || (avoid && capitals.hits(r))) { return false; }
          var over = overflow(r, view);
          if (over > 0) { /* past the map's edge: only if no spot is inside, the least cut */
            if (over < least) { least = over; outside = [spot, r]; }
            return false;
          }
          chosen = [spot, r];
          return true;
        });
      }
      search(true); /* clear of the capitals first */
      if (chosen === null) { outside = null; least = Infinity; search(false); }
      chosen = chosen || outside;
      if (own.width === 0 || chosen === null) {
        e.style.visibility = "hidden";
        return;
      }
      e.style.transform = "translate(" + chosen[0][0] + "px, " + chosen[0][1] + "px)";
      taken.add(chosen[1]);
      (names[text] = names[text] || []).push([anchor.left, anchor.top]);
    });
    BASEMAP.forEach(function (selector, rank) {
      var pinned = rank === 2 || rank === 3; /* a town's name stays by its dot */
      Array.prototype.forEach.call(container.querySelectorAll(selector), function (e) {
        var dot = e.parentNode.querySelector(".dm-dot");
        e.style.visibility = "";
        e.style.transform = "";
        var r = e.getBoundingClientRect();
        if (r.width === 0) { return; }
        if (names[e.textContent.trim().toLowerCase()]) { shown([e, dot], false); return; }
        if (pinned) { /* a capital's name may take any side of its dot, a town's the right */
          besideDot(e.parentNode, taken, view, rank === 2 ? 8 : 1);
          return;
        }
        /* an area's name may move up or down inside its area, off what it would cover */
        var shift = [0, -1.6, 1.6, -3.2, 3.2].find(function (k) {
          return !taken.hits(box(r.left, r.top + k * r.height, r.width, r.height));
        });
        if (shift === undefined) {
          e.style.visibility = "hidden";
          return;
        }
        if (shift !== 0) {
          e.style.transform = "translate(-50%, calc(-50% + " + shift * r.height + "px))";
        }
        taken.add(box(r.left, r.top + shift * r.height, r.width, r.height));
      });
    });
  }

  window.deploymap.declutter = declutter;
}());
