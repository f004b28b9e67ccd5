"""CLI subcommands: each module here exposes `register(subparsers)` (see `medchat.cli`)."""
