"""One module per tab: Gradio layout and event wiring only; the logic is in `controllers`."""
