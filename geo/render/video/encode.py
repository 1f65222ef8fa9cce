"""Frames to files: an animated GIF through Pillow, an H.264 MP4 through the ffmpeg that the
``imageio-ffmpeg`` package ships.

GIF: one 256-colour palette for the whole animation, made by median cut from every frame
(a map has few colours: its inks, tints and their anti-aliased edges), no dithering (a
dithered tint changes from frame to frame and compresses badly), each frame held for its
own duration, looping forever. Pillow stores only the part of a frame that differs from
the one before. The same frames give the same bytes.

MP4: H.264 (High profile, level 4.0), ``yuv420p``, ``+faststart`` (the index first, so a
browser plays while it loads): what browsers, phones and social networks play. Each state
is sent to ffmpeg as many times as its hold lasts at :data:`INPUT_FPS`; ffmpeg repeats the
frames up to :data:`FPS` (some networks refuse slower video) and x264 stores a repeated
frame in a few bytes. One encoder thread and ffmpeg's ``bitexact`` flags, no metadata: the
same frames give the same bytes on every run with the same ffmpeg (x264's choices depend on
its thread count, which by default follows the machine's cores).
"""

from __future__ import annotations

import contextlib
import io
import subprocess
import tempfile
import zlib
from pathlib import Path

import numpy as np

from ...errors import BadArgument

#: Frames per second sent to ffmpeg (holds are rounded to a quarter second) and written.
INPUT_FPS, FPS = 4, 25
#: x264 quality: 0 lossless .. 51 worst; 20 keeps thin lines and small type sharp.
CRF = 20
#: x264 speed: most frames repeat the one before, where a slower preset gains little (a
#: wide MP4 of the seed story: 1.0 MB in about 7 s of one core; "medium": 1.3 MB, 12 s).
PRESET = "veryfast"


#: Colours a GIF's palette keeps exactly: the most frequent of the frames (paper, land,
#: sea, ink, tints); median cut shares the rest of the 256 among the other pixels.
EXACT_COLOURS = 64


def _pack(pixels: np.ndarray) -> np.ndarray:
    """RGB rows as one integer each."""
    rgb = pixels.astype(np.uint32)
    return (rgb[:, 0] << 16) | (rgb[:, 1] << 8) | rgb[:, 2]


def _palette(pixels: np.ndarray) -> np.ndarray:
    """256 colours (256 × RGB) for ``pixels`` (N × RGB)."""
    from PIL import Image

    packed = _pack(pixels)
    values, counts = np.unique(packed, return_counts=True)
    exact = values[np.argsort(-counts, kind="stable")[:EXACT_COLOURS]]
    colours = np.column_stack([(exact >> 16) & 255, (exact >> 8) & 255, exact & 255])
    rest = pixels[~np.isin(packed, exact)]
    if len(rest):
        spread = Image.fromarray(np.ascontiguousarray(rest.reshape(1, -1, 3))).quantize(
            colors=256 - len(colours), method=Image.Quantize.MEDIANCUT,
            dither=Image.Dither.NONE)
        used = len(spread.getcolors(256))
        colours = np.concatenate([colours, np.asarray(
            spread.getpalette()[:3 * used], dtype=np.uint32).reshape(-1, 3)])
    return np.concatenate([colours, np.zeros((256 - len(colours), 3), np.uint32)]).astype(
        np.int32)


def _indices(pixels: np.ndarray, colours: np.ndarray) -> np.ndarray:
    """The palette index of each pixel: the nearest colour (an exact one when there is one;
    Pillow's own mapping works on a coarser grid and turns white into light grey)."""
    values, inverse = np.unique(_pack(pixels), return_inverse=True)
    rgb = np.column_stack([(values >> 16) & 255, (values >> 8) & 255, values & 255]).astype(
        np.int32)
    nearest = np.empty(len(rgb), dtype=np.uint8)
    for start in range(0, len(rgb), 4096):
        part = rgb[start:start + 4096]
        distance = ((part[:, None, :] - colours[None, :, :]) ** 2).sum(axis=2)
        nearest[start:start + 4096] = distance.argmin(axis=1)
    return nearest[inverse.ravel()]


