"""Drive a real terminal program in tmux: type keys, read the screen, wait for text.

Every wait is bounded in time; a test that times out fails with the screen it saw.
"""
import os
import re
import shlex
import subprocess
import time
import uuid

ANSI = re.compile(r"\x1b\[[0-9;:?]*[A-Za-z]")


class Tmux:
    def __init__(self, command, cols=100, rows=30, env=None, cwd=None):
        self.session = "authpi-e2e-" + uuid.uuid4().hex[:8]
        # One tmux server per test process: a server started by another run (another worktree, another build)
        # would run its own binary paths and environment.
        self.socket = f"authpi-e2e-{os.getpid()}"
        # The test's variables go to the session only (-e below), never into the server's global environment,
        # which a later session would inherit: a test without credentials must not get an earlier test's.
        full_env = dict(os.environ)
        full_env.setdefault("LANG", "C.UTF-8")
        full_env.setdefault("LC_ALL", "C.UTF-8")
        full_env["TERM"] = "tmux-256color" if _has_terminfo("tmux-256color") else "screen-256color"
        # `remain-on-exit` keeps the pane after the program ends so tests can read its last screen
        # and its exit status.
        env_args = []
        for k, v in (env or {}).items():
            env_args += ["-e", f"{k}={v}"]
        args = ("new-session", "-d", "-s", self.session, "-x", str(cols), "-y", str(rows),
                *env_args, "-c", cwd or os.getcwd(), command)
        # Right after the previous test killed the last session, the tmux server may still be exiting and
        # refuse a new one: try again briefly (bounded).
        for attempt in range(20):
            if self._tmux(*args, env=full_env, check=False).returncode == 0:
                break
            time.sleep(0.05)
        else:
            self._tmux(*args, env=full_env)
        self._tmux("set-option", "-t", self.session, "remain-on-exit", "on")
        self.cols, self.rows = cols, rows

    def _tmux(self, *args, env=None, check=True):
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True,
                              env=env, check=check, timeout=10)

    def send(self, *keys, literal=False, pause=0.02):
        """send("j"), send("Enter"), send("C-c"), send("hello", literal=True)."""
        for key in keys:
            args = ["send-keys", "-t", self.session]
            if literal:
                args.append("-l")
            self._tmux(*args, key)
            time.sleep(pause)

    def screen(self, colors=False):
        args = ["capture-pane", "-p", "-t", self.session]
        if colors:
            args.append("-e")
        return self._tmux(*args).stdout

    def wait_for(self, pattern, timeout=10.0, absent=False):
        """Waits until the screen matches (or, with absent=True, no longer matches) a regex."""
        deadline = time.monotonic() + timeout
        text = ""
        while time.monotonic() < deadline:
            text = self.screen()
            found = re.search(pattern, text) is not None
            if found != absent:
                return text
            time.sleep(0.05)
        raise AssertionError(f"timed out after {timeout}s waiting for {'absence of ' if absent else ''}"
                             f"{pattern!r}; screen was:\n{text}")

    def resize(self, cols, rows):
        self._tmux("resize-window", "-t", self.session, "-x", str(cols), "-y", str(rows))
        self.cols, self.rows = cols, rows

    def pane_dead(self):
        out = self._tmux("display-message", "-p", "-t", self.session, "#{pane_dead} #{pane_dead_status}").stdout.split()
        return (out[0] == "1", int(out[1]) if len(out) > 1 and out[1].isdigit() else None) if out else (True, None)

    def wait_exit(self, timeout=10.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            dead, status = self.pane_dead()
            if dead:
                return status
            time.sleep(0.05)
        raise AssertionError("program did not exit; screen was:\n" + self.screen())

    def alternate_screen(self):
        """True while the program has the terminal in its alternate screen (ncurses running)."""
        return self._tmux("display-message", "-p", "-t", self.session, "#{alternate_on}").stdout.strip() == "1"

    def cursor_visible(self):
        """False while the program has hidden the cursor (a console that exits must show it again)."""
        return self._tmux("display-message", "-p", "-t", self.session, "#{cursor_flag}").stdout.strip() == "1"

    def send_batch(self, keys):
        """Sends many tmux key names in one call (fast enough for thousands of keys)."""
        self._tmux("send-keys", "-t", self.session, *keys)

    def history(self):
        """Everything the pane printed, scrollback included (the program's stderr after it exits)."""
        return self._tmux("capture-pane", "-p", "-S", "-", "-t", self.session).stdout

    def wait_exit_marker(self, timeout=15.0):
        """The exit status the test's shell wrapper prints after the program ends."""
        text = self.wait_for(r"CONSOLE-EXIT=\d+", timeout=timeout)
        return int(re.search(r"CONSOLE-EXIT=(\d+)", text).group(1))

    def signal_program(self, signal_name):
        """Sends a signal to the program itself (the child of the pane's shell), not to the shell."""
        shell = self._tmux("display-message", "-p", "-t", self.session, "#{pane_pid}").stdout.strip()
        subprocess.run(["pkill", f"-{signal_name}", "-P", shell], check=False, timeout=10)

    def kill(self):
        self._tmux("kill-session", "-t", self.session, check=False)


def _has_terminfo(name):
    return subprocess.run(["infocmp", name], capture_output=True).returncode == 0
