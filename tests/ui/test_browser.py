"""Each tab's main flow in Debian's chromium, against the real small model and real Redis.

Screenshots of every tab land in docs/screenshots/ for the README and docs/ui.md.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from medchat.clinical.review import repetition, role_breaks

pytestmark = pytest.mark.browser

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
MODEL_WAIT = 180_000  # ms: an 8-token reply on a busy two-core machine


@pytest.fixture
def page(page: Page, app_url):
    page.set_viewport_size({"width": 1280, "height": 1000})
    page.set_default_timeout(30_000)
    page.goto(app_url)
    expect(page.locator("#model-status")).to_contain_text("Model ready", timeout=60_000)
    return page


def tab(page: Page, name: str) -> None:
    page.get_by_role("tab", name=name).click()


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / name), full_page=True)


def test_when_patient_writes_then_reply_streams_banner_marks_rating_and_summary_show(
    page: Page, ui_store
):
    page.fill("#consult-input textarea", "My name is John Smith. I want to kill myself.")
    page.click("#consult-send")
    banner = page.locator("#consult-banner .medchat-escalate")
    expect(banner).to_contain_text("Samaritans", timeout=MODEL_WAIT)  # before the reply
    expect(page.locator("#consult-chat [data-testid=user] mark.pii")).to_have_text("PERSON_1")
    expect(page.locator("#consult-chat [data-testid=user]")).not_to_contain_text("John")
    bot = page.locator("#consult-chat [data-testid=bot]")
    expect(bot.first).not_to_be_empty(timeout=MODEL_WAIT)
    expect(page.locator("#consult-send")).to_be_enabled()
    expect(page.locator("#consult-chat")).not_to_contain_text("Samaritans")  # banner, not chat

    page.locator("#consult-rated").scroll_into_view_if_needed()
    page.get_by_label("Comment (optional)").fill("Too brief for a crisis")
    page.click("#consult-up")
    expect(page.locator("#consult-rated")).to_contain_text("Saved rating: up with your comment")
    session = ui_store.list("local")[0]
    (rating,) = ui_store.ratings(session.id).values()
    assert rating.score == 1 and rating.comment == "Too brief for a crisis"

    page.click("#consult-end")
    expect(page.locator("#consult-summary")).to_contain_text(
        "Consultation ended", timeout=MODEL_WAIT
    )
    assert ui_store.get(session.id).status == "ended"
    shot(page, "consult.png")


def test_when_student_runs_a_case_then_card_examiner_and_osce_report_show(page: Page, ui_store):
    tab(page, "Practice")
    page.click("#practice-start")
    card = page.locator("#practice-card")
    expect(card).to_contain_text("Opening line", timeout=MODEL_WAIT)  # first load: encoder
    meta = ui_store.list("local")[0]
    from medchat.personas.loader import get_persona

    persona = get_persona(meta.persona_id)
    assert persona.diagnosis.name.lower() not in card.inner_text().lower()
    assert persona.demographics.name in card.inner_text()

    page.fill("#practice-input textarea", "Hello, what brings you in today?")
    page.click("#practice-ask")
    expect(page.locator("#practice-chat [data-testid=bot]").first).not_to_be_empty(
        timeout=MODEL_WAIT
    )
    expect(page.locator("#practice-ask")).to_be_enabled()
    # The first answer is in role: the case's own opening, not an assistant's greeting.
    first = page.locator("#practice-chat [data-testid=bot]").first.inner_text()
    assert role_breaks(first, "patient") == [], first
    stored = [t for t in ui_store.turns(meta.id) if t.role.value == "patient"]
    assert stored[0].meta["review"] == {"scripted": True}
    assert " ".join(first.split()) == " ".join(stored[0].text.split())
    page.fill("#practice-input textarea", "When did it start?")
    page.click("#practice-ask")
    expect(page.locator("#practice-chat [data-testid=bot]")).to_have_count(2, timeout=MODEL_WAIT)
    expect(page.locator("#practice-ask")).to_be_enabled(timeout=MODEL_WAIT)
    second = page.locator("#practice-chat [data-testid=bot]").nth(1).inner_text()
    assert role_breaks(second, "patient") == [] and not repetition(second), second
    page.fill("#practice-request textarea", "blood pressure")
    page.click("#practice-examine")
    expect(page.locator("#practice-chat")).to_contain_text("Examiner:", timeout=MODEL_WAIT)

    page.fill("#practice-leading textarea", "Tension headache")
    page.fill("#practice-differential textarea", "migraine; sinusitis")
    page.click("#practice-submit")
    feedback = page.locator("#practice-feedback")
    expect(feedback).to_contain_text("/100", timeout=MODEL_WAIT)  # the scorer loads MiniLM once
    expect(feedback).to_contain_text(persona.diagnosis.name)
    expect(feedback).to_contain_text("Checklist")
    expect(page.locator("#practice-chart img")).to_be_visible()
    link = page.locator("#practice-report a").first
    expect(link).to_have_attribute("href", re.compile(r"osce-report\.html$"))
    download = page.request.get(link.get_attribute("href"))
    assert download.ok and persona.diagnosis.name in download.text()
    shot(page, "practice.png")


def test_when_autoplay_steps_and_a_side_is_taken_over_then_turns_alternate(page: Page, ui_store):
    tab(page, "Autoplay")
    page.click("#autoplay-start")
    expect(page.locator("#autoplay-status")).to_contain_text("Press Step")
    page.click("#autoplay-step")
    chat = page.locator("#autoplay-chat")
    expect(chat.locator("[data-testid=bot]").first).to_contain_text("Doctor:", timeout=MODEL_WAIT)
    # Step is disabled until its turn is done: a take-over before then would have its status
    # overwritten by the turn's last update.
    expect(page.locator("#autoplay-step")).to_be_enabled(timeout=MODEL_WAIT)

    page.locator("#autoplay-side").get_by_label("patient").check()
    expect(page.locator("#autoplay-status")).to_contain_text("You play the patient")
    page.fill("#autoplay-input textarea", "I have had chest pain since this morning.")
    page.click("#autoplay-send")
    expect(chat.locator("[data-testid=user]").first).to_contain_text("chest pain")
    expect(chat.locator("[data-testid=bot]")).to_have_count(2, timeout=MODEL_WAIT)
    expect(page.locator("#autoplay-send")).to_be_enabled(timeout=MODEL_WAIT)

    page.locator("#autoplay-side").get_by_label("nobody (AI plays both)").check()
    expect(page.locator("#autoplay-status")).to_contain_text("The AI plays both sides")
    page.click("#autoplay-play")
    expect(chat.locator("[data-testid=user]")).to_have_count(2, timeout=MODEL_WAIT)  # Play's first
    session = next(m.id for m in ui_store.list("local") if m.mode.value == "autoplay")
    page.click("#autoplay-pause")
    # An 8-token turn here is shorter than the page's round trip, so what the page shows when
    # Pause is clicked says little about the server. The rule is checked where it holds: once
    # the server has the pause, only the turn in progress finishes.
    for _ in range(300):
        if ui_store.paused(session):
            break
        page.wait_for_timeout(100)
    at_pause = len(ui_store.turns(session))
    expect(page.locator("#autoplay-status")).to_contain_text("Paused", timeout=MODEL_WAIT)
    stored = ui_store.turns(session)
    assert ui_store.paused(session) and len(stored) <= at_pause + 1, (at_pause, len(stored))
    patients = sum(t.role.value == "patient" for t in stored)
    expect(chat.locator("[data-testid=user]")).to_have_count(patients)
    shot(page, "autoplay.png")


def test_when_a_generate_job_runs_then_progress_preview_and_files_show(page: Page, backend):
    import shutil

    from medchat.service.jobs import JobSpec

    spec = JobSpec(("chest-pain-58m",), 1, 1, 4, "openai", 0, backend.default_model)
    shutil.rmtree(backend.settings.home / "datasets" / spec.job_id("local"), ignore_errors=True)
    tab(page, "Generate")
    page.fill("#generate-pattern textarea", "chest-pain-58m")
    page.fill("#generate-n input", "1")
    page.fill("#generate-max-turns input", "4")
    page.click("#generate-start")
    progress = page.locator("#generate-progress")
    expect(progress).to_contain_text(spec.job_id("local"))
    expect(progress).to_contain_text("Finished", timeout=MODEL_WAIT)
    expect(progress).to_contain_text("1 of 1 dialogues done")
    preview = page.locator("#generate-preview [data-testid=bot]")
    expect(preview.first).to_contain_text("Doctor:")
    link = page.locator('#generate-files a[href$="/dialogues.jsonl"]')
    expect(link).to_be_visible()
    expect(page.locator('#generate-files a[href$="/README.md"]')).to_be_visible()
    download = page.request.get(link.get_attribute("href"))
    assert download.ok
    # Whether the quality gates accept an 8-token-per-turn dialogue of the 135M model depends on
    # its words; the job must write the one dialogue to exactly one of the two journals.
    accepted = [json.loads(line) for line in download.text().splitlines()]
    rejects_file = backend.settings.home / "datasets" / spec.job_id("local") / "rejects.jsonl"
    rejected = [json.loads(line) for line in rejects_file.read_text().splitlines()]
    assert len(accepted) + len(rejected) == 1
    if accepted:
        record = accepted[0]
        assert record["persona_id"] == "chest-pain-58m"
        assert record["messages"][0]["role"] == "system"
    else:
        assert rejected[0]["persona_id"] == "chest-pain-58m" and rejected[0]["reason"]
    shot(page, "generate.png")


def test_when_sessions_are_listed_then_export_resume_and_delete_work(page: Page, ui_store):
    sessions = ui_store.list("local")
    assert sessions, "the tab tests above create sessions"
    consult = next(s for s in sessions if s.mode.value == "consult")
    tab(page, "Sessions")
    table = page.locator("#sessions-table")
    expect(table).to_contain_text(consult.id)
    table.get_by_text(consult.id).click()  # selecting a row fills in its id
    expect(page.locator("#sessions-id textarea")).to_have_value(consult.id)
    page.click("#sessions-json")
    link = page.locator("#sessions-file a").first
    expect(link).to_have_attribute("download", f"medchat-{consult.id}.json")
    with page.expect_download() as download:
        link.click()
    data = json.loads(Path(download.value.path()).read_text())
    assert data["session"]["id"] == consult.id and data["turns"]
    page.click("#sessions-md")
    expect(link).to_have_attribute("download", f"medchat-{consult.id}.md")
    shot(page, "sessions.png")

    page.click("#sessions-resume")
    expect(page.get_by_role("tab", name="Consult")).to_have_attribute("aria-selected", "true")
    expect(page.locator("#consult-chat [data-testid=user]").first).to_contain_text("PERSON_1")

    tab(page, "Sessions")
    page.fill("#sessions-id textarea", consult.id)
    page.click("#sessions-delete")
    expect(page.locator("#sessions-message")).to_contain_text("Deleted")
    expect(table).not_to_contain_text(consult.id)
    assert consult.id not in {s.id for s in ui_store.list("local")}
