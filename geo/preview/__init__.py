"""The preview wing: ``deploymap serve`` — build, watch the inputs, rebuild, reload the page.

``session`` holds what was built last and rebuilds what an edit changed (the gazetteer,
basemaps and fonts stay loaded); ``server`` serves the map on the loopback interface and
tells open pages to reload (server-sent events); ``watch`` follows the scenario, its
articles and the places file. ``web/live.js`` is the script the served pages carry.
"""
