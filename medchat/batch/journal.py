"""Crash-safe JSONL journals: every finished dialogue is one fsync'd line.

A job killed mid-write leaves at most one partial last line; opening the journal truncates it,
so the next run neither duplicates nor loses a finished dialogue.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Any


class Journal:
    """Append-only JSONL file with the set of ids it already holds."""

    def __init__(self, path: Path):
        self.path = path
        self.ids: set[str] = set()
        self._lock = threading.Lock()
        path.parent.mkdir(parents=True, exist_ok=True)
        self._recover()
        self._file = path.open("a", encoding="utf-8")

    def _recover(self) -> None:
        if not self.path.exists():
            return
        data = self.path.read_bytes()
        good = 0
        for line in data.splitlines(keepends=True):
            if not line.endswith(b"\n"):
                break
            try:
                record_id = json.loads(line)["id"]
            except (ValueError, KeyError, TypeError):  # TypeError: JSON, but not an object
                break
            if not isinstance(record_id, str):
                break
            self.ids.add(record_id)
            good += len(line)
        if good < len(data):  # a partial or corrupt tail from an interrupted write
            with self.path.open("r+b") as f:
                f.truncate(good)

    def append(self, record: dict[str, Any]) -> None:
        line = json.dumps(record, ensure_ascii=False) + "\n"
        with self._lock:
            self._file.write(line)
            self._file.flush()
            os.fsync(self._file.fileno())
            self.ids.add(record["id"])

    def records(self) -> list[dict[str, Any]]:
        with self.path.open(encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]

    def close(self) -> None:
        self._file.close()
