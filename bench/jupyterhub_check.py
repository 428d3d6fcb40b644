"""JupyterHub with deploy/jupyterhub/jupyterhub_config.py, checked end to end on 127.0.0.1 (issue 23).

    scripts/try-jupyterhub.sh          (installs JupyterHub and the proxy in a temp folder, then runs this)
    python bench/jupyterhub_check.py   (with `jupyterhub` and `configurable-http-proxy` at hand) [--keep]

1. starts the hub in try-out mode (shared password) in a temp folder, on free ports;
2. a facilitator logs in with a headless Chromium and gets her JupyterLab on the start-here notebook;
3. in her kernel (through the hub) a session is made and a room opened for SD-06, and the link her panel
   would show is written down;
4. a participant — another browser, no hub account — opens that link (/services/participate/?code=…), joins,
   adds a sticky and places a dot;
5. the facilitator's session folder holds the participant and the sticky. Timings are printed; exit code 1
   when a step fails. Everything it started is stopped.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CONFIG = ROOT / "deploy" / "jupyterhub" / "jupyterhub_config.py"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]  # fmt: skip
STICKY = "Terugbellen via de hub"
FACILITATOR_CODE = """
import json, os
from pathlib import Path
from copilot.participation import Room
from copilot.participation_model import Item, Offer
from copilot.session import Session
from copilot.settings import Workspace
from copilot.ui.participation_panel import participant_link
path = Workspace.default().ensure().sessions_dir / "hub.cxsession"
Session.create(path, "Hub", "nl").close()
room = Room.open_for(path)
room.set_dots("SD-06", 2)
room.open_step(Offer(step="SD-06", names={"nl": "Ideeën", "en": "Ideation"},
    question={"nl": "Welke ideeën beantwoorden die vragen?", "en": "Which ideas answer those questions?"},
    quotes=[], items=[Item(id="i1", text="Terugbelservice")], categories=["idea"]))
