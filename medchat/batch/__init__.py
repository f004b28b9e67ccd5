"""Batch self-play: many dialogues at once through the same engine, resumable, on Ray if asked."""
