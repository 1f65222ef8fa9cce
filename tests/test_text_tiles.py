"""The PNG's text drawn from kept tiles: the pixels matplotlib draws glyph by glyph (to a
rounding step where glyphs overlap), the same bytes whatever the cache held, and SVG and PDF
untouched (real text)."""

from __future__ import annotations

import io
import zlib
from typing import Any

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from geo.render.static import text_tiles
from geo.render.static.style import RC, add_halo

pytestmark = pytest.mark.skipif(not text_tiles.SUPPORTED,
                                reason="this matplotlib lacks what the tiles need")


def _figure(canvas: type) -> Figure:
    """Text of every kind the maps draw: level and turned, bold, haloed, Vietnamese,
    several lines, on a coloured ground, at fractions of a pixel."""
    import matplotlib

    with matplotlib.rc_context(RC):
        figure = Figure(figsize=(4.0, 3.0), dpi=192)
        canvas(figure)
        ax = figure.add_axes((0.0, 0.0, 1.0, 1.0))
        ax.set_facecolor("#bcd6e8")
        ax.set_xlim(0, 100)
        ax.set_ylim(0, 100)
        texts = [
            ax.text(10.13, 80.37, "Gyumri, 102nd base", fontsize=7.6, fontweight="bold"),
            ax.text(10.51, 70.02, "Tỉnh Lào Cai · Hà Nội", fontsize=6.4, color="#666666"),
            ax.text(55.3, 40.7, "along the border", fontsize=7.0, rotation=31.7,
                    rotation_mode="anchor", ha="center", va="center"),
            ax.annotate("Niamey airport", (20.2, 20.9), xytext=(3.3, -2.7),
                        textcoords="offset points", fontsize=7.6, color="#c0392b"),
            figure.text(0.02, 0.98, "Two lines\nof credits", fontsize=5.9, va="top"),
        ]
        for number, text in enumerate(texts[:4]):
            add_halo(text, 2.4 if number % 2 == 0 else 2.0)
    return figure


def _png(figure: Figure) -> bytes:
    import matplotlib

    buffer = io.BytesIO()
    with matplotlib.rc_context(RC):
        figure.savefig(buffer, format="png", dpi=figure.dpi)
    return buffer.getvalue()


