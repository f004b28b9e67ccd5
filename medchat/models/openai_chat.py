"""The openai backend's chat model: LangChain's `ChatOpenAI`, declaring its budget keyword.

A subclass only so that it names `max_tokens_param` like MedChat's own models do, and
`models.budget` binds a reply budget by asking the model, not by checking its class.
"""

from __future__ import annotations

from typing import ClassVar

from langchain_openai import ChatOpenAI


class OpenAIChatModel(ChatOpenAI):
    """`ChatOpenAI` for an OpenAI-compatible server (vLLM, llama.cpp, OpenAI)."""

    max_tokens_param: ClassVar[str] = "max_tokens"
    """The `bind()` keyword that sets the reply budget (see `models.budget`)."""
    frequency_penalty_param: ClassVar[str] = "frequency_penalty"
