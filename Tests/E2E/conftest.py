import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))
from emulator_process import CONSOLE, EMULATOR, Emulator  # noqa: E402,F401
from tmux_driver import Tmux  # noqa: E402


@pytest.fixture
def emulator():
    emu = Emulator()
    yield emu
    emu.stop()


@pytest.fixture
def console_factory(emulator):
    sessions = []

    def start(args="", cols=100, rows=30, env=None, with_credentials=True):
        full_env = {"AUTHPI_API_KEY_ID": "key_demo", "AUTHPI_API_KEY_SECRET": "demo_secret"} if with_credentials else {}
        full_env.update(env or {})
        command = f"{CONSOLE} --base-url {emulator.base_url} {args}; echo CONSOLE-EXIT=$?; sleep 30"
        t = Tmux(command, cols=cols, rows=rows, env=full_env)
        sessions.append(t)
        return t

    yield start
    for t in sessions:
        t.kill()
