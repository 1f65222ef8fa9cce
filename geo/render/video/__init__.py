"""Animated maps (GIF, MP4): the timeline played event by event."""