Path(os.environ["CX_COPILOT_HOME"], "facilitator.json").write_text(json.dumps(
    {"link": participant_link(room.code), "folder": str(room.folder), "user": os.environ.get("JUPYTERHUB_USER")}))
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(what: str, check, timeout: float) -> float:
    """Seconds until `check()` is true; raises with `what` when it never is."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        try:
            if check():
                return time.monotonic() - start
        except OSError:
            pass
        time.sleep(0.3)
    raise TimeoutError(f"{what}: not within {timeout:.0f} s")


def hub_answers(url: str) -> bool:
    with urllib.request.urlopen(f"{url}/hub/api/", timeout=3) as response:
        return "version" in json.loads(response.read())


def start_hub(folder: Path, port: int, password: str, token: str) -> tuple[subprocess.Popen, dict]:
    env = dict(os.environ) | {
        "CX_HUB_TRY": "1",
        "CX_HUB_PASSWORD": password,
        "CX_HUB_CHECK_TOKEN": token,
        "CX_HUB_STATE": str(folder / "hub"),
        "CX_COPILOT_HOME": str(folder / "workspace"),
        "CX_HUB_PORT": str(port),
        "CX_PARTICIPATE_PORT": str(free_port()),
        "CX_HUB_API_PORT": str(free_port()),
        "CX_HUB_PROXY_API_PORT": str(free_port()),
    }
    for name in ("CX_COPILOT_CHROMA_URL", "CX_COPILOT_MODEL", "CX_COPILOT_PARTICIPATE_URL"):
        env.pop(name, None)  # the try-out's own workspace, offline
    log = (folder / "jupyterhub.log").open("w")
    command = [sys.executable, "-m", "jupyterhub", "-f", str(CONFIG)]
    process = subprocess.Popen(command, cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True)  # fmt: skip
    return process, env


def stop(process: subprocess.Popen, folder: Path) -> None:
    """The hub stops its users' servers, its service and the proxy on SIGTERM; whatever of this hub still
    runs after that (the proxy after a crash runs in a session of its own) is ended by its pid."""
    for sig, wait in ((signal.SIGTERM, 30), (signal.SIGKILL, 10)):
        try:
            os.killpg(process.pid, sig)
            process.wait(timeout=wait)
            break
        except ProcessLookupError:
            break
        except subprocess.TimeoutExpired:
            continue
    for pid in ours(folder):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def ours(folder: Path) -> list[int]:
    """The processes this check started: their environment names its temp folder."""
    found = []
    for proc in Path("/proc").iterdir():
        with contextlib.suppress(OSError, ValueError):
            if proc.name.isdigit() and str(folder).encode() in (proc / "environ").read_bytes():
                found.append(int(proc.name))
    return found


def memory_mb(folder: Path) -> dict[str, str]:
    """Resident memory of what runs for this hub, by kind: "MB in n processes"."""
    kinds: dict[str, list[int]] = {}
    for pid in ours(folder):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            rss = int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            continue
        kind = next((k for k in ("singleuser", "ipykernel", "voila", "jupyterhub", "configurable-http-proxy")
                     if k in cmdline), "other")  # fmt: skip
        if kind == "ipykernel":  # the facilitator's kernel runs in her home; participants' under Voila
            kind = "kernel (facilitator)" if "/home/" in cmdline else "kernel (participant)"
        total = kinds.setdefault(kind, [0, 0])
        total[0], total[1] = total[0] + rss // 2**20, total[1] + 1
    return {kind: f"{mb} MB in {n}" for kind, (mb, n) in kinds.items()}


def run(folder: Path) -> dict:
    from playwright.sync_api import sync_playwright

    from copilot.lab import warm_kernel
    from copilot.participation import Room

    port, password, token = free_port(), secrets.token_urlsafe(12), secrets.token_hex(24)
    url, timings = f"http://127.0.0.1:{port}", {}
    started = time.monotonic()
    hub, env = start_hub(folder, port, password, token)
    try:
        timings["hub answers"] = wait_until("the hub answers", lambda: hub.poll() is None and hub_answers(url), 120)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS)
            facilitator = browser.new_context(locale="nl-NL").new_page()
            facilitator.set_default_timeout(180_000)
            clock = time.monotonic()
            facilitator.goto(f"{url}/hub/login")
            facilitator.fill("#username_input", "anna")
            facilitator.fill("#password_input", password)
            facilitator.click("#login_submit")
            facilitator.wait_for_url("**/user/anna/lab/**")
            facilitator.locator(".jp-Notebook").first.wait_for(state="visible")
            timings["login → her JupyterLab on the start page"] = time.monotonic() - clock

            clock = time.monotonic()
            warm_kernel(f"{url}/user/anna", token, code=FACILITATOR_CODE, timeout=180)
            facts = json.loads((Path(env["CX_COPILOT_HOME"]) / "facilitator.json").read_text(encoding="utf-8"))
            timings["room opened in her kernel"] = time.monotonic() - clock

            participant = browser.new_context(locale="nl-NL").new_page()  # no hub cookie: no account
            participant.set_default_timeout(180_000)
            clock = time.monotonic()
            participant.goto(facts["link"])
            participant.get_by_role("button", name="Meedoen").wait_for(state="visible")
            timings["participant link → join page"] = time.monotonic() - clock
            participant.get_by_role("textbox", name="Je naam").fill("Bram")
            participant.get_by_role("button", name="Meedoen").click()
            participant.get_by_text("Welke ideeën beantwoorden die vragen?").wait_for(state="visible")
            participant.get_by_placeholder("Je sticky").fill(STICKY)
            participant.get_by_role("button", name="Toevoegen").click()
            room_folder = Path(facts["folder"])  # a fresh Room each time: the facilitator's panel reads it anew
            timings["click → sticky in the facilitator's folder"] = wait_until(
                "the sticky in the facilitator's folder",
                lambda: any(s.text == STICKY for s in Room(room_folder).tally("SD-06").stickies),
                60,
            )
            participant.locator(".cx-app button:has(i.fa-plus)").first.click()
            participant.get_by_text("nog 1 van je 2 stippen").wait_for(state="visible")
            memory = memory_mb(folder)  # one JupyterLab and its kernel; Voila and one kernel per participant
            browser.close()
        tally = Room(room_folder).tally("SD-06")
        return {
            "link": facts["link"],
            "facilitator kernel ran as": facts["user"],
            "participants": len(tally.participants),
            "stickies": [f"{s.text} ({s.name})" for s in tally.stickies],
            "votes": tally.votes,
            "memory MB": memory,
            "seconds": {k: round(v, 2) for k, v in timings.items()} | {"total": round(time.monotonic() - started, 1)},
        }
    finally:
        stop(hub, folder)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the temp folder (the hub's log) afterwards")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="cx-hub-check-"))
    try:
        result = run(folder)
    except Exception as error:  # noqa: BLE001 — reported with the hub's log, then exit code 1
        print(f"FAILED: {error}\nthe hub's log: {folder / 'jupyterhub.log'}", file=sys.stderr)
        return 1
    print(json.dumps(result, ensure_ascii=False, indent=2))
    ok = (
        f"{STICKY} (Bram)" in result["stickies"]
        and result["votes"] == {"i1": 1}
        and result["facilitator kernel ran as"] == "anna"
    )
    print("OK: the participant reached the facilitator through the hub" if ok else "FAILED: see above")
    if not args.keep and ok:
        import shutil

        for _ in range(5):  # a server's last writes can land just after it was ended
            shutil.rmtree(folder, ignore_errors=True)
            if not folder.exists():
                break
            time.sleep(1)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
