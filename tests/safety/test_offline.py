"""Loading and running the whole layer never touches the network (spaCy, tldextract, MiniLM)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent(
    """
    import socket

    attempts = []

    def refuse(self, address, *args, **kwargs):
        attempts.append(address)
        raise OSError("network disabled in test")

    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = lambda address, *a, **k: refuse(None, address)

    from safety.pii.scrubber import Scrubber
    from safety.policy.filter import SafetyFilter

    text = Scrubber().scrub("Email sarah@example.co.uk or see https://nhs.uk/x").text
    verdict = SafetyFilter().check_input("How can a doctor mock a patient?", "consult")
    assert "<EMAIL_ADDRESS_1>" in text and "<URL_1>" in text, text
    print("attempts", len(attempts), verdict.layer)
    """
)


def test_when_layer_loads_and_runs_with_sockets_refused_then_no_connection_is_attempted():
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "attempts 0" in proc.stdout
