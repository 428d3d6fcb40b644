# JupyterHub for a CX team: one server, each facilitator's own JupyterLab on the team's notebooks, and the
# participants' app (Voila) as a hub service at /services/participate/ — participants need no account, the
# room's join code lets them in. Both see one shared workspace (CX_COPILOT_HOME), so a facilitator's panel
# reads what participants send. Run it from the project's environment (`pip install -e '.[hub]'`, and
# `npm install -g configurable-http-proxy`):
#
#   jupyterhub -f deploy/jupyterhub/jupyterhub_config.py
#
# Two ways to log in and run servers (README, "For a team (JupyterHub)"):
#   default          every facilitator has a Linux account (group `cx`), logs in with it (PAM) and runs as
#                    it; the hub runs as root, the participants' app as the user CX_HUB_SERVICE_USER
#   CX_HUB_TRY=1     trying it out on one machine: one shared password (CX_HUB_PASSWORD, 8+ characters),
#                    every server runs as the user who started the hub. Not for real workshop data.
# scripts/try-jupyterhub.sh starts the second on 127.0.0.1 and checks a participant reaches the facilitator.
import os
import sys
from pathlib import Path

c = get_config()  # noqa: F821 (JupyterHub provides it)

env = os.environ.get
ROOT = Path(__file__).resolve().parents[2]  # the checkout: notebooks, prompts, workshop_templates
STATE = Path(env("CX_HUB_STATE", "/srv/cx-hub"))  # the hub's database and cookie secret
WORKSPACE = env("CX_COPILOT_HOME", str(STATE / "workspace"))  # sessions, research store, decks: shared
HUB_IP, HUB_PORT = env("CX_HUB_IP", "127.0.0.1"), int(env("CX_HUB_PORT", "8000"))
PUBLIC = env("CX_HUB_PUBLIC_URL", f"http://{HUB_IP}:{HUB_PORT}").rstrip("/")  # as participants type it
PARTICIPATE_PORT = int(env("CX_PARTICIPATE_PORT", "8867"))
TRY = env("CX_HUB_TRY") == "1"

STATE.mkdir(parents=True, exist_ok=True)
Path(WORKSPACE).mkdir(parents=True, exist_ok=True)
c.JupyterHub.ip, c.JupyterHub.port = HUB_IP, HUB_PORT
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(env("CX_HUB_API_PORT", "8081"))  # the hub's own API, for the proxy and servers
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{env('CX_HUB_PROXY_API_PORT', '8001')}"
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = str(STATE / "proxy.pid")

# Facilitators: JupyterLab in the checkout (the app finds its prompts and formats there), on the start page.
python = sys.executable  # the project's environment: copilot, JupyterLab and jupyterhub-singleuser
# umask 0002: files one facilitator's kernel or the app writes stay writable for the group (`cx`); with
# the workspace folder setgid to that group, the participants' app can add to a room a facilitator opened.
GROUP_WRITABLE = ["sh", "-c", 'umask 0002 && exec "$0" "$@"']
c.Spawner.cmd = [*GROUP_WRITABLE, python, "-m", "jupyterhub.singleuser"]
c.Spawner.notebook_dir = str(ROOT)
c.Spawner.default_url = "/lab/tree/notebooks/00_start_here.ipynb"
c.Spawner.environment = {
    "CX_COPILOT_HOME": WORKSPACE,
    "CX_COPILOT_PARTICIPATE_URL": f"{PUBLIC}/services/participate/",  # the link and QR code on the panel
    "PYTHONPATH": str(ROOT),  # this checkout's copilot, also when the environment holds another
}
c.Spawner.start_timeout = 120  # the first start imports the app on a busy server
c.Spawner.http_timeout = 120

# Participants: Voila on notebooks/participate.ipynb, started and watched by the hub; the proxy sends
# /services/participate/ to it without asking for a login.
service = {
    "name": "participate",
    "display": False,
    "url": f"http://127.0.0.1:{PARTICIPATE_PORT}",
    "command": [
        *GROUP_WRITABLE,
        python,
        "-m",
        "copilot.cli",
        "app",
        "--participants",
        "--no-browser",
        f"--port={PARTICIPATE_PORT}",
    ],
    "cwd": str(ROOT),
    "environment": {"CX_COPILOT_HOME": WORKSPACE, "PYTHONPATH": str(ROOT)},
}

c.JupyterHub.services = [service]
if TRY:
    password = env("CX_HUB_PASSWORD", "")
    if len(password) < 8:
        sys.exit("CX_HUB_TRY=1 needs CX_HUB_PASSWORD, at least 8 characters / minstens 8 tekens.")
    c.JupyterHub.authenticator_class = "shared-password"
    c.SharedPasswordAuthenticator.user_password = password
    c.Authenticator.allow_all = True  # any name with the shared password: a try-out, never real data
    c.JupyterHub.spawner_class = "simple"  # all servers run as this user, each with a home under STATE
    c.SimpleLocalProcessSpawner.home_dir_template = str(STATE / "home" / "{username}")
    if os.geteuid() == 0:  # a container; JupyterLab refuses root without it
        c.Spawner.args = ["--allow-root"]
    if env("CX_HUB_CHECK_TOKEN"):  # bench/jupyterhub_check.py runs code in a facilitator's kernel with it
        c.JupyterHub.services.append({"name": "check", "api_token": env("CX_HUB_CHECK_TOKEN")})
        c.JupyterHub.load_roles = [{"name": "check", "services": ["check"], "scopes": ["access:servers"]}]
else:
    c.JupyterHub.authenticator_class = "pam"  # Linux accounts; or an OAuthenticator for your SSO
    c.Authenticator.allowed_groups = {env("CX_HUB_GROUP", "cx")}
    c.Authenticator.admin_users = set(filter(None, env("CX_HUB_ADMINS", "").split(",")))
    c.JupyterHub.spawner_class = "localprocess"
    service["user"] = env("CX_HUB_SERVICE_USER", "cx")  # the hub runs as root; the app does not
