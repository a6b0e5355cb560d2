"""Real-API fidelity: what the default emulator refuses, as the deployed AuthPI API does.

1.4.0 (against the default emulator): its own forms pass and it never sends the seed's; the refusals reach it as its
own error classes. 0.3.0: the same calls that pass under `--compat 0.3` fail against the default emulator the way
the real API fails them (401 for `Bearer key_…`, 404 for `/v1/accounts/me/…`).
"""
import time

import pytest

from conftest import (
    ACCOUNT, DEFAULT_URL, ISSUER, ISSUER_IDS, KEY_ID, KEY_SECRET, MULTI_KEY_ID, MULTI_KEY_SECRET, URL, control, field,
    make_admin, run, v03, v14,
)


def default_log_since(started):
    """Requests the default emulator logged since `started` (time.time(); same machine clock), oldest first.
    By time, not by position: the log keeps the last 500 requests only."""
    log = control("GET", "/requests?limit=500", base_url=DEFAULT_URL)["data"]
    return [entry for entry in log if entry["timestamp"] >= started]


# MARK: 1.4.0 against the default emulator


@v14
def test_140_sends_only_basic_key_pairs_and_real_account_paths():
    assert URL == DEFAULT_URL
    before = time.time()

    async def go():
        async with make_admin() as admin:  # no account_id: 1.4.0 resolves it through GET /v1/me
            await admin.issuers.list()
            await admin.issuer(ISSUER).users.list(limit=1)
    run(go())
    entries = default_log_since(before)
    assert [e["path"] for e in entries][:1] == ["/v1/me"]
    assert all("/accounts/me/" not in e["path"] and not e["path"].endswith("/accounts/me") for e in entries)
    assert all(e["headers"].get("authorization") == "Basic [redacted]" for e in entries), entries
    assert any(e["path"] == f"/v1/accounts/{ACCOUNT}/issuers" for e in entries)


@v14
def test_140_with_the_multi_account_key_must_name_the_account():
    from authpi_admin.errors import ConfigurationError

    async def go():
        async with make_admin(api_key=(MULTI_KEY_ID, MULTI_KEY_SECRET)) as admin:
            me = await admin.whoami()
            assert [a["account_id"] for a in me["accounts"]] == ["acc_demo", "acc_other"]
            with pytest.raises(ConfigurationError) as info:
                await admin.issuers.list()
            assert "acc_demo" in str(info.value) and "acc_other" in str(info.value)
        for account in ("acc_demo", "acc_other"):
            async with make_admin(api_key=(MULTI_KEY_ID, MULTI_KEY_SECRET), account_id=account) as admin:
                await admin.issuers.list()
    run(go())


@v14
def test_140_sees_the_seed_user_body_refused_with_fields():
    from authpi_admin.errors import ValidationError

    async def go():
        async with make_admin() as admin:
            with pytest.raises(ValidationError) as info:
                await admin.issuer(ISSUER).users.create({"email": "legacy@example.com", "display_name": "Legacy"})
            assert info.value.status_code == 422
            assert {f["field"] for f in info.value.fields} == {"email", "display_name"}
    run(go())


@v14
@pytest.mark.parametrize("auth_type", ["hmac", "basic", "bearer", "none"])
def test_140_sees_invented_webhook_auth_types_refused(auth_type):
    from authpi_admin.errors import ValidationError

    async def go():
        async with make_admin() as admin:
            with pytest.raises(ValidationError) as info:
                await admin.webhooks.create({
                    "name": "h", "url": "https://example.com/h", "auth": {"type": auth_type}, "events": ["user.created"],
                })
            assert info.value.fields[0]["field"] == "auth.type"
            assert auth_type in info.value.fields[0]["message"]
    run(go())


