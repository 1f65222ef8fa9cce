"""What a real QGIS makes of a GeoPackage: run by the system Python that has ``qgis.core``.

``/usr/bin/python3 tests/qgis_probe.py FILE.gpkg`` opens every layer of FILE as QGIS's
Layers panel would (the OGR provider, the default style from ``layer_styles``) and prints one
JSON object: per layer its validity, geometry type, fields, renderer, temporal settings and,
per feature, the symbol layers QGIS draws it with. ``tests/test_qgis.py`` judges the report;
this script only looks (it imports nothing of deploymap: it runs outside its environment).
"""

from __future__ import annotations

import json
import sys


def _symbol_layers(symbol) -> list[dict]:
    from qgis.core import QgsSimpleMarkerSymbolLayerBase

    layers = []
    for layer in symbol.symbolLayers():
        entry = {"class": layer.layerType(), "colour": layer.color().name(),
                 "alpha": layer.color().alpha()}
        if hasattr(layer, "strokeColor"):
            entry["stroke"] = layer.strokeColor().name()
        if layer.layerType() == "SimpleMarker":
            entry["shape"] = QgsSimpleMarkerSymbolLayerBase.encodeShape(layer.shape())
        if layer.subSymbol() is not None:
            entry["sub"] = _symbol_layers(layer.subSymbol())
        layers.append(entry)
    return layers


def _rules_taking(renderer, feature, context) -> list[dict]:
    """The rules that draw ``feature``: those whose filter QGIS finds true, else the ELSE
    rules (``symbolsForFeature`` would list the ELSE rules for every feature)."""
    if renderer.type() != "RuleRenderer":
        return [{"label": "", "symbol": _symbol_layers(s)}
                for s in renderer.symbolsForFeature(feature, context)]
    rules = renderer.rootRule().children()
    taking = [r for r in rules if not r.isElse() and r.isFilterOK(feature, context)]
    return [{"label": r.label(), "else": r.isElse(), "symbol": _symbol_layers(r.symbol())}
            for r in taking or [r for r in rules if r.isElse()]]


def _layer(path: str, name: str) -> dict:
    from qgis.core import (
        QgsExpressionContextUtils,
        QgsRenderContext,
        QgsVectorLayer,
        QgsWkbTypes,
    )

    layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    report: dict = {"valid": layer.isValid()}
    if not layer.isValid():
        return report
    report["wkb_type"] = QgsWkbTypes.displayString(layer.wkbType())
    report["features"] = layer.featureCount()
    report["fields"] = {f.name(): {"type": int(f.type()), "type_name": f.typeName()}
                        for f in layer.fields()}
    if not layer.isSpatial():
        return report
    renderer = layer.renderer()
    report["renderer"] = renderer.type()
    if renderer.type() == "RuleRenderer":
        report["rules"] = [{"filter": rule.filterExpression(), "label": rule.label()}
                           for rule in renderer.rootRule().children()]
    report["temporal"] = _temporal(layer)
    context = QgsRenderContext()
    context.expressionContext().appendScopes(
        QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    renderer.startRender(context, layer.fields())
    drawn = []
    for feature in layer.getFeatures():
        context.expressionContext().setFeature(feature)
        attributes = {key: feature[key] for key in ("presence_id", "place_id", "force_type",
                                                    "kind", "change", "location_precision",
                                                    "certain")
                      if layer.fields().indexOf(key) >= 0}
        drawn.append({"attributes": {k: (v if isinstance(v, str | bool) else None)
                                     for k, v in attributes.items()},
                      "rules": _rules_taking(renderer, feature, context)})
    renderer.stopRender(context)
    report["drawn"] = drawn
    # QGIS sets a layer's temporal settings after its default style, from the provider and
    # field names; the stored style's own come back when it is loaded again (Style menu)
    report["style_reloaded"] = layer.loadDefaultStyle()[1]
    report["temporal_from_style"] = _temporal(layer)
    return report


def _temporal(layer) -> dict:
    from qgis.core import QgsVectorLayerTemporalProperties

    temporal = layer.temporalProperties()
    return {"active": temporal.isActive(),
            "start_and_end_fields": temporal.mode()
            == QgsVectorLayerTemporalProperties.ModeFeatureDateTimeStartAndEndFromFields,
            "start_field": temporal.startField(), "end_field": temporal.endField(),
            "include_end": int(temporal.limitMode()) == 1}


def main(path: str) -> dict:
    from qgis.core import Qgis, QgsApplication, QgsProviderRegistry

    app = QgsApplication([], False)
    app.initQgis()
    try:
        from osgeo import ogr  # GDAL's Python binding: QGIS's own dependency

        source = ogr.Open(path)
        names = [source.GetLayer(i).GetName() for i in range(source.GetLayerCount())]
        source = None
        report = {"qgis": Qgis.QGIS_VERSION,
                  "providers": sorted(QgsProviderRegistry.instance().providerList()),
                  "layers": {name: _layer(path, name) for name in names}}
    finally:
        app.exitQgis()
    return report


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1]), ensure_ascii=False))
