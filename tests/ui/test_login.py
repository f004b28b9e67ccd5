"""Login for shared deployments: each user sees only their own sessions; a foreign id reveals
nothing. Drives the login form in chromium, and the API over loopback with gradio_client."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from medchat.ui.auth import Authenticator, hash_password
from tests.ui.conftest import serve_app

USERS = {"alice": "alice-pw", "bob": "bob-pw"}


@pytest.fixture(scope="module")
def login_url(ui_settings, backend):
    from medchat.ui.app import build_app

    users = {name: hash_password(pw, iterations=1000) for name, pw in USERS.items()}
    demo = build_app(ui_settings, backend=backend, login=True)
    yield serve_app(demo, auth=Authenticator(users))
    demo.close()


def log_in(browser: Browser, url: str, user: str, password: str) -> Page:
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.set_default_timeout(30_000)
    page.goto(url)
    page.get_by_label("username").fill(user)
    page.get_by_label("password").fill(password)
    page.get_by_role("button", name="Login").click()
    return page


@pytest.mark.browser
def test_when_two_users_log_in_then_each_sees_only_their_own_sessions(
    browser: Browser, login_url, ui_store
):
    wrong = log_in(browser, login_url, "alice", "nope")
    expect(wrong.get_by_text("Incorrect Credentials")).to_be_visible()

    alice = log_in(browser, login_url, "alice", USERS["alice"])
    alice.get_by_role("tab", name="Practice").click()
    alice.click("#practice-start")
    expect(alice.locator("#practice-card")).to_contain_text("Opening line")
    (meta,) = ui_store.list("alice")
    alice.get_by_role("tab", name="Sessions").click()
    expect(alice.locator("#sessions-table")).to_contain_text(meta.id)

    bob = log_in(browser, login_url, "bob", USERS["bob"])
    bob.get_by_role("tab", name="Sessions").click()
    bob.click("#sessions-refresh")
    expect(bob.locator("#sessions-table")).not_to_contain_text(meta.id)
    for button in ("#sessions-resume", "#sessions-json", "#sessions-delete"):
        bob.fill("#sessions-id textarea", meta.id)
        bob.click(button)
        expect(bob.locator("#sessions-message")).to_contain_text("No session with that id")
    bob.fill("#sessions-id textarea", "no-such-session")
    bob.click("#sessions-resume")
    expect(bob.locator("#sessions-message")).to_contain_text("No session with that id")
    assert ui_store.get(meta.id, "alice").id == meta.id  # still there
    assert ui_store.list("bob") == []


def test_when_no_credentials_are_given_then_the_api_refuses(login_url):
    from gradio_client import Client

    with pytest.raises(Exception):  # noqa: B017 - gradio_client raises a bare ValueError
        Client(login_url, verbose=False)
    client = Client(login_url, auth=("bob", USERS["bob"]), verbose=False)
    assert client.predict(api_name="/sessions_list")["data"] == []
