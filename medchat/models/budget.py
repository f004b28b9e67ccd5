"""A per-call reply budget that works whichever backend the model is.

Most turns use `MEDCHAT_MAX_NEW_TOKENS`; the doctor's structured close needs more room (five
labelled sections), and a close cut off before SAFETY-NETTING does not parse. Every backend's
model names its budget keyword in the class attribute `max_tokens_param` (`max_new_tokens` for
the local and llama.cpp models, `max_tokens` for the openai one); a model that declares none
keeps its own budget.
"""

from __future__ import annotations

from langchain_core.language_models import BaseChatModel
from langchain_core.runnables import Runnable


def with_max_tokens(model: BaseChatModel, tokens: int | None) -> BaseChatModel | Runnable:
    """`model` bound to reply with at most `tokens` new tokens (unchanged when None)."""
    if tokens is None:
        return model
    param = getattr(type(model), "max_tokens_param", None)
    return model.bind(**{param: tokens}) if isinstance(param, str) else model
