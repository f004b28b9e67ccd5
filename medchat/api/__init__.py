"""The patient API: MedChat's simulated patients behind OpenAI's chat-completions protocol, so
any doctor agent, chat client or evaluation script can examine a case (docs/api.md)."""
