"""A real authpi-emulator process on a free loopback port, for the e2e tests and the screenshot script."""
import base64
import json
import os
import re
import subprocess
import urllib.error
import urllib.request

CONSOLE = os.environ.get("AUTHPI_CONSOLE_BIN", ".build/debug/authpi-console")
EMULATOR = os.environ.get("AUTHPI_EMULATOR_BIN", ".build/debug/authpi-emulator")
DEMO_AUTH = "Basic " + base64.b64encode(b"key_demo:demo_secret").decode()
DEMO_ACCOUNT = "acc_demo"


class Emulator:
    """A real authpi-emulator process on a free loopback port."""

    def __init__(self, port=0, users=None):
        command = [EMULATOR, "--port", str(port)] + (["--users", str(users)] if users is not None else [])
        self.proc = subprocess.Popen(command, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        m = re.match(r"AuthPI emulator listening on (http://\S+)", line)
        assert m, f"emulator did not start: {line!r} {self.proc.stderr.read() if self.proc.poll() is not None else ''}"
        self.base_url = m.group(1)
        self._issuer_ids = None

    @property
    def issuer_ids(self):
        """The demo seed's issuer ids, first one first (it holds the users). Read from the emulator, never
        hard-coded: they have the real API's shape (`i_` + 14 letters and digits)."""
        if self._issuer_ids is None:
            status, body = self.request("GET", f"/v1/accounts/{DEMO_ACCOUNT}/issuers?limit=100")
            assert status == 200, (status, body)
            self._issuer_ids = [item["id"] for item in body["data"]]
        return self._issuer_ids

    @property
    def first_issuer_id(self):
        return self.issuer_ids[0]

    def request(self, method, path, body=None, headers=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base_url + path, data=data, method=method)
        req.add_header("Authorization", DEMO_AUTH)
        req.add_header("Accept", "application/json")
        if data is not None:
            req.add_header("Content-Type", "application/json")
        for k, v in (headers or {}).items():
            req.add_header(k, v)
        try:
            with urllib.request.urlopen(req, timeout=10) as resp:
                raw = resp.read()
                return resp.status, (json.loads(raw) if raw else None)
        except urllib.error.HTTPError as err:
            raw = err.read()
            return err.code, (json.loads(raw) if raw else None)

    @property
    def port(self):
        return int(self.base_url.rsplit(":", 1)[1])

    def control(self, method, path, body=None):
        """The emulator's control API (/_emulator/...): no credentials."""
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base_url + path, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(req, timeout=10) as resp:
            raw = resp.read()
            return json.loads(raw) if raw else None

    def kill(self):
        """SIGKILL: the server dies without closing anything gracefully."""
        self.proc.kill()
        self.proc.wait(timeout=10)

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
