"""A per-call reply budget that works whichever backend the model is.

Most turns use `MEDCHAT_MAX_NEW_TOKENS`; the doctor's structured close needs more room (five
labelled sections), and a close cut off before SAFETY-NETTING does not parse. MedChat's own
models name their budget keyword in `max_tokens_param`; LangChain's `ChatOpenAI` reads
`max_tokens`; other models keep their own.
"""

from __future__ import annotations

from langchain_core.language_models import BaseChatModel
from langchain_core.runnables import Runnable


def with_max_tokens(model: BaseChatModel, tokens: int | None) -> BaseChatModel | Runnable:
    """`model` bound to reply with at most `tokens` new tokens (unchanged when None)."""
    if tokens is None:
        return model
    param = getattr(type(model), "max_tokens_param", None)
    if isinstance(param, str):
        return model.bind(**{param: tokens})
    try:
        from langchain_openai import ChatOpenAI
    except ImportError:  # pragma: no cover - langchain-openai is pinned
        return model
    if isinstance(model, ChatOpenAI):
        return model.bind(max_tokens=tokens)
    return model
