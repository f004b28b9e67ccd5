"""Model backends behind one seam: LangChain's `BaseChatModel`.

`load_chat_model(settings)` returns a chat model for the configured backend: the embedded
offline model (with request batching), any Hugging Face model, or an OpenAI-compatible server.
"""

from medchat.models.factory import BACKENDS, load_chat_model

__all__ = ["BACKENDS", "load_chat_model"]
