"""The teacher's switch for large explorer text (chapter 00); the explorers' machinery is :mod:`helpers.live`."""

from helpers.live import large_text

__all__ = ["large_text"]
