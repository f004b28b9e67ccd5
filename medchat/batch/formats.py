"""Dataset formats a trainer reads as they are. The doctor is the trained side: its turns are
`assistant` (OpenAI) / `gpt` (ShareGPT), the patient's are `user` / `human`.

Examiner findings are tool results, not patient speech. In OpenAI rows the doctor turn that
asked for them carries a `tool_calls` entry for the `examine` tool (declared in the row's
`tools`), and each finding follows as a `tool` message answering that call: the chat format
OpenAI fine-tuning and Hugging Face chat templates take for tool use. ShareGPT rows give findings
the `observation` role (LLaMA-Factory's name for a tool result) and the same `tools`, as a JSON
string as that format has it.

The doctor's structured close ends every row. Turns stored after the last doctor turn (a
finding the close's own exam request set off, a patient reply) are dropped: the close was
written without them, so moving a finding before it would teach the doctor to ignore a result
it had been given.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from medchat.agents.doctor import SYSTEM_PROMPT
from medchat.errors import MedChatError, did_you_mean

EXAMINE_TOOL = {
    "type": "function",
    "function": {
        "name": "examine",
        "description": "Examine the patient or order a test; the result is reported back.",
        "parameters": {
            "type": "object",
            "properties": {"what": {"type": "string", "description": "e.g. ECG, chest"}},
            "required": ["what"],
        },
    },
}
_OPENAI_ROLE = {"doctor": "assistant", "patient": "user"}
_SHAREGPT_ROLE = {"doctor": "gpt", "patient": "human", "examiner": "observation"}


def trainable(messages: list[dict[str, str]]) -> list[dict[str, str]]:
    """The messages up to and including the doctor's last turn (its close)."""
    last = max((i for i, m in enumerate(messages) if m["role"] == "doctor"), default=-1)
    return messages[: last + 1]


def _examined(finding: str) -> str:
    """What was examined, from a finding as the examiner words it ("ECG: sinus rhythm")."""
    return finding.split(":", 1)[0].strip()


def to_openai(record: dict[str, Any]) -> dict[str, Any]:
    messages: list[dict[str, Any]] = [{"role": "system", "content": SYSTEM_PROMPT}]
    for m in trainable(record["messages"]):
        if m["role"] != "examiner":
            role = _OPENAI_ROLE[m["role"]]
            messages.append({"role": role, "name": m["role"], "content": m["content"]})
        elif (asking := _asking(messages)) is not None:
            call_id = f"exam_{sum(x['role'] == 'tool' for x in messages) + 1}"
            arguments = json.dumps({"what": _examined(m["content"])}, ensure_ascii=False)
            call = {"name": "examine", "arguments": arguments}
            asking.setdefault("tool_calls", []).append(
                {"id": call_id, "type": "function", "function": call}
            )
            messages.append(
                {
                    "role": "tool",
                    "name": "examine",
                    "tool_call_id": call_id,
                    "content": m["content"],
                }
            )
    return {
        **_head(record),
        "messages": messages,
        "tools": [EXAMINE_TOOL],
        "metadata": record["metadata"],
    }


def _asking(messages: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The doctor message a finding answers: the one just before it (or before the findings
    already answering it). A finding after a patient turn has no call to answer and is left out,
    which the engine never stores (the examiner answers the doctor turn that asked)."""
    for message in reversed(messages):
        if message["role"] != "tool":
            return message if message["role"] == "assistant" else None
    return None


def to_sharegpt(record: dict[str, Any]) -> dict[str, Any]:
    conversations = [{"from": "system", "value": SYSTEM_PROMPT}]
    conversations += [
        {"from": _SHAREGPT_ROLE[m["role"]], "value": m["content"]}
        for m in trainable(record["messages"])
    ]
    return {
        **_head(record),
        "conversations": conversations,
        "tools": json.dumps([EXAMINE_TOOL["function"]]),
        "metadata": record["metadata"],
    }


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
