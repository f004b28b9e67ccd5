"""The Gradio front end. Gradio is imported only in this package."""
