"""Shared fixtures: the emulator URL, the SDK version under test, and the control API.

run.sh starts two emulators: the default one (real-API fidelity) and one with `--compat 0.3`. 1.4.0 runs against
the default one; 0.3.0 against the compat one (AUTHPI_EMULATOR_URL) and, to show how the real API answers it,
against the default one too (AUTHPI_DEFAULT_EMULATOR_URL).
"""
import asyncio
import os

import httpx
import pytest

URL = os.environ.get("AUTHPI_EMULATOR_URL", "http://127.0.0.1:4010")
DEFAULT_URL = os.environ.get("AUTHPI_DEFAULT_EMULATOR_URL", URL)
SDK_VERSION = os.environ.get("AUTHPI_SDK_VERSION", "1.4.0")
ACCOUNT = "acc_demo"
KEY_ID, KEY_SECRET = "key_demo", "demo_secret"
MULTI_KEY_ID, MULTI_KEY_SECRET = "key_multi", "multi_secret"


def _demo_issuer_ids():
    """The demo seed's issuer ids, read from the emulator (never hard-coded: they have the real `i_…` shape)."""
    with httpx.Client(base_url=URL, auth=(KEY_ID, KEY_SECRET), timeout=10) as client:
        response = client.get(f"/v1/accounts/{ACCOUNT}/issuers", params={"limit": 100})
        response.raise_for_status()
        return [item["id"] for item in response.json()["data"]]


ISSUER_IDS = _demo_issuer_ids()
ISSUER = ISSUER_IDS[0]  # the first issuer holds the 300 demo users

v14 = pytest.mark.skipif(not SDK_VERSION.startswith("1."), reason="authpi-admin 1.x API")
v03 = pytest.mark.skipif(not SDK_VERSION.startswith("0."), reason="authpi-admin 0.x API")


def run(coro, timeout=60):
    """Run one coroutine with a hard time bound."""
    return asyncio.run(asyncio.wait_for(coro, timeout))


def control(method, path, base_url=None, **kwargs):
    with httpx.Client(base_url=base_url or URL, timeout=10) as client:
        response = client.request(method, "/_emulator" + path, **kwargs)
        response.raise_for_status()
        return response.json() if response.content else None


def make_admin(**overrides):
    """An SDK client for the version under test with the demo credential."""
    from authpi_admin import AuthPIAdmin

    kwargs = {"base_url": URL, "retries": {"limit": 3, "delay": 0.01}}
    if "access_token" not in overrides:
        kwargs["api_key"] = (KEY_ID, KEY_SECRET) if SDK_VERSION.startswith("1.") else KEY_ID
    kwargs.update(overrides)
    return AuthPIAdmin(**kwargs)


@pytest.fixture(autouse=True)
def fresh_emulator():
    control("POST", "/reset")
    control("DELETE", "/faults")
    yield
    control("DELETE", "/faults")


def first_user_id():
    async def go():
        async with make_admin() as admin:
            page = await admin.issuer(ISSUER).users.list(limit=1)
            item = page.data[0]
            return item["user_id"] if isinstance(item, dict) else item.user_id
    return run(go())


def field(obj, name):
    """Read a field from a pydantic model (1.4.0) or a dict (0.3.0)."""
    return obj[name] if isinstance(obj, dict) else getattr(obj, name)


def etag_of(obj):
    return obj.get("_etag") if isinstance(obj, dict) else getattr(obj, "_etag", None)
