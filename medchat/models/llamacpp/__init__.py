"""The CPU engine for GGUF models: llama.cpp's own server, managed by MedChat.

`llama-server` (vendored in the llama-cpp-python sdist) is built once per version and CPU
(`binary`), started as a child process on a loopback port (`server`), and spoken to over its
OpenAI-compatible HTTP API by a LangChain chat model (`chat`). The server does what matters on a
CPU: it keeps each session's prompt prefix in a KV-cache slot (and in a RAM prompt cache when
sessions outnumber slots), and batches the decoding of concurrent requests continuously.
"""

from medchat.models.llamacpp.binary import build_server, find_server
from medchat.models.llamacpp.chat import LlamaCppChatModel
from medchat.models.llamacpp.server import LlamaServer

__all__ = ["LlamaCppChatModel", "LlamaServer", "build_server", "find_server"]
