"""Secrets never leave the emulator: not in its request log, its error bodies, or its stdout/stderr.

Usage: secrets_check.py URL LOG_PATH PID
Makes requests with the demo secret, a newly created API key's secret_plain and an access token (good
and wrong uses of each), reads everything the emulator exposes about them, then sends SIGTERM to PID,
waits for it to exit and reads its whole output. Exits 1 naming where a secret was found.
"""
import base64
import json
import os
import signal
import sys
import time
import urllib.error
import urllib.request

url, log_path, pid = sys.argv[1], sys.argv[2], int(sys.argv[3])
collected = []  # (where, text) of everything the emulator said


def call(method, path, auth=None, body=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url + path, data=data, method=method)
    if auth:
        request.add_header("Authorization", auth)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            status, raw, head = response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        status, raw, head = error.code, error.read(), dict(error.headers)
    text = raw.decode("utf-8", "replace")
    collected.append((f"{method} {path} -> {status} (headers)", json.dumps(head)))
    return status, text


def basic(key, secret):
    return "Basic " + base64.b64encode(f"{key}:{secret}".encode()).decode()


demo = "demo_secret"
status, text = call("POST", "/v1/accounts/acc_demo/api-keys", basic("key_demo", demo), {"name": "secrets check"})
assert status == 201, (status, text)
created = json.loads(text)["data"]
key_id, key_secret = created["id"], created["secret_plain"]
status, text = call("POST", "/_emulator/access-tokens", body={"account_id": "acc_demo", "ttl_seconds": 300})
assert status in (200, 201), (status, text)
token = json.loads(text)["access_token"]
secrets = {"demo secret": demo, "created key secret": key_secret, "access token": token}

# Good uses, wrong uses (wrong secret, malformed headers, secrets in odd places), and error answers.
attempts = [
    ("GET", "/v1/me", basic("key_demo", demo), None, None),
    ("GET", "/v1/me", basic(key_id, key_secret), None, None),
    ("GET", "/v1/me", "Bearer " + token, None, None),
    ("GET", "/v1/accounts/acc_demo/issuers?limit=0", "Bearer " + token, None, None),
    ("GET", "/v1/me", basic("key_demo", key_secret), None, None),
    ("GET", "/v1/me", "Bearer " + key_id, None, None),  # an API key as Bearer: 401, as on the real API
    ("GET", "/v1/accounts/me/issuers", basic(key_id, key_secret), None, None),  # no `me` alias: 404
    ("GET", "/v1/me", basic(key_id, demo), None, None),
    ("GET", "/v1/me", "Bearer " + token + "x", None, None),
    ("GET", "/v1/me", "Basic " + token, None, None),
    ("GET", "/v1/me", token, None, None),
    ("GET", "/v1/me", "Token " + key_secret, None, None),
    ("GET", "/v1/accounts/acc_other/issuers", basic(key_id, key_secret), None, None),
    ("GET", "/v1/accounts/acc_demo/issuers?access_token=" + token + "&secret=" + key_secret, basic("key_demo", demo), None, None),
    ("POST", "/v1/accounts/acc_demo/api-keys", basic("key_demo", demo), {"name": ""}, {"X-Api-Key": key_secret}),
    ("POST", f"/v1/accounts/acc_demo/api-keys/{key_id}/block", basic(key_id, key_secret), {"reason": "test"}, {"Cookie": "session=" + token}),
    ("GET", "/v1/me", basic(key_id, key_secret), None, None),  # blocked now: 401 key_inactive
    ("POST", f"/_emulator/access-tokens/{token}/expire", None, None, None),
    ("GET", "/v1/me", "Bearer " + token, None, None),  # expired: 401 token_expired
]
for method, path, auth, body, headers in attempts:
    status, text = call(method, path, auth, body, headers)
    collected.append((f"{method} {path.split('?')[0]} -> {status}", text))

# What the emulator keeps about those requests.
for path in ["/_emulator/requests?limit=500", "/v1/accounts/acc_demo/api-keys?limit=100", f"/v1/accounts/acc_demo/api-keys/{key_id}",
             "/v1/accounts/acc_demo/events?limit=100"]:
    status, text = call("GET", path, basic("key_demo", demo))
    if status != 200:
        print(f"secrets check: GET {path} answered {status}: {text[:300]}")
        sys.exit(1)
    collected.append((f"GET {path} -> {status}", text))
    if path.startswith("/_emulator/requests"):
        log_text = text
if "Basic [redacted]" not in log_text or "Bearer [redacted]" not in log_text:
    print("secrets check: the request log does not show the redacted requests, so it was not really checked")
    sys.exit(1)

# Stop the emulator and wait until its output is complete.
os.kill(pid, signal.SIGTERM)
deadline = time.monotonic() + 15
while time.monotonic() < deadline:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        break
    time.sleep(0.1)
else:
    print(f"secrets check: the emulator (pid {pid}) did not exit within 15 s of SIGTERM")
    sys.exit(1)
with open(log_path, encoding="utf-8", errors="replace") as handle:
    collected.append(("emulator stdout/stderr", handle.read()))

leaks = [(where, name) for where, text in collected for name, value in secrets.items() if value in text]
checked = sum(len(text) for _, text in collected)
if leaks:
    for where, name in leaks:
        print(f"secrets check: the {name} appears in {where}")
    sys.exit(1)
print(f"secrets check: {len(attempts)} requests with 3 secrets; {len(collected)} outputs ({checked} bytes) scanned; no secret found")
