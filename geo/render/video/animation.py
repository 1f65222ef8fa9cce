"""An animated map of a scenario's timeline: GIF and MP4 at 1080×1080 or 1920×1080.

The timeline is played event by event (:mod:`geo.render.video.schedule`: one frame per day
on which the map changes, held long enough to read), each frame drawn like the static map
of that day with a date caption, a timeline bar, the legend and the credits
(:mod:`geo.render.video.canvas`), then encoded (:mod:`geo.render.video.encode`). One call
draws the frames once for every format asked.
"""

from __future__ import annotations

import contextlib
from typing import Any

from ...errors import BadArgument
from ...i18n import check_language
from ...timeline import Timeline
from ..formats import VIDEO_FORMATS, VIDEO_PIXELS, VIDEO_SIZES


def check_video(formats: tuple[str, ...] | list[str], size: str) -> None:
    """A :class:`~geo.errors.BadArgument` for an unknown format or size."""
    unknown = [f for f in formats if f not in VIDEO_FORMATS]
    if unknown or not formats:
        raise BadArgument(f"unknown animation format {(unknown or [''])[0]!r}; use one of: "
                          f"{', '.join(VIDEO_FORMATS)}")
    if size not in VIDEO_SIZES:
        raise BadArgument(f"unknown video size {size!r}; use one of: "
                          + ", ".join(f"{name} ({w}x{h})"
                                      for name, (w, h) in VIDEO_PIXELS.items()))


def render_animation(timeline: Timeline, *, formats: tuple[str, ...] = VIDEO_FORMATS,
                     size: str = "square", lang: str = "en") -> dict[str, bytes]:
    """The animated map of ``timeline`` in each of ``formats``.

    Parameters
    ----------
    timeline
        The scenario's timeline.
    formats
        ``gif`` and/or ``mp4``.
    size
        ``square`` (1080×1080) or ``wide`` (1920×1080).
    lang
        ``en`` or ``vi``: every word, place name and date.

    Returns
    -------
    dict
        Format → the file's bytes; the same bytes on every run for the same input.
    """
    import matplotlib

    from ..static.style import RC
    from .canvas import Animator
    from .encode import WRITERS
    from .schedule import schedule

    check_language(lang)
    check_video(formats, size)
    frames = schedule(timeline)
    width, height = VIDEO_PIXELS[size]
    with contextlib.ExitStack() as stack, matplotlib.rc_context(RC):
        animator = Animator(timeline, frames, lang=lang, size=size)
        writers: dict[str, Any] = {}
        for fmt in formats:
            writer = WRITERS[fmt](width, height)
            stack.callback(writer.close)
            writers[fmt] = writer
        for index, frame in enumerate(frames):
            pixels = animator.render(index)
            for writer in writers.values():
                writer.add(pixels, frame.seconds)
        return {fmt: writer.finish() for fmt, writer in writers.items()}


__all__ = ["check_video", "render_animation"]
