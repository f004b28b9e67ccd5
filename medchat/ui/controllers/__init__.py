"""Plain-Python handlers behind each tab: generators over the dialogue engine, no Gradio."""
