"""Dataset formats. The doctor is the trained side: its turns are `assistant` (OpenAI) / `gpt`
(ShareGPT), the patient's and examiner's are `user` / `human`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from medchat.agents.doctor import SYSTEM_PROMPT
from medchat.errors import MedChatError, did_you_mean

_OPENAI_ROLE = {"doctor": "assistant", "patient": "user", "examiner": "user"}
_SHAREGPT_ROLE = {"doctor": "gpt", "patient": "human", "examiner": "human"}


def _text(message: dict[str, str]) -> str:
    prefix = "[Examiner] " if message["role"] == "examiner" else ""
    return prefix + message["content"]


def to_openai(record: dict[str, Any]) -> dict[str, Any]:
    messages = [{"role": "system", "content": SYSTEM_PROMPT}]
    messages += [
        {"role": _OPENAI_ROLE[m["role"]], "name": m["role"], "content": _text(m)}
        for m in record["messages"]
    ]
    return {**_head(record), "messages": messages, "metadata": record["metadata"]}


def to_sharegpt(record: dict[str, Any]) -> dict[str, Any]:
    conversations = [{"from": "system", "value": SYSTEM_PROMPT}]
    conversations += [
        {"from": _SHAREGPT_ROLE[m["role"]], "value": _text(m)} for m in record["messages"]
    ]
    return {**_head(record), "conversations": conversations, "metadata": record["metadata"]}


def _head(record: dict[str, Any]) -> dict[str, Any]:
    return {"id": record["id"], "persona_id": record["persona_id"], "variant": record["variant"]}


FORMATS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "openai": to_openai,
    "sharegpt": to_sharegpt,
    "parquet": to_openai,  # journaled as OpenAI JSONL, then exported to Parquet
}


def get_format(name: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    try:
        return FORMATS[name]
    except KeyError:
        raise MedChatError(f"Unknown format {name!r}. {did_you_mean(name, FORMATS)}") from None


def export_parquet(jsonl: Path, out: Path) -> Path:
    """Write the JSONL records as Parquet (nested metadata kept as a JSON string column)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = []
    with jsonl.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                record = json.loads(line)
                record["metadata"] = json.dumps(record["metadata"], ensure_ascii=False)
                rows.append(record)
    pq.write_table(pa.Table.from_pylist(rows), out)
    return out
