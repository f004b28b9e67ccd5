"""A per-call reply budget that works whichever backend the model is.

Most turns use `MEDCHAT_MAX_NEW_TOKENS`; the doctor's structured close needs more room (five
labelled sections), and a close cut off before SAFETY-NETTING does not parse. Every backend's
model names its budget keyword in the class attribute `max_tokens_param` (`max_new_tokens` for
the local and llama.cpp models, `max_tokens` for the openai one); a model that declares none
keeps its own budget. The close also gets a frequency penalty where the backend has one
(`frequency_penalty_param`): the llama.cpp server and OpenAI-compatible servers do; the in-process
transformers batcher does not, and keeps greedy decoding unchanged.
"""

from __future__ import annotations

from langchain_core.language_models import BaseChatModel
from langchain_core.runnables import Runnable


def with_frequency_penalty(
    model: BaseChatModel | Runnable, penalty: float
) -> BaseChatModel | Runnable:
    """`model` bound to penalise tokens by how often it has already said them, if its class
    names the keyword (`frequency_penalty_param`); unchanged otherwise or when `penalty` is 0.
    `model` may already be bound (a budget): the class is read from the bound model."""
    target = getattr(model, "bound", model)
    param = getattr(type(target), "frequency_penalty_param", None)
    if not penalty or not isinstance(param, str):
        return model
    return model.bind(**{param: penalty})


def with_max_tokens(model: BaseChatModel, tokens: int | None) -> BaseChatModel | Runnable:
    """`model` bound to reply with at most `tokens` new tokens (unchanged when None)."""
    if tokens is None:
        return model
    param = getattr(type(model), "max_tokens_param", None)
    return model.bind(**{param: tokens}) if isinstance(param, str) else model