def _pixels(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGBA")).astype(int)


def test_tiles_draw_what_matplotlib_draws() -> None:
    text_tiles.TILES.__init__()
    tiled = _pixels(_png(_figure(text_tiles.TileCanvas)))
    assert {key[0] for key in text_tiles.TILES.tiles} == {"text", "halo"}
    assert any(key[0] == "text" and key[4] for key in text_tiles.TILES.tiles)  # turned
    plain = _pixels(_png(_figure(FigureCanvasAgg)))
    difference = np.abs(tiled - plain)
    assert difference.max() <= 3
    assert np.count_nonzero(difference.max(axis=2)) < 0.001 * difference[..., 0].size
    # the text is there: plenty of ink, the halos white around it
    assert np.count_nonzero(plain[..., :3].sum(axis=2) < 300) > 500


def test_the_same_bytes_whatever_the_cache_held() -> None:
    text_tiles.TILES.__init__()
    text_tiles.MEASURES.clear()
    cold = _png(_figure(text_tiles.TileCanvas))
    warm = _png(_figure(text_tiles.TileCanvas))
    assert cold == warm
    # tiles made by text elsewhere (another whole-pixel position, the same fraction) first
    text_tiles.TILES.__init__()
    figure = _figure(text_tiles.TileCanvas)
    for text in figure.axes[0].texts:
        if text.get_gid() != "halo" and not text.get_rotation():
            x, y = text.get_position()
            text.set_position((x + 2.0, y + 3.0))
    _png(figure)
    assert _png(_figure(text_tiles.TileCanvas)) == cold


def test_svg_and_pdf_keep_real_text() -> None:
    import matplotlib

    saved = {}
    for canvas in (text_tiles.TileCanvas, FigureCanvasAgg):
        figure = _figure(canvas)
        for fmt in ("svg", "pdf"):
            buffer = io.BytesIO()
            with matplotlib.rc_context(RC):
                figure.savefig(buffer, format=fmt, metadata={"Date": None} if fmt == "svg"
                               else {"CreationDate": None, "ModDate": None})
            saved[canvas, fmt] = buffer.getvalue()
    svg = saved[text_tiles.TileCanvas, "svg"].decode()
    assert "<text" in svg and "Gyumri, 102nd base" in svg
    for fmt in ("svg", "pdf"):  # the canvas of the PNG changes nothing in them
        assert saved[text_tiles.TileCanvas, fmt] == saved[FigureCanvasAgg, fmt]


def test_a_full_cache_drops_the_oldest_tiles(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text_tiles, "CACHE_BYTES", 2000)
    tiles = text_tiles._Tiles()
    for number in range(10):
        tiles.put(("text", number), (np.zeros((10, 50), np.uint8), 0, 0))
    assert tiles.size <= 2000
    assert tiles.get(("text", 0)) is None and tiles.get(("text", 9)) is not None


@pytest.fixture
def store(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """An empty cache folder, and a process that has read no tiles yet."""
    from geo.render.static import tile_store

    monkeypatch.setenv("DEPLOYMAP_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(tile_store, "_LOADED", [False])
    monkeypatch.setattr(tile_store, "_STORED", set())
    text_tiles.TILES.__init__()
    yield tile_store
    text_tiles.TILES.__init__()


def test_stored_tiles_are_read_back_and_change_no_pixel(store: Any) -> None:
    from geo.cache import read_entry

    store.load()  # nothing stored yet
    made = _png(_figure(text_tiles.TileCanvas))
    store.save()
    payload = read_entry(store.entry_path(), store.KIND, store._FORMAT)
    assert payload is not None
    stored = dict(store.decode(payload))
    assert stored.keys() == text_tiles.TILES.tiles.keys()
    for key, (coverage, left, top) in stored.items():
        kept = text_tiles.TILES.tiles[key]
        assert np.array_equal(coverage, kept[0]) and (left, top) == kept[1:]
    # a new process: the tiles come from the entry, the bytes are the same
    text_tiles.TILES.__init__()
    store._LOADED[0] = False
    store.load()
    assert text_tiles.TILES.tiles.keys() == stored.keys()
    assert _png(_figure(text_tiles.TileCanvas)) == made
    before = store.entry_path().stat().st_mtime_ns
    store.save()  # nothing new: not written again
    assert store.entry_path().stat().st_mtime_ns == before


@pytest.mark.parametrize("damage", ["flipped", "cut", "foreign", "bad index"])
def test_a_damaged_tile_entry_is_rebuilt_never_trusted(store: Any, damage: str,
                                                       capsys: pytest.CaptureFixture) -> None:
    from geo.cache import read_entry, write_entry

    made = _png(_figure(text_tiles.TileCanvas))
    store.save()
    path = store.entry_path()
    data = path.read_bytes()
    if damage == "flipped":
        path.write_bytes(data[:-40] + bytes([data[-40] ^ 0x10]) + data[-39:])
    elif damage == "cut":
        path.write_bytes(data[:len(data) // 2])
    elif damage == "foreign":  # the right header and checksum, not tiles
        write_entry(path, store.KIND, store._FORMAT, b"\x00" * 8 + b"[1,2]junk")
    else:  # tiles whose pixels are not all there
        tiles = list(store.decode(read_entry(path, store.KIND, store._FORMAT)))

        body = zlib.decompress(store.encode(tiles))
        write_entry(path, store.KIND, store._FORMAT, zlib.compress(body[:-7]))
    text_tiles.TILES.__init__()
    store._LOADED[0] = False
    store._STORED.clear()
    capsys.readouterr()
    store.load()
    assert "warning: the cached text tiles" in capsys.readouterr().err
    assert not text_tiles.TILES.tiles  # nothing of it was used
    assert _png(_figure(text_tiles.TileCanvas)) == made
    store.save()  # made whole again
    assert read_entry(path, store.KIND, store._FORMAT) is not None


# --- text measures and outlines kept in the cache folder (text_store) ---

@pytest.fixture
def measures(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The text store of a process that has measured nothing, writing into ``tmp_path``."""
    from geo.render.static import text_store

    monkeypatch.setenv("DEPLOYMAP_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(text_store, "_LOADED", [False])
    monkeypatch.setattr(text_store, "_STORED", (set(), set()))
    _forget_text()
    yield text_store
    _forget_text()


def _forget_text() -> None:
    from geo.render.static.text_store import PDF_MEASURES

    PDF_MEASURES.clear()
    text_tiles.MEASURES.clear()
    text_tiles.TEXT_TO_PATH.measures.clear()
    text_tiles.TEXT_TO_PATH.kept.clear()
    text_tiles.TILES.__init__()


def _saved(figure_canvas: type = text_tiles.TileCanvas) -> dict[str, bytes]:
    """The test figure as PNG, SVG and PDF, saved as a map is (SVG and PDF with the kept
    outlines)."""
    import matplotlib

    from geo.render.static.text_store import kept_text

    figure = _figure(figure_canvas)
    saved = {"png": _png(figure)}
    for fmt in ("svg", "pdf"):
        buffer = io.BytesIO()
        with matplotlib.rc_context(RC), kept_text():
            figure.savefig(buffer, format=fmt, metadata={"Date": None} if fmt == "svg" else
                           {"CreationDate": None, "ModDate": None})
        saved[fmt] = buffer.getvalue()
    return saved


def test_kept_text_changes_no_byte_of_svg_or_pdf(measures: Any) -> None:
    import matplotlib

    plain = {}
    figure = _figure(FigureCanvasAgg)
    for fmt in ("svg", "pdf"):
        buffer = io.BytesIO()
        with matplotlib.rc_context(RC):
            figure.savefig(buffer, format=fmt, metadata={"Date": None} if fmt == "svg" else
                           {"CreationDate": None, "ModDate": None})
        plain[fmt] = buffer.getvalue()
    kept = _saved(FigureCanvasAgg)
    assert text_tiles.TEXT_TO_PATH.measures and text_tiles.TEXT_TO_PATH.kept
    assert {fmt: kept[fmt] for fmt in plain} == plain
    assert {fmt: data for fmt, data in _saved(FigureCanvasAgg).items() if fmt in plain} == plain


def test_stored_measures_are_read_back_and_change_no_byte(
        measures: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from geo.cache import read_entry

    measures.load()  # nothing stored yet
    made = _saved()
    measures.save()
    payload = read_entry(measures.entry_path(), measures.KIND, measures._FORMAT)
    assert payload is not None
    sizes, outlines = measures.decode(payload)
    assert dict(sizes["agg"]) == text_tiles.MEASURES and sizes["agg"]
    assert dict(sizes["outline"]) == text_tiles.TEXT_TO_PATH.measures and sizes["outline"]
    assert dict(sizes["pdf"]) == measures.PDF_MEASURES and sizes["pdf"]
    for key, (verts, codes) in outlines:
        kept = text_tiles.TEXT_TO_PATH.kept[key]
        assert np.array_equal(verts, kept[0]) and np.array_equal(codes, kept[1])
    # a new process: every measure and outline comes from the entry, the bytes are the same
    _forget_text()
    measures._LOADED[0] = False
    measures.load()
    assert dict(sizes["agg"]) == text_tiles.MEASURES
    asked: list[str] = []
    from matplotlib.backends._backend_pdf_ps import RendererPDFPSBase
    from matplotlib.textpath import TextToPath

    def counting(original: Any) -> Any:
        def counted(self: Any, s: str, *args: Any) -> Any:
            asked.append(s)
            return original(self, s, *args)
        return counted

    for renderer in (text_tiles.RendererAgg, TextToPath, RendererPDFPSBase):  # each measure
        monkeypatch.setattr(renderer, "get_text_width_height_descent",
                            counting(renderer.get_text_width_height_descent))
    assert _saved() == made
    assert not asked, f"measured again: {asked}"
    before = measures.entry_path().stat().st_mtime_ns
    measures.save()  # nothing new: not written again
    assert measures.entry_path().stat().st_mtime_ns == before


@pytest.mark.parametrize("damage", ["flipped", "cut", "foreign", "bad outline", "bad measure"])
def test_a_damaged_measure_entry_is_rebuilt_never_trusted(measures: Any, damage: str,
                                                          capsys: pytest.CaptureFixture
                                                          ) -> None:
    import json

    from geo.cache import read_entry, write_entry

    made = _saved()
    measures.save()
    path = measures.entry_path()
    data = path.read_bytes()
    if damage == "flipped":
        path.write_bytes(data[:-40] + bytes([data[-40] ^ 0x10]) + data[-39:])
    elif damage == "cut":
        path.write_bytes(data[:len(data) // 2])
    elif damage == "foreign":  # the right header and checksum, not measures
        write_entry(path, measures.KIND, measures._FORMAT, b"\x00" * 8 + b"[1,2]junk")
    else:
        body = zlib.decompress(read_entry(path, measures.KIND, measures._FORMAT))
        if damage == "bad outline":  # outlines whose points are not all there
            body = body[:-7]
        else:  # a measure that is not three numbers
            size = int.from_bytes(body[:8], "big")
            index = json.loads(body[8:8 + size])
            index["measures"]["agg"][0][1] = ["1", 2.0, 3.0]
            head = json.dumps(index).encode()
            body = len(head).to_bytes(8, "big") + head + body[8 + size:]
        write_entry(path, measures.KIND, measures._FORMAT, zlib.compress(body))
    _forget_text()
    measures._LOADED[0] = False
    measures._STORED[0].clear()
    measures._STORED[1].clear()
    capsys.readouterr()
    measures.load()
    assert "warning: the cached text measures" in capsys.readouterr().err
    assert not text_tiles.MEASURES and not text_tiles.TEXT_TO_PATH.kept  # none of it used
    assert _saved() == made
    measures.save()  # made whole again
    assert read_entry(path, measures.KIND, measures._FORMAT) is not None