@v14
def test_every_140_event_type_is_accepted_and_an_unknown_one_is_named():
    from authpi_admin.errors import ValidationError
    from authpi_admin.types import WebhookEventType

    async def go():
        async with make_admin() as admin:
            every = [event.value for event in WebhookEventType]
            hook = await admin.webhooks.create({"name": "all", "url": "https://example.com/all", "auth": {"type": "signature"}, "events": every})
            assert sorted(hook.events) == sorted(every)
            for unknown in ["user.*", "user.exploded"]:
                with pytest.raises(ValidationError) as info:
                    await admin.webhooks.create({"name": "h", "url": "https://example.com/h", "auth": {"type": "signature"}, "events": [unknown]})
                assert info.value.fields[0]["field"] == "events" and f"'{unknown}'" in info.value.fields[0]["message"]
    run(go())


# MARK: 0.3.0: compat passes, the default emulator answers like the real API


@v03
def test_03_calls_pass_under_compat():
    async def go():
        async with make_admin() as admin:  # Bearer key_demo, /v1/accounts/me/…
            page = await admin.issuers.list()
            assert {field(i, "id") for i in page.data} == set(ISSUER_IDS)
    run(go())


@v03
def test_03_api_key_against_the_default_emulator_is_a_401_like_the_real_api():
    from authpi_admin.errors import AuthenticationError
    before = time.time()

    async def go():
        async with make_admin(base_url=DEFAULT_URL, retries=False) as admin:
            with pytest.raises(AuthenticationError) as info:
                await admin.issuers.list()
            assert info.value.status_code == 401
            assert "HTTP Basic key_id:secret" in info.value.error_description
    run(go())
    entries = default_log_since(before)
    # The very call 0.3.0 makes: a Bearer key on the `me` alias; the credential is refused first.
    assert [(e["path"], e["headers"].get("authorization"), e["status"]) for e in entries] == [
        ("/v1/accounts/me/issuers", "Bearer [redacted]", 401)]


@v03
def test_03_me_alias_against_the_default_emulator_is_a_404_naming_get_me():
    from authpi_admin.errors import NotFoundError
    token = control("POST", "/access-tokens", base_url=DEFAULT_URL, json={"account_id": ACCOUNT, "ttl_seconds": 60})["access_token"]

    async def go():
        # A valid credential, so only the path is wrong: 0.3.0's `me` account (its default without account_id).
        async with make_admin(base_url=DEFAULT_URL, access_token=token, account_id="me", retries=False) as admin:
            with pytest.raises(NotFoundError) as info:
                await admin.issuers.list()
            assert info.value.status_code == 404
            assert "no 'me' account alias" in info.value.error_description
            assert "GET /v1/me" in info.value.error_description
        # The same token with the real account id works on the default emulator.
        async with make_admin(base_url=DEFAULT_URL, access_token=token, account_id=ACCOUNT, retries=False) as admin:
            page = await admin.issuers.list()
            assert len(page.data) >= 3
    run(go())


@v03
def test_03_user_body_against_the_default_emulator_is_a_422():
    from authpi_admin.errors import ValidationError
    token = control("POST", "/access-tokens", base_url=DEFAULT_URL, json={"account_id": ACCOUNT, "ttl_seconds": 60})["access_token"]

    async def go():
        async with make_admin(base_url=DEFAULT_URL, access_token=token, account_id=ACCOUNT, retries=False) as admin:
            with pytest.raises(ValidationError) as info:
                await admin.issuer(ISSUER).users.create({"email": "legacy@example.com", "display_name": "Légacy"})
            assert {f["field"] for f in info.value.fields} == {"email", "display_name"}
    run(go())


@v03
def test_03_gets_the_envelope_from_the_default_emulator():
    """The real API sends every client `{"data": …}`: 0.3.0 reads the envelope as the resource (what 0.3.1 fixed)."""
    import httpx

    async def go():
        async with httpx.AsyncClient(base_url=DEFAULT_URL, auth=(KEY_ID, KEY_SECRET),
                                     headers={"User-Agent": "authpi-admin-py/0.3.0 Python/3.12.0 (linux; x86_64)"}) as raw:
            body = (await raw.get(f"/v1/accounts/{ACCOUNT}/issuers/{ISSUER}")).json()
            assert set(body) == {"data"} and body["data"]["id"] == ISSUER
    run(go())
