"""`cx-copilot lab`: JupyterLab on the start-here notebook with its kernel started and the app loaded before
the browser opens (the browser test measures what that buys)."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from browser_servers import JupyterServer, free_port

from copilot.lab import START_HERE, LabError, warm_kernel

pytestmark = pytest.mark.slow


def _get(url: str) -> dict | list:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def _stop(process: subprocess.Popen) -> None:
    os.killpg(process.pid, 15)
    process.wait(timeout=30)


@pytest.fixture
def jupyter_env(tmp_path: Path) -> dict[str, str]:
    """Jupyter's folders and the copilot's home in tmp_path, so the test leaves nothing behind."""
    env = dict(os.environ)
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR"):
        env[name] = str(tmp_path / name.lower())
    env["CX_COPILOT_HOME"] = str(tmp_path / "home")
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    return env


def test_cx_copilot_lab_prints_the_address_and_has_the_kernel_ready(jupyter_env: dict[str, str]):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "copilot.cli", "lab", "--no-browser", f"--port={port}"],
        env=jupyter_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    try:
        address = None
        deadline = time.monotonic() + 120
        while address is None and time.monotonic() < deadline:
            line = process.stdout.readline()
            assert line or process.poll() is None, "cx-copilot lab stopped before it printed an address"
            found = re.search(r"http://\S+\?token=(\S+)", line)
            if found:
                address, token = found.group(0), found.group(1)
        assert address and f"/lab/tree/{START_HERE}" in address
        base = address.split("/lab/")[0]
        sessions = _get(f"{base}/api/sessions?token={token}")
        assert [s["path"] for s in sessions] == [START_HERE]
        # ready means it reaches idle: right after start it may still be busy on its first messages (a busy
        # machine made this flaky when it was read once)
        state, deadline = sessions[0]["kernel"]["execution_state"], time.monotonic() + 120
        while state != "idle" and state != "dead" and time.monotonic() < deadline:
            time.sleep(0.5)
            state = _get(f"{base}/api/sessions?token={token}")[0]["kernel"]["execution_state"]
        assert state == "idle"
        with pytest.raises(urllib.error.HTTPError):  # nobody else gets in without the token
            _get(f"{base}/api/sessions")
    finally:
        _stop(process)


def test_a_taken_port_is_said_plainly(jupyter_env: dict[str, str]):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "copilot.cli", "lab", "--no-browser", f"--port={port}"],
            env=jupyter_env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert result.returncode == 1
    assert "cx-copilot lab --port" in result.stderr


def test_a_failing_warm_up_names_the_error(tmp_path: Path):
    server = JupyterServer("lab", tmp_path)  # already warmed once, as `cx-copilot lab` does
    try:
        with pytest.raises(LabError, match="ZeroDivisionError"):
            warm_kernel(server.url, server.token, code="1 / 0")
    finally:
        server.stop()
