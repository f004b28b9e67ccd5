"""The consult chat over HTTP with gradio_client (how the benchmark drives it), and the queue
settings that let concurrent users reach the model layer together."""

from __future__ import annotations

from gradio_client import Client


def test_when_a_client_sends_a_message_then_the_reply_streams_over_http(app_url):
    client = Client(app_url, verbose=False)
    updates = list(client.submit("I have had a headache for three days.", api_name="/consult_send"))
    assert len(updates) >= 3, "no intermediate updates were streamed"
    text, chat, banner, _status, summary, _turns = updates[-1]
    assert [m["role"] for m in chat] == ["user", "assistant"]
    assert chat[1]["content"][0]["text"].strip()
    assert banner == "" and summary == ""
    # The box is emptied once; later chunks leave it alone (the user may be typing again).
    assert updates[0][0] == "" and text == {"__type__": "update"}


def test_when_two_clients_talk_then_each_has_its_own_session(app_url):
    a, b = Client(app_url, verbose=False), Client(app_url, verbose=False)
    jobs = [
        c.submit(f"Patient {i}: I feel dizzy.", api_name="/consult_send")
        for i, c in enumerate((a, b))
    ]
    finals = [list(job)[-1][1] for job in jobs]
    assert finals[0][0]["content"][0]["text"].startswith("Patient 0")
    assert finals[1][0]["content"][0]["text"].startswith("Patient 1")
    assert len(finals[0]) == len(finals[1]) == 2


def test_when_the_app_is_served_then_no_event_is_limited_to_one_at_a_time(app, ui_settings):
    from medchat.ui.app import launch_options

    demo, _url = app
    assert demo._queue.default_concurrency_limit is None  # Gradio's default would be 1
    assert {fn.concurrency_limit for fn in demo.fns.values()} <= {None, "default"}
    options = launch_options(ui_settings)
    assert options["server_name"] == "127.0.0.1" and "auth" not in options
