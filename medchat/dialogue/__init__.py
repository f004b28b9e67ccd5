"""The dialogue engine: one bounded turn loop for the UI, the CLI and batch self-play."""
