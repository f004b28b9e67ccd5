"""A per-call reply budget reaches the real model, whichever backend it is."""

from __future__ import annotations

from langchain_core.messages import HumanMessage

from medchat.models.budget import with_max_tokens

PROMPT = [HumanMessage("Count from one to fifty in words, separated by commas.")]


def test_when_a_budget_is_bound_then_the_local_model_stops_there(small_chat_model):
    short = with_max_tokens(small_chat_model, 3).invoke(PROMPT)
    longer = with_max_tokens(small_chat_model, 12).invoke(PROMPT)
    assert short.usage_metadata["output_tokens"] == 3
    assert short.response_metadata["finish_reason"] == "length"
    assert longer.usage_metadata["output_tokens"] == 12


def test_when_no_budget_is_given_then_the_model_is_unchanged(small_chat_model):
    assert with_max_tokens(small_chat_model, None) is small_chat_model


def test_when_the_model_is_the_openai_backend_then_max_tokens_is_bound(settings):
    from medchat.models import load_chat_model

    cfg = settings.model_copy(update={"openai_base_url": "http://127.0.0.1:9/v1"})
    client = load_chat_model(cfg, "m", backend="openai")
    assert with_max_tokens(client, 300).kwargs == {"max_tokens": 300}


def test_when_a_model_declares_no_budget_keyword_then_it_keeps_its_own():
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    model = FakeListChatModel(responses=["ok"])
    assert with_max_tokens(model, 300) is model
