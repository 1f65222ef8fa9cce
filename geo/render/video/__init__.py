"""Animated maps (GIF, MP4): the timeline played event by event, see
:mod:`geo.render.video.animation`."""

from .animation import check_video, render_animation

__all__ = ["check_video", "render_animation"]