class GifWriter:
    """An animated GIF, a frame at a time: frames are kept compressed until the palette,
    made from all of them, is known."""

    def __init__(self, width: int, height: int) -> None:
        self.size = (width, height)
        self.frames: list[bytes] = []
        self.samples: list[np.ndarray] = []
        self.seconds: list[float] = []

    def add(self, frame: np.ndarray, seconds: float) -> None:
        """Append ``frame`` (RGB array), shown for ``seconds``."""
        self.frames.append(zlib.compress(np.ascontiguousarray(frame).tobytes(), 1))
        self.samples.append(frame[::3, ::3])  # enough pixels of every colour for a palette
        self.seconds.append(seconds)

    def finish(self) -> bytes:
        """The GIF's bytes."""
        from PIL import Image

        colours = _palette(np.concatenate(self.samples, axis=0).reshape(-1, 3))
        images = []
        for data in self.frames:
            pixels = np.frombuffer(zlib.decompress(data), dtype=np.uint8).reshape(-1, 3)
            image = Image.frombytes("P", self.size, _indices(pixels, colours).tobytes())
            image.putpalette(colours.astype(np.uint8).ravel().tolist())
            images.append(image)
        buffer = io.BytesIO()
        images[0].save(buffer, format="GIF", save_all=True, append_images=images[1:],
                       duration=[round(s * 1000) for s in self.seconds], loop=0, disposal=1,
                       optimize=False)
        return buffer.getvalue()

    def close(self) -> None:
        self.frames.clear()


def ffmpeg_path() -> str:
    """The ffmpeg executable of the ``imageio-ffmpeg`` package."""
    try:
        import imageio_ffmpeg
    except ImportError:  # a dependency: only a broken install lacks it
        raise BadArgument("--format mp4 needs the imageio-ffmpeg package, which deploymap "
                          "depends on: install it (pip install imageio-ffmpeg), or drop "
                          "mp4 from --format") from None
    return imageio_ffmpeg.get_ffmpeg_exe()


class Mp4Writer:
    """An H.264 MP4, a frame at a time: ffmpeg encodes while the next frames are drawn."""

    def __init__(self, width: int, height: int) -> None:
        self.folder = tempfile.TemporaryDirectory(prefix="deploymap-mp4-")
        self.path = Path(self.folder.name) / "video.mp4"
        command = [
            ffmpeg_path(), "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
            "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{width}x{height}",
            "-r", str(INPUT_FPS), "-i", "-",
            "-vf", f"format=yuv420p,fps={FPS}", "-an", "-c:v", "libx264", "-preset", PRESET,
            "-tune", "stillimage", "-crf", str(CRF), "-profile:v", "high", "-level", "4.0",
            "-pix_fmt", "yuv420p", "-threads", "1", "-filter_threads", "1",
            "-movflags", "+faststart", "-map_metadata", "-1",
            "-fflags", "+bitexact", "-flags:v", "+bitexact", str(self.path),
        ]
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def add(self, frame: np.ndarray, seconds: float) -> None:
        """Append ``frame`` (RGB array, even width and height), shown for ``seconds``."""
        assert self.process.stdin is not None
        data = np.ascontiguousarray(frame).tobytes()
        try:
            for _ in range(max(1, round(seconds * INPUT_FPS))):
                self.process.stdin.write(data)
        except BrokenPipeError:  # ffmpeg stopped: finish() reports why
            pass

    def finish(self) -> bytes:
        """The MP4's bytes."""
        assert self.process.stdin is not None and self.process.stderr is not None
        with contextlib.suppress(BrokenPipeError):
            self.process.stdin.close()
        errors = self.process.stderr.read().decode("utf-8", "replace")
        if self.process.wait() != 0:
            raise RuntimeError(f"ffmpeg failed ({self.process.returncode}): {errors.strip()}")
        return self.path.read_bytes()

    def close(self) -> None:
        """Stop ffmpeg if it still runs, and remove the temporary file."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        for stream in (self.process.stdin, self.process.stderr):
            if stream is not None and not stream.closed:
                with contextlib.suppress(BrokenPipeError):
                    stream.close()
        self.folder.cleanup()


#: The writer of each animated format.
WRITERS = {"gif": GifWriter, "mp4": Mp4Writer}


__all__ = ["CRF", "FPS", "INPUT_FPS", "PRESET", "WRITERS", "GifWriter", "Mp4Writer", "ffmpeg_path"]
