"""JupyterLab on the start-here notebook, its kernel started and the app imported before the browser opens.

Opening a notebook in JupyterLab starts its kernel only once the page has loaded; the kernel then needs a
second to start and the app's first import another half. Started here first, the kernel is idle and warm by
the time the notebook shows, and JupyterLab simply connects to it (it finds the session by the notebook's path).
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from copilot.errors import CopilotError

START_HERE = "notebooks/00_start_here.ipynb"
WARM_UP = "import copilot.ui.start_here"  # what the first cell imports; the heavy part of showing the app


class LabError(CopilotError):
    """JupyterLab did not start, or did not answer."""


def new_token() -> str:
    return secrets.token_urlsafe(24)


def lab_command(root: Path, port: int, token: str, extra: list[str] | None = None) -> list[str]:
    """`jupyter lab` on `root`, on `port` only (another port would not be where the browser is sent)."""
    command = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        "--no-browser",
        f"--ServerApp.root_dir={root}",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        *(extra or []),
    ]
    if os.geteuid() == 0:
        command.append("--allow-root")
    return command


def notebook_url(url: str, token: str, notebook: str = START_HERE) -> str:
    return f"{url}/lab/tree/{notebook}?token={token}"


def _request(url: str, token: str, path: str, body: dict | None = None, timeout: float = 5) -> dict:
    request = urllib.request.Request(
        url + path,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": f"token {token}", "Content-Type": "application/json"},
        method="GET" if body is None else "POST",
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read() or b"{}")


def wait_until_up(url: str, token: str, process: subprocess.Popen | None = None, timeout: float = 120) -> None:
    """Return once the server answers; a clear error when it stopped or never answered."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise LabError(
                f"JupyterLab stopped before it answered on {url} (exit code {process.returncode}). "
                "If the port is taken, start it on another one, e.g. `cx-copilot lab --port 8890`."
            )
        try:
            _request(url, token, "/api/status", timeout=2)
            return
        except (OSError, urllib.error.URLError):
            time.sleep(0.2)
    raise LabError(f"JupyterLab did not answer on {url} within {timeout:.0f} s.")


def warm_kernel(url: str, token: str, notebook: str = START_HERE, code: str = WARM_UP, timeout: float = 60) -> str:
    """Start the notebook's kernel (as JupyterLab would on opening it) and run `code` in it silently, so no
    execution count is used and nothing shows. Returns the kernel id."""
    session = _request(
        url,
        token,
        "/api/sessions",
        {"path": notebook, "name": Path(notebook).name, "type": "notebook", "kernel": {"name": "python3"}},
        timeout=timeout,
    )
    kernel_id = session["kernel"]["id"]
    # in a thread of its own: the caller may be running an event loop already (a notebook, Playwright)
    with ThreadPoolExecutor(max_workers=1) as worker:
        worker.submit(asyncio.run, _execute_silently(url, token, kernel_id, code, timeout)).result()
    return kernel_id


async def _execute_silently(url: str, token: str, kernel_id: str, code: str, timeout: float) -> None:
    """One execute request over the server's kernel websocket (JSON messages); waits for its reply."""
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    session_id = uuid.uuid4().hex
    address = url.replace("http", "ws", 1) + f"/api/kernels/{kernel_id}/channels?session_id={session_id}"
    request = HTTPRequest(address, headers={"Authorization": f"token {token}"})
    connection = await asyncio.wait_for(websocket_connect(request), timeout=timeout)
    try:
        msg_id = uuid.uuid4().hex
        content = {"code": code, "silent": True, "store_history": False, "user_expressions": {}, "allow_stdin": False}
        header = {"msg_id": msg_id, "session": session_id, "username": "cx-copilot", "msg_type": "execute_request"}
        await connection.write_message(
            json.dumps(
                {"header": {**header, "version": "5.3"}, "parent_header": {}, "metadata": {}, "content": content}
                | {"channel": "shell", "buffers": []}
            )
        )
        deadline = time.monotonic() + timeout
        while True:
            raw = await asyncio.wait_for(connection.read_message(), timeout=max(0.1, deadline - time.monotonic()))
            if raw is None:
                raise LabError("The kernel's connection closed while the app was being loaded into it.")
            message = json.loads(raw)
            if message.get("parent_header", {}).get("msg_id") == msg_id and message["msg_type"] == "execute_reply":
                reply = message["content"]
                if reply.get("status") != "ok":
                    raise LabError(
                        f"Loading the app into the kernel failed: {reply.get('ename')}: {reply.get('evalue')}"
                    )
                return
    finally:
        connection.close()
