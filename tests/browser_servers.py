"""JupyterLab, Voila and a headless Chromium for the real-browser tests.

Each server runs on 127.0.0.1 on a free port with its own Jupyter folders and its own CX_COPILOT_HOME, so a
test run never touches the person's Jupyter settings or the project's `.cx-copilot/`, and two pytest-xdist
workers never share a server, a port or a folder.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from copilot.lab import lab_command, new_token, warm_kernel

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = Path("notebooks") / "00_start_here.ipynb"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


# JupyterLab 4.6 sends widget messages over a kernel subshell (another thread) by default; people who turn
# that off, or run an older JupyterLab, get them on the main shell. The app must work both ways.
SUBSHELL = "widget-messages-on-a-subshell"
MAIN_SHELL = "widget-messages-on-the-main-shell"
LAB_SETTINGS = {
    SUBSHELL: {},
    MAIN_SHELL: {"apputils-extension/kernels-settings": {"commsOverSubshells": "disabled"}},
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class JupyterServer:
    """Started in the background; `url` answers once the constructor returns. Kinds: `lab` (JupyterLab),
    `voila` (Voila on the start-here notebook) and `app` (the same through `cx-copilot app`)."""

    KINDS = ("lab", "voila", "app")

    def __init__(
        self,
        kind: str,
        folder: Path,
        lab_settings: dict | None = None,
        timeout: float = 120,
        notebook: Path = NOTEBOOK,
    ) -> None:
        """`notebook`: the one Voila serves (relative to the project)."""
        if kind not in self.KINDS:
            raise ValueError(f"Unknown server {kind!r}: choose one of {', '.join(self.KINDS)}.")
        self.kind = kind
        self.notebook = notebook
        self.folder = folder
        self.home = folder / "cx-copilot-home"
        self.runtime_dir = folder / "jupyter-runtime"
        self.lab_settings = lab_settings or {}
        self.token = new_token()
        self.env = self._environment()
        self.log_path = folder / f"{kind}.log"
        self.process: subprocess.Popen | None = None
        for _attempt in range(3):  # a free port can be taken between asking and binding: try another
            self.port = free_port()
            self.url = f"http://127.0.0.1:{self.port}"
            self._start()
            if self._wait(timeout):
                if kind == "lab":  # as `cx-copilot lab` does before it opens the browser
                    warm_kernel(self.url, self.token)
                return
        raise RuntimeError(f"{kind} did not start; see {self.log_path}")

    def _environment(self) -> dict[str, str]:
        env = dict(os.environ)
        for name, sub in (
            ("JUPYTER_CONFIG_DIR", "jupyter-config"),
            ("JUPYTER_DATA_DIR", "jupyter-data"),
            ("JUPYTER_RUNTIME_DIR", "jupyter-runtime"),
            ("IPYTHONDIR", "ipython"),
        ):
            (self.folder / sub).mkdir(parents=True, exist_ok=True)
            env[name] = str(self.folder / sub)
        (self.folder / "tmp").mkdir(exist_ok=True)
        env["TMPDIR"] = str(self.folder / "tmp")  # Voila keeps kernel connection files in the temp folder
        self._write_lab_settings(self.folder / "jupyter-config")
        env["CX_COPILOT_HOME"] = str(self.home)
        env.pop("CX_COPILOT_CHROMA_URL", None)  # the embedded store in the temp home, never a team server
        env.pop("CX_COPILOT_MODEL", None)  # offline mode: the same themes on every machine
        env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
        return env

    def _write_lab_settings(self, config_dir: Path) -> None:
        """No autosave (the committed notebook must never get outputs written into it), no news feed, and
        whatever the test asks for, e.g. `{"apputils-extension/kernels-settings": {...}}`."""
        settings = config_dir / "lab" / "user-settings" / "@jupyterlab"
        for plugin, values in {
            "docmanager-extension/plugin": {"autosave": False},
            "apputils-extension/notification": {"fetchNews": "false"},
            **self.lab_settings,
        }.items():
            path = settings / f"{plugin}.jupyterlab-settings"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values), encoding="utf-8")

    def _command(self) -> list[str]:
        if self.kind == "lab":  # as `cx-copilot lab` starts it, plus what keeps a test run to itself
            return lab_command(
                ROOT,
                self.port,
                self.token,
                [
                    "--ServerApp.ip=127.0.0.1",
                    # opening a notebook writes a checkpoint: into the temp folder, never beside the notebook
                    f"--FileCheckpoints.root_dir={self.folder / 'checkpoints'}",
                    "--ServerApp.password=",
                    "--LabApp.extension_manager=readonly",
                    # no look-ups on the internet for updates during a test
                    "--LabApp.check_for_updates_class=jupyterlab.handlers.announcements.NeverCheckForUpdate",
                ],
            )
        if self.kind == "app":
            return [sys.executable, "-m", "copilot.cli", "app", "--no-browser", f"--port={self.port}"]
        return [
            sys.executable,
            "-m",
            "voila",
            "--no-browser",
            "--Voila.ip=127.0.0.1",
            f"--port={self.port}",
            "--Voila.port_retries=0",
            f"--Voila.connection_dir_root={self.runtime_dir}",
            str(self.notebook),
        ]

    def _start(self) -> None:
        log = self.log_path.open("a")
        self.process = subprocess.Popen(
            self._command(), cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        log.close()

    def _wait(self, timeout: float) -> bool:
        # Voila runs the notebook on GET /, so it is probed by a plain connection, not a page request.
        probe = f"/api/status?token={self.token}" if self.kind == "lab" else None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            try:
                if probe:
                    with urllib.request.urlopen(self.url + probe, timeout=2):
                        return True
                else:
                    with socket.create_connection(("127.0.0.1", self.port), timeout=2):
                        return True
            except OSError:
                time.sleep(0.25)
        self.stop()
        raise RuntimeError(f"{self.kind} did not answer on {self.url} within {timeout:.0f}s; see {self.log_path}")

    def stop(self) -> None:
        if self.process is None:
            return
        # the server runs in a session of its own (its pid is the group id), so `cx-copilot app` and the Voila
        # it starts stop together. Both servers shut their kernels down on SIGTERM.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        self._stop_leftover_kernels()

    def _stop_leftover_kernels(self) -> None:
        """Kernels run in sessions of their own; any still alive was started by this server (its connection
        file lies in this server's folder), so it is ended by its pid."""
        marker = str(self.folder)
        for proc in Path("/proc").iterdir():
            if not proc.name.isdigit():
                continue
            try:
                cmdline = (proc / "cmdline").read_bytes().decode(errors="replace")
            except OSError:
                continue
            if "ipykernel" in cmdline and marker in cmdline:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(int(proc.name), signal.SIGTERM)


def launch_chromium(playwright, user_data_dir: Path):
    """A headless Chromium (Debian's, never a downloaded one) with a fresh profile; returns its context."""
    return playwright.chromium.launch_persistent_context(
        str(user_data_dir),
        executable_path=CHROMIUM,
        headless=True,
        args=CHROMIUM_ARGS,
        viewport={"width": 1280, "height": 1000},
        locale="nl-NL",
    )
