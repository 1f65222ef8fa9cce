/* deploymap serve: reload this page when the map is rebuilt; show the scenario's error
   over the last good map while it lasts. Text from the server is set as text, never HTML. */
(function () {
  "use strict";
  var script = document.currentScript;
  var version = Number(script && script.dataset.version) || 0;
  var panel = null;

  function show(message) {
    if (!panel) {
      panel = document.createElement("div");
      panel.id = "dm-live-error";
      panel.setAttribute("role", "alert");
      panel.style.cssText = "position:fixed;left:8px;right:8px;bottom:8px;z-index:100000;" +
        "max-height:45vh;overflow:auto;background:#fff5f5;color:#5c0b0b;border:2px solid " +
        "#c4281c;border-radius:6px;padding:8px 12px;font:13px/1.4 ui-monospace,monospace;" +
        "white-space:pre-wrap;box-shadow:0 2px 12px rgba(0,0,0,.3)";
      var head = document.createElement("strong");
      head.textContent = "deploymap serve: the scenario has an error; the map is the last " +
        "good build.\n";
      panel.appendChild(head);
      panel.appendChild(document.createElement("span"));
      document.body.appendChild(panel);
    }
    panel.lastChild.textContent = message;
  }

  function hide() {
    if (panel) { panel.remove(); panel = null; }
  }

  function connect() {
    var events = new EventSource("/events");
    events.addEventListener("state", function (event) {
      var state = JSON.parse(event.data);
      if (state.html_version > version) { location.reload(); return; }
      if (state.error) { show(state.error); } else { hide(); }
      if (!state.error && version === 0 && state.html_version > 0) { location.reload(); }
    });
    events.onerror = function () {
      /* the server stopped or restarted: EventSource retries by itself */
    };
  }
  connect();
})();
