"""MedChat entry point: `python app.py` serves the browser app (see README)."""

from medchat.ui.app import main

if __name__ == "__main__":
    main()
