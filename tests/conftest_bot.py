"""Starts the real servers once per test run (scripts/serve.sh on test ports, temporary
databases) for the conversation tests."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.botclient import Bot

ROOT = Path(__file__).resolve().parent.parent
RASA_PORT = int(os.environ.get("TEST_RASA_PORT", "15005"))
ACTIONS_PORT = int(os.environ.get("TEST_ACTIONS_PORT", "15055"))
WEB_PORT = int(os.environ.get("TEST_WEB_PORT", "18080"))
NEP_API_PORT = int(os.environ.get("TEST_NEP_API_PORT", "18099"))
TOKEN = "test-token-" + os.urandom(4).hex()
# WhatsApp (Cloud API and Twilio) settings of the test bot: its API calls go to tests/nep_api.py.
WHATSAPP = {
    "WHATSAPP_VERIFY_TOKEN": "verifieer-" + os.urandom(4).hex(),
    "WHATSAPP_APP_SECRET": "geheim-" + os.urandom(8).hex(),
    "WHATSAPP_ACCESS_TOKEN": "toegang-" + os.urandom(8).hex(),
    "WHATSAPP_PHONE_NUMBER_ID": "1234567890",
    "WHATSAPP_API_BASE": f"http://127.0.0.1:{NEP_API_PORT}/graph",
    "WHATSAPP_SENDER_KEY": "sleutel-" + os.urandom(8).hex(),
    "TWILIO_ACCOUNT_SID": "AC" + os.urandom(16).hex(),
    "TWILIO_AUTH_TOKEN": "twilio-" + os.urandom(8).hex(),
    "TWILIO_NUMBER": "whatsapp:+31850000000",
    "TWILIO_WEBHOOK_URL": "https://leerroute.example.nl/webhooks/twilio/webhook",
    "TWILIO_API_BASE": f"http://127.0.0.1:{NEP_API_PORT}/twilio",
    "TWILIO_SENDER_KEY": "tw-sleutel-" + os.urandom(8).hex(),
}


def bot_env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        RASA_PORT=str(RASA_PORT),
        ACTIONS_PORT=str(ACTIONS_PORT),
        WEB_PORT=str(WEB_PORT),
        ACTION_ENDPOINT_URL=f"http://127.0.0.1:{ACTIONS_PORT}/webhook",
        CATALOG_DB_URL=f"sqlite:///{tmp / 'catalog.db'}",
        TRACKER_DB_URL=f"sqlite:///{tmp / 'tracker.db'}",
        LOG_DIR=str(tmp / "log"),
        RASA_TOKEN=TOKEN,
        # Many browser sessions from one address in a row: the web's rate limit is tested on its own.
        WEB_BERICHTEN_PER_MINUUT="120",
        **WHATSAPP,
    )
    return env


def start(env: dict[str, str], tmp: Path) -> subprocess.Popen[bytes]:
    ready = tmp / f"ready-{time.monotonic_ns()}"
    env = {**env, "SERVE_READY_FILE": str(ready)}
    with open(tmp / "serve.err", "ab") as err:
        proc = subprocess.Popen([str(ROOT / "scripts" / "serve.sh")], cwd=ROOT, env=env, start_new_session=True,
                                stdout=subprocess.DEVNULL, stderr=err)  # fmt: skip
    deadline = time.monotonic() + 240
    while not ready.exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            stop(proc)
            raise RuntimeError("the bot did not start: " + (tmp / "serve.err").read_text()[-3000:])
        time.sleep(0.5)
    return proc


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


@pytest.fixture(scope="session")
def bot_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("bot")
    env = bot_env(tmp)
    subprocess.run([str(ROOT / ".venv-app" / "bin" / "python"), "-m", "catalog_db", "seed"], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    model = subprocess.run([str(ROOT / "scripts" / "train.sh")], cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    (tmp / "model").write_text(model.stdout.strip().splitlines()[-1])
    return tmp


@pytest.fixture(scope="session")
def bot_proc(bot_dir: Path) -> Iterator[dict[str, object]]:
    env = {**bot_env(bot_dir), "MODEL": (bot_dir / "model").read_text()}
    state: dict[str, object] = {"env": env, "proc": start(env, bot_dir), "dir": bot_dir}
    yield state
    stop(state["proc"])  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def bot(bot_proc: dict[str, object]) -> Bot:
    return Bot(f"http://127.0.0.1:{RASA_PORT}", TOKEN)
