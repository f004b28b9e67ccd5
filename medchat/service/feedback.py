"""OSCE-style feedback on a practice session, as the application layer offers it."""

from medchat.evaluation.osce import OsceReport, render_html, render_png, score_practice
from medchat.evaluation.report import VERDICT_TEXT

__all__ = ["VERDICT_TEXT", "OsceReport", "render_html", "render_png", "score_practice"]
