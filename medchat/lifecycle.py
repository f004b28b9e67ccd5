"""Orderly exit for MedChat's entry points (`python -m medchat`, `python app.py`, Ray actors).

Python runs atexit handlers newest first, so a library imported after MedChat registered its own
exit hooks is torn down before them. blis (spaCy's BLAS, loaded with the PII scrubber on the
first log line) registers `bli_finalize` that way: it freed its kernels while the model's
batching thread was still logging its last batch through the scrubber, and `python -m medchat
patient` ended in SIGSEGV. Entry points call `shutdown()` once their work is done, before any
atexit handler runs.
"""

from __future__ import annotations

import sys


def shutdown() -> None:
    """Stop the model worker threads, then the embedded Redis server, in this process.

    Only what the process used is touched: a module never imported has nothing to stop, and
    importing it here would cost a command like `personas list` seconds of start-up.
    """
    factory = sys.modules.get("medchat.models.factory")
    if factory is not None:
        factory.close_engines()  # joins each batching thread, which finishes its last batch
    embedded = sys.modules.get("medchat.store.embedded")
    if embedded is not None:
        embedded.close_embedded()
