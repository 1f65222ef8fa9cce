/* deploymap: the time slider. Shows the map on any day of the scenario's span.
 * Part of deploymap (MIT). Needs Leaflet 1.9 and deploymap.js (window.deploymap).
 * Each Day feature is a place with its spans of days, iv = [[from, until, style, sure], ...]
 * (days since 1970-01-01; null: open), worked out by the renderer from the rule of
 * geo.timeline.in_force: on day D the place is drawn with the span that holds D
 * (from <= D < until), dotted when not sure. Every HTML string here was escaped by the
 * renderer.
 */
(function () {
  "use strict";

  var DAY_MS = 86400000;
  var STEP_MS = 1100; /* Play: one change every STEP_MS */

  function lower(d) { return d === null ? -Infinity : d; }
  function upper(d) { return d === null ? Infinity : d; }

  /* The number of the span of `feature` that holds `day`, or -1 (nobody there). */
  function stateOn(feature, day) {
    for (var i = 0; i < feature.iv.length; i++) {
      if (lower(feature.iv[i][0]) <= day && day < upper(feature.iv[i][1])) { return i; }
    }
    return -1;
  }

  function isoDay(day) { return new Date(day * DAY_MS).toISOString().slice(0, 10); }

  function parseDay(text) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
    if (!m) { return null; }
    var time = Date.UTC(+m[1], +m[2] - 1, +m[3]);
    var back = new Date(time);
    if (back.getUTCMonth() !== +m[2] - 1 || back.getUTCDate() !== +m[3]) { return null; }
    return Math.round(time / DAY_MS);
  }

  function dayName(day, words) {
    var date = new Date(day * DAY_MS);
    var month = date.getUTCMonth();
    return words.dayPattern.replace("{d}", String(date.getUTCDate()))
      .replace("{month}", words.months[month]).replace("{m}", String(month + 1))
      .replace("{y}", String(date.getUTCFullYear()));
  }

  function hashDay() {
    var m = /(?:^#|&)day=([0-9-]+)/.exec(window.location.hash);
    return m ? parseDay(m[1]) : null;
  }

  /* The Day layer and its slider on `map`; `draw` makes one feature (deploymap.js). */
  function timeSlider(map, data, options) {
    var spec = data.days, words = spec.words;
    var group = L.layerGroup();
    var made = {}; /* "index:sure|unsure" -> Leaflet layer, made when first shown */
    var shown = {};
    var current = null, timer = null;

    function make(index, state) {
      var key = index + ":" + state;
      if (!(key in made)) {
        var f = spec.features[index], span = f.iv[state];
        var layer = options.feature({ g: f.g, s: span[2], k: f.k, pop: null, tip: f.tip, n: f.n },
          "dm-day", (span[3] ? "dm-day-sure" : "dm-day-unsure") + " dm-p-" + index);
        layer.bindPopup(function () {
          var now = stateOn(f, current);
          var status = (now >= 0 && f.iv[now][3] ? words.present : words.possibly)
            .replace("{date}", dayName(current, words));
          return f.pop[0] + status + f.pop[1];
        }, options.popup);
        made[key] = layer;
      }
      return made[key];
    }

    function show(day) {
      current = Math.min(Math.max(day, spec.span[0]), spec.span[1]);
      spec.features.forEach(function (f, index) {
        var state = stateOn(f, current), before = index in shown ? shown[index] : -1;
        if (state === before) { return; }
        if (before >= 0) { group.removeLayer(made[index + ":" + before]); }
        if (state >= 0) { group.addLayer(make(index, state)); }
        shown[index] = state;
      });
      range.value = String(current);
      range.setAttribute("aria-valuetext", dayName(current, words));
      label();
      if (map.hasLayer(group)) { remember(); }
      map.fire("dmday");
    }

    /* the day shown, or while the slider's layer is away, what the slider is for */
    function label() {
      var on = map.hasLayer(group);
      bar.classList.toggle("dm-day-off", !on);
      output.textContent = on ? dayName(current, words) : words.pick;
    }

    function remember() {
      try {
        window.history.replaceState(null, "", "#day=" + isoDay(current));
      } catch (e) { /* a sandboxed frame: the link cannot keep the day */ }
    }

    /* Moving the slider shows the Day layer alone. */
    function focusDay() {
      if (!map.hasLayer(group)) {
        Object.keys(options.groups).forEach(function (id) {
          if (id !== "day" && map.hasLayer(options.groups[id])) { map.removeLayer(options.groups[id]); }
        });
        group.addTo(map);
      }
    }

    function next() {
      var later = spec.events.filter(function (d) { return d > current; });
      if (!later.length) { pause(); return; }
      show(later[0]);
    }
    function play() {
      focusDay();
      if (current >= spec.span[1]) { show(spec.span[0]); } else { next(); }
      timer = window.setInterval(next, STEP_MS);
      button.classList.add("dm-playing");
      button.title = words.pause;
      button.setAttribute("aria-label", words.pause);
    }
    function pause() {
      if (timer !== null) { window.clearInterval(timer); }
      timer = null;
      button.classList.remove("dm-playing");
      button.title = words.play;
      button.setAttribute("aria-label", words.play);
    }

    var bar = L.DomUtil.create("div", "dm-timebar", map.getContainer());
    var button = L.DomUtil.create("button", "dm-play", bar);
    button.type = "button";
    var range = L.DomUtil.create("input", "dm-day-range", bar);
    range.type = "range";
    range.min = String(spec.span[0]);
    range.max = String(spec.span[1]);
    range.step = "1";
    range.setAttribute("aria-label", words.slider);
    range.title = words.slider;
    var output = L.DomUtil.create("output", "dm-day", bar);
    L.DomEvent.disableClickPropagation(bar);
    L.DomEvent.disableScrollPropagation(bar);
    L.DomEvent.on(range, "pointerdown mousedown touchstart", function (e) {
      L.DomEvent.stopPropagation(e);
      map.dragging.disable();
    });
    L.DomEvent.on(range, "pointerup mouseup touchend", function () { map.dragging.enable(); });
    range.addEventListener("input", function () { pause(); focusDay(); show(Number(range.value)); });
    L.DomEvent.on(button, "click", function () { if (timer === null) { play(); } else { pause(); } });
    pause();

    map.on("overlayadd", function (e) { if (e.layer === group) { remember(); label(); } });
    map.on("overlayremove", function (e) { if (e.layer === group) { pause(); label(); } });
    function fromHash() {
      var day = hashDay();
      if (day !== null) { focusDay(); show(day); }
    }
    window.addEventListener("hashchange", fromHash);
    show(spec.start);
    fromHash();
    return {
      group: group, show: function (iso) { focusDay(); show(parseDay(iso)); },
      day: function () { return isoDay(current); }, play: play, pause: pause,
      places: spec.features.map(function (f) { return f.p; })
    };
  }

  window.deploymap.timeSlider = timeSlider;
}());
