"""Crisis advice in Debian's chromium: it stays on the Consult page beside a model error, after a
reply, while the page scrolls, and after a resume. Real app, real small model, real Redis; the
failing app only gives the model 1 ms (MEDCHAT_TURN_TIMEOUT_S), as a stalled remote model would."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.ui.conftest import serve_app

pytestmark = pytest.mark.browser

MODEL_WAIT = 180_000  # ms: an 8-token reply on a busy two-core machine
SAFETY_WAIT = 60_000  # ms: the first message of a run also loads the safety layer
CRISIS_ADVICE = "Samaritans"
TIMED_OUT = "did not answer within"


@pytest.fixture(scope="module")
def timeout_app_url(ui_settings, ui_store, ui_model):
    """The app over a backend whose turn limit no model can meet: every reply times out."""
    from medchat.dialogue.wiring import guard_factory
    from medchat.models.warmup import ModelWarmup
    from medchat.service.sessions import SessionService
    from medchat.ui.app import build_app

    slow = ui_settings.model_copy(update={"turn_timeout_s": 0.001})
    warmup = ModelWarmup(lambda progress: ui_model).start()
    demo = build_app(slow, backend=SessionService(slow, ui_store, warmup, guard_factory(slow)))
    yield serve_app(demo)
    demo.close()


def open_app(page: Page, url: str) -> Page:
    page.set_viewport_size({"width": 1280, "height": 700})
    page.set_default_timeout(30_000)
    page.goto(url)
    expect(page.locator("#model-status")).to_contain_text("Model ready", timeout=60_000)
    return page


def send(page: Page, text: str, users: int) -> None:
    """Send `text` as the patient and wait until it is the `users`-th message on screen (the
    same update clears the previous turn's banner). Send is disabled until the last turn is done."""
    expect(page.locator("#consult-send")).to_be_enabled(timeout=MODEL_WAIT)
    page.fill("#consult-input textarea", text)
    page.click("#consult-send")
    user = page.locator("#consult-chat [data-testid=user]")
    expect(user).to_have_count(users, timeout=SAFETY_WAIT)


def expect_timed_out(page: Page) -> None:
    error = page.locator("#consult-banner .medchat-error")
    expect(error).to_contain_text(TIMED_OUT, timeout=MODEL_WAIT)
    expect(error).to_be_visible()


def expect_crisis_advice(page: Page) -> None:
    """One crisis banner, visible, and still in the window at the foot of the page."""
    urgent = page.locator("#consult-banner .medchat-escalations .medchat-escalate")
    expect(urgent).to_have_count(1)
    expect(urgent).to_be_visible()
    expect(urgent).to_contain_text(CRISIS_ADVICE)
    page.locator("#consult-summary").scroll_into_view_if_needed()
    assert page.evaluate("window.scrollY") > 0, "the page should be taller than the window"
    expect(urgent).to_be_in_viewport()
    page.evaluate("window.scrollTo(0, 0)")


@pytest.mark.parametrize(
    "text", ["I want to kill myself", "i've been thinking about ending it all"]
)
def test_when_the_model_times_out_on_a_crisis_message_then_advice_and_error_both_show(
    page: Page, timeout_app_url, text
):
    open_app(page, timeout_app_url)
    send(page, text, users=1)
    expect_timed_out(page)
    expect_crisis_advice(page)
    expect(page.locator("#consult-chat [data-testid=bot]")).to_have_count(0)

    send(page, "It started last week.", users=2)  # this turn fails too; the advice stays
    expect_timed_out(page)
    expect_crisis_advice(page)
    expect(page.locator("#consult-chat")).not_to_contain_text(CRISIS_ADVICE)


def test_when_a_timed_out_crisis_session_is_resumed_then_the_advice_is_back(
    page: Page, timeout_app_url, ui_store
):
    open_app(page, timeout_app_url)
    before = {s.id for s in ui_store.list("local")}
    send(page, "I want to kill myself", users=1)
    expect_timed_out(page)
    (session_id,) = {s.id for s in ui_store.list("local")} - before
    page.get_by_role("button", name="New consultation").click()
    expect(page.locator("#consult-banner .medchat-escalate")).to_have_count(0)

    page.get_by_role("tab", name="Sessions").click()
    page.fill("#sessions-id textarea", session_id)
    page.click("#sessions-resume")
    expect(page.get_by_role("tab", name="Consult")).to_have_attribute("aria-selected", "true")
    expect(page.locator("#consult-chat [data-testid=user]")).to_contain_text("kill myself")
    expect_crisis_advice(page)
    expect(page.locator("#consult-banner .medchat-error")).to_have_count(0)  # errors do not return


def test_when_the_model_answers_a_crisis_message_then_the_advice_stays_after_the_reply(
    page: Page, app_url
):
    open_app(page, app_url)
    bot = page.locator("#consult-chat [data-testid=bot]")
    urgent = page.locator("#consult-banner .medchat-escalate").filter(has_text=CRISIS_ADVICE)
    send(page, "I want to kill myself", users=1)
    expect(urgent).to_be_visible()  # before the model has answered
    expect(bot).to_have_count(1, timeout=MODEL_WAIT)
    expect(bot.first).not_to_be_empty(timeout=MODEL_WAIT)
    expect(urgent).to_be_visible()

    send(page, "I have not slept for a week.", users=2)
    expect(bot).to_have_count(2, timeout=MODEL_WAIT)
    expect(bot.last).not_to_be_empty(timeout=MODEL_WAIT)
    expect(urgent).to_have_count(1)
    expect(urgent).to_be_visible()
    expect(page.locator("#consult-chat")).not_to_contain_text(CRISIS_ADVICE)
