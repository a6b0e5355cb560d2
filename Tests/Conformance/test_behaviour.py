"""Both SDK versions: pagination, ETags, retries through faults, token refresh, every error class."""
import time

import httpx
import pytest

from conftest import ISSUER, SDK_VERSION, URL, control, etag_of, field, first_user_id, make_admin, run, v14


def test_list_all_paginates_every_user_once():
    async def go():
        async with make_admin() as admin:
            seen = []
            async for user in admin.issuer(ISSUER).users.list_all(limit=37):
                seen.append(field(user, "user_id"))
                assert len(seen) <= 1000
            return seen
    seen = run(go())
    assert len(seen) == 300 and len(set(seen)) == 300


def test_etag_conflict_raises_precondition_failed_with_current_etag():
    from authpi_admin.errors import PreconditionFailedError
    user_id = first_user_id()

    async def go():
        async with make_admin() as admin:
            users = admin.issuer(ISSUER).users
            user = await users.get(user_id)
            first = await users.update(user_id, {"profile": {"display_name": "One"}}, if_match=etag_of(user))
            with pytest.raises(PreconditionFailedError) as info:
                await users.update(user_id, {"profile": {"display_name": "Two"}}, if_match=etag_of(user))
            assert info.value.current_etag == etag_of(first)
            assert info.value.status_code == 412
            again = await users.get(user_id)
            assert field(again, "profile")["display_name"] == "One"
    run(go())


def test_retries_through_injected_503_then_success():
    control("POST", "/faults", json={"method": "GET", "path": "/v1/accounts/*/issuers", "status": 503, "count": 2, "retry_after": 0})

    async def go():
        async with make_admin() as admin:
            page = await admin.issuers.list()
            assert len(page.data) >= 3
    run(go())
    log = control("GET", "/requests?limit=10")["data"]
    statuses = [entry["status"] for entry in log if entry["path"].endswith("/issuers")]
    assert statuses[-3:] == [503, 503, 200]


def test_exhausted_retries_raise_the_last_error():
    from authpi_admin.errors import ServiceUnavailableError
    control("POST", "/faults", json={"path": "/v1/accounts/*/issuers", "status": 503, "count": 10, "retry_after": 0})

    async def go():
        async with make_admin(retries={"limit": 2, "delay": 0.01}) as admin:
            with pytest.raises(ServiceUnavailableError) as info:
                await admin.issuers.list()
            assert info.value.retryable
    run(go())


def test_post_is_not_retried():
    from authpi_admin.errors import ServiceUnavailableError
    control("POST", "/faults", json={"method": "POST", "path": "/v1/accounts/*/issuers/*/users", "status": 503, "count": 1})

    async def go():
        async with make_admin() as admin:
            with pytest.raises(ServiceUnavailableError):
                await admin.issuer(ISSUER).users.create({"username": "noretry@example.com"})
    run(go())


def test_dropped_connection_is_a_transport_error():
    control("POST", "/faults", json={"method": "GET", "path": "/v1/accounts/*/webhooks", "status": 0, "count": 1})

    async def go():
        async with make_admin() as admin:
            with pytest.raises(httpx.TransportError):
                await admin.webhooks.list()
            assert len((await admin.webhooks.list()).data) >= 1
    run(go())


def test_delay_only_fault_adds_latency():
    control("POST", "/faults", json={"path": "/v1/accounts/*/webhooks", "delay_ms": 300, "count": 1})

    async def go():
        async with make_admin() as admin:
            started = time.monotonic()
            await admin.webhooks.list()
            return time.monotonic() - started
    assert run(go()) >= 0.3


def test_token_refresh_with_control_api_tokens():
    from authpi_admin.errors import AuthenticationError
    first = control("POST", "/access-tokens", json={"account_id": "acc_demo", "ttl_seconds": 60})["access_token"]
    control("POST", f"/access-tokens/{first}/expire")
    refreshed = []

    async def refresh():
        token = control("POST", "/access-tokens", json={"account_id": "acc_demo", "ttl_seconds": 60})["access_token"]
        refreshed.append(token)
        return {"access_token": token}

    async def go():
        async with make_admin(access_token=first, account_id="acc_demo", on_token_expired=refresh) as admin:
            page = await admin.issuers.list()
            assert len(page.data) >= 3
        async with make_admin(access_token=first, account_id="acc_demo") as admin:
            with pytest.raises(AuthenticationError) as info:
                await admin.issuers.list()
            assert info.value.status_code == 401
    run(go())
    assert len(refreshed) == 1


@pytest.mark.parametrize("status,name", [
    (400, "ValidationError"), (422, "ValidationError"), (401, "AuthenticationError"), (403, "ForbiddenError"),
    (404, "NotFoundError"), (409, "ConflictError"), (412, "PreconditionFailedError"), (429, "RateLimitError"),
    (500, "InternalServerError"), (502, "BadGatewayError"), (503, "ServiceUnavailableError"), (504, "GatewayTimeoutError"),
    (501, "ServerError"), (408, "ApiError"), (418, "UnexpectedError"),
])
def test_every_status_maps_to_its_error_class(status, name):
    import authpi_admin.errors as errors
    control("POST", "/faults", json={"path": "/v1/accounts/*/notes", "status": status, "count": 10, "retry_after": 0})

    async def go():
        async with make_admin(retries=False) as admin:
            with pytest.raises(errors.ApiError) as info:
                await admin.notes.list()
            assert type(info.value).__name__ == name or (name == "ApiError" and type(info.value) is errors.ApiError)
            assert info.value.status_code == status
            if status == 429:
                assert info.value.retry_after == 0
    run(go())


def test_real_error_paths():
    import authpi_admin.errors as errors

    async def go():
        async with make_admin() as admin:
            users = admin.issuer(ISSUER).users
            with pytest.raises(errors.ValidationError) as info:
                await users.create({"username": "not-an-email", "username_type": "email"})
            assert info.value.fields
            with pytest.raises(errors.ValidationError):
                await users.create({"profile": {}})
            with pytest.raises(errors.NotFoundError):
                await users.get("usr_does_not_exist")
            with pytest.raises(errors.ConflictError):
                await users.create({"username": "dup@example.com"})
                await users.create({"username": "dup@example.com"})
        async with make_admin(account_id="acc_other") as other:
            with pytest.raises(errors.ForbiddenError):
                await other.issuers.list()
        wrong_key = ("key_demo", "wrong") if SDK_VERSION.startswith("1.") else "key_wrong"
        async with make_admin(api_key=wrong_key) as bad:
            with pytest.raises(errors.AuthenticationError):
                await bad.issuers.list()
        admin = make_admin()
        await admin.close()
        with pytest.raises(errors.ClosedClientError):
            await admin.issuers.list()
    run(go())


def test_idempotency_key_replays_and_refuses_other_bodies():
    import authpi_admin.errors as errors

    async def go():
        async with make_admin() as admin:
            users = admin.issuer(ISSUER).users
            first = await users.create({"username": "idem@example.com"}, idempotency_key="idem-1")
            second = await users.create({"username": "idem@example.com"}, idempotency_key="idem-1")
            assert field(first, "id") == field(second, "id")
            with pytest.raises(errors.ConflictError):
                await users.create({"username": "other@example.com"}, idempotency_key="idem-1")
    run(go())


@v14
def test_malformed_response_error_is_not_raised_for_valid_bodies():
    async def go():
        async with make_admin() as admin:
            me = await admin.whoami()
            assert me["accounts"]
    run(go())
