/* deploymap: areas too small to see at some zooms (a capital district on a map of its
 * country) get a symbol at their representative point, with their name, shown while the
 * area is smaller than SMALL_AREA pixels across; zoomed in, the outline is enough. The
 * symbol is a "dm-small-symbol", not a site's "dm-symbol": the feature is its area.
 * Part of deploymap (MIT). Needs deploymap.js (window.deploymap). Reads only the page.
 */
(function () {
  "use strict";

  var SMALL_AREA = 16;

  /* The symbol and the name of area feature `spec` (its `c` point, `b` bounds, `cs` style). */
  function smallArea(data, spec, pane, classes) {
    var style = data.styles[spec.cs];
    var symbol = L.marker(spec.c, {
      pane: pane, riseOnHover: true,
      icon: L.divIcon({ className: "dm-small-symbol dm-small-area" + (classes ? " " + classes : ""),
        html: style.icon,
        iconSize: [style.size, style.size] })
    });
    var name = L.marker(spec.c, {
      pane: "dm-labels", interactive: false, keyboard: false,
      icon: L.divIcon({ className: "dm-label dm-label-site dm-small-area", iconSize: null,
        html: '<span data-r="' + Math.round(style.size / 2) + '" style="margin-left:' +
          Math.round(style.size / 2 + 4) + 'px">' + spec.n + "</span>" })
    });
    (data.smallAreas = data.smallAreas || []).push({ bounds: L.latLngBounds(spec.b), markers: [symbol, name] });
    return [symbol, name];
  }

  /* Each small area's symbol and name shown or hidden for the zoom shown. */
  function sizeSmallAreas(map, data) {
    (data.smallAreas || []).forEach(function (item) {
      var a = map.latLngToContainerPoint(item.bounds.getSouthWest());
      var b = map.latLngToContainerPoint(item.bounds.getNorthEast());
      var seen = Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y)) >= SMALL_AREA;
      item.markers.forEach(function (marker) {
        var element = marker.getElement();
        if (element) { element.style.display = seen ? "none" : ""; }
      });
    });
  }

  window.deploymap.smallArea = smallArea;
  window.deploymap.sizeSmallAreas = sizeSmallAreas;
}());
