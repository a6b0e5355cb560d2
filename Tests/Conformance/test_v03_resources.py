"""authpi-admin 0.3.0 against `--compat 0.3`: the seed API (Bearer key, `me` account, issuer-mounted families)."""
from conftest import ISSUER, make_admin, run, v03

pytestmark = v03


def test_seed_form_and_me_alias():
    async def go():
        async with make_admin() as admin:
            page = await admin.issuers.list()
            assert len(page.data) >= 3
            issuer = await admin.issuer(ISSUER).get()
            assert issuer["id"] == ISSUER and issuer["name"]
            listed = await admin.issuers.get(ISSUER)
            assert listed["_etag"]
    run(go())


def test_users_with_v03_bodies_and_revoke_all():
    async def go():
        async with make_admin() as admin:
            users = admin.issuer(ISSUER).users
            created = await users.create({"email": "legacy@example.com", "display_name": "Légacy Üser"})
            assert created["username"] == "legacy@example.com" and created["profile"]["display_name"] == "Légacy Üser"
            updated = await users.update(created["id"], {"display_name": "Renamed"}, if_match=created["_etag"])
            assert updated["profile"]["display_name"] == "Renamed"
            result = await users.revoke_all_trusted_devices(created["id"])
            assert result["revoked_count"] == 0
            await users.delete(created["id"])
            events = await admin.events.list(event_types="user.deleted")
            assert any(e.subject["id"] == created["id"] for e in events.data)
    run(go())


def test_issuer_mounted_families():
    async def go():
        async with make_admin() as admin:
            issuer = admin.issuer(ISSUER)
            orgs = await issuer.organizations.list()
            org_id = orgs.data[0]["id"]
            groups = await issuer.groups.list()
            assert groups.data
            group = await issuer.groups.create({"org_id": org_id, "name": "Legacy group"})
            got = await issuer.groups.get(org_id, group["id"])
            assert got["name"] == "Legacy group"
            invitations = await issuer.invitations.list()
            assert invitations.data
            invitation = await issuer.invitations.create({"org_id": org_id, "email": "legacy-invite@example.com"})
            await issuer.invitations.resend(invitation["id"])
            await issuer.invitations.revoke(invitation["id"])
            members = await issuer.members.list()
            assert members.data
            key = await issuer.api_keys.get("key_acme_prod_legacy")
            blocked = await issuer.api_keys.block(key["id"], {"reason": "test"}, if_match=key["_etag"])
            assert blocked["status"] == "blocked"
            assert (await issuer.api_keys.unblock(key["id"]))["status"] == "active"
            assert (await issuer.api_keys.rotate(key["id"], {}))["secret_plain"]
            await admin.api_keys.update("key_seed_2", {"description": "legacy update"})
            domains = await issuer.domains.list()
            assert domains is not None
    run(go())


def test_webhooks_notes_events_validate_v03_models():
    async def go():
        async with make_admin() as admin:
            hooks = await admin.webhooks.list()
            assert hooks.data and hooks.data[0].description is not None
            notes = await admin.notes.list()
            assert notes.data
            events = await admin.events.list(limit=5)
            assert len(events.data) == 5
    run(go())


def test_remaining_v03_families():
    import httpx
    from conftest import ACCOUNT, KEY_ID, KEY_SECRET, URL

    async def go():
        async with make_admin() as admin:
            accounts = await admin.accounts.list()
            assert accounts.data[0]["id"] == "acc_demo"
            # Single resources come bare to 0.3.0, only in this mode (it cannot read the envelope).
            assert (await admin.issuers.get(ISSUER))["id"] == ISSUER
            assert (await admin.accounts.get("acc_demo"))["organization"]
            issuer = admin.issuer(ISSUER)
            assert (await issuer.agents.list()).data
            assert (await issuer.approvals.list()).data
            assert (await issuer.auth_methods.list()).data
            client = await issuer.clients.create({"name": "Legacy client", "type": "spa"})
            assert client["confidential"] is False
            assert (await issuer.clients.list()).data
            assert (await issuer.organizations.list()).data
            assert (await admin.webhook("wh_demo_primary").deliveries.list(limit=5)).data

            user_id = (await issuer.users.list(limit=1)).data[0]["user_id"]
            user = issuer.user(user_id)
            created = await user.tokens.create({"name": "legacy token"})
            assert created["token_plain"]
            assert (await user.tokens.list()).data
            device = await user.trusted_devices.create({"fingerprint": "legacy-fp"})
            assert any(d["id"] == device["device_id"] for d in (await user.trusted_devices.list()).data)
            await user.trusted_devices.delete(device["device_id"])
            verifiers = await user.verifiers.list()
            assert verifiers.data
            enrollment = await user.verifiers.create({"type": "totp"})
            assert enrollment["secret"]
            await user.verifiers.delete(verifiers.data[0]["id"])

            # 0.3.0 cannot list sessions: find one through the 1.4.0 route, then act with 0.3.0.
            async with httpx.AsyncClient(base_url=URL, auth=(KEY_ID, KEY_SECRET)) as raw:
                sessions = (await raw.get(f"/v1/accounts/{ACCOUNT}/issuers/{ISSUER}/users/{user_id}/sessions", params={"status": "active"})).json()["data"]
            session = await issuer.sessions.get(sessions[0]["id"])
            assert session["status"] == "active"
            suspended = await issuer.sessions.suspend(session["id"], {"reason": "legacy"}, if_match=session["_etag"])
            assert suspended["status"] == "suspended"
            assert (await issuer.sessions.reactivate(session["id"]))["status"] == "active"
    run(go())
