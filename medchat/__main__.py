"""Allow `python -m medchat`."""

from medchat.cli import entry_point

entry_point()
