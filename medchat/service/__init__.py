"""The application layer: what the Gradio UI, the CLI, batch generation and the APIs call.

Every door into MedChat (a browser tab, a terminal command, a batch job, an HTTP route) goes
through these services, so a conversation, a generate job or a diagnosis gets the same
pipeline and keeps all of its state in the session store, whichever process serves it.
"""
