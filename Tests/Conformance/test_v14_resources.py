"""authpi-admin 1.4.0: every resource family, validated by the SDK's own pydantic models."""
import time

import pytest

from conftest import ISSUER, first_user_id, make_admin, run, v14

pytestmark = v14

RICH_USER_SESSIONS_MIN = 2


async def rich_user(admin):
    """A seeded user with several sessions (found by listing, bounded)."""
    issuer = admin.issuer(ISSUER)
    page = await issuer.users.list(limit=60)
    for item in page.data:
        sessions = await issuer.user(item.user_id).sessions.list()
        if len(sessions.data) >= RICH_USER_SESSIONS_MIN:
            return item.user_id, sessions.data
    raise AssertionError("no seeded user with sessions")


def test_whoami_and_accounts():
    async def go():
        async with make_admin() as admin:
            me = await admin.whoami()
            assert me["type"] == "api_key" and me["accounts"][0]["account_id"] == "acc_demo"
            accounts = await admin.accounts.list()
            assert [a.id for a in accounts.data] == ["acc_demo"]
            account = await admin.accounts.get("acc_demo")
            assert account.organization.name
            updated = await admin.accounts.update("acc_demo", {"name": "Renamed Demo"}, if_match=account._etag)
            assert updated.organization.name == "Renamed Demo" and updated._etag != account._etag
    run(go())


def test_issuers_crud():
    async def go():
        async with make_admin() as admin:
            page = await admin.issuers.list()
            assert len(page.data) >= 3 and page.data[0].readiness
            created = await admin.issuers.create({"name": "Conformance issuer"})
            assert created.name == "Conformance issuer" and created._etag
            got = await admin.issuer(created.id).get()
            updated = await admin.issuers.update(created.id, {"description": "x"}, if_match=created._etag)
            assert updated.description == "x"
            await admin.issuers.delete(created.id)
            from authpi_admin.errors import NotFoundError
            with pytest.raises(NotFoundError):
                await admin.issuers.get(created.id)
            assert got is not None
    run(go())


def test_users_crud_and_light_list():
    async def go():
        async with make_admin() as admin:
            users = admin.issuer(ISSUER).users
            page = await users.list(limit=5, status="active")
            assert len(page.data) == 5 and all(u.status == "active" for u in page.data) and page.has_more
            # The body of 1.4.0's README.
            created = await users.create({
                "username_type": "email", "username": "conf.user@example.com",
                "profile": {"first_name": "Conf", "last_name": "Smith", "display_name": "Conf Ünïcode 山田"},
            })
            assert created.username_type == "email" and created.username == "conf.user@example.com"
            assert created.profile["display_name"] == "Conf Ünïcode 山田"
            updated = await users.update(created.id, {"status": "blocked"}, if_match=created._etag)
            assert updated.status == "blocked" and updated.updated_at >= created.updated_at
            user = await admin.issuer(ISSUER).user(created.id).get()
            assert user._etag == updated._etag
            await users.delete(created.id, if_match=updated._etag)
    run(go())


def test_sessions_and_user_children():
    async def go():
        async with make_admin() as admin:
            issuer = admin.issuer(ISSUER)
            user_id, sessions = await rich_user(admin)
            active = next(s for s in sessions if s.status == "active")
            got = await issuer.sessions.get(active.id)
            suspended = await issuer.sessions.suspend(active.id, {"reason": "conformance"})
            assert suspended.status == "suspended"
            reactivated = await issuer.sessions.reactivate(active.id)
            assert reactivated.status == "active"
            revoked = await issuer.sessions.revoke(active.id, {"reason": "conformance"})
            assert revoked.status == "revoked" and revoked.revoked_at
            from authpi_admin.errors import ConflictError
            with pytest.raises(ConflictError):
                await issuer.sessions.revoke(active.id, {})
            assert got.id == active.id

            usr = issuer.user(user_id)
            tokens = await usr.tokens.list()
            created = await usr.tokens.create({"name": "conformance", "scopes": ["users:read"]})
            assert created.token_plain
            introspected = await issuer.tokens.introspect({"token": created.token_plain})
            assert introspected["active"] is True
            new_tokens = await usr.tokens.list()
            assert len(new_tokens.data) == len(tokens.data) + 1
            token_id = new_tokens.data[-1].id
            personal = await admin.tokens.get(token_id)
            revoked_token = await admin.tokens.revoke(token_id, {})
            assert revoked_token.status == "revoked" and personal.user_id == user_id
            await admin.tokens.delete(token_id)

            device = await usr.trusted_devices.create({"fingerprint": "fp-conformance", "name": "Test device"})
            devices = await usr.trusted_devices.list()
            assert any(d.id == device.device_id for d in devices.data)
            await usr.trusted_devices.delete(device.device_id)
            revoked_all = await usr.trusted_devices.revoke_all()
            assert revoked_all.revoked_count == len(devices.data) - 1

            enrollment = await usr.verifiers.create({"type": "totp"})
            assert enrollment.provisioning_uri.startswith("otpauth://")
            done = await usr.verifiers.complete_enrollment({"enrollment_id": enrollment.enrollment_id, "code": "123456"})
            assert done.success and done.verifier_id
            verifier = await usr.verifiers.get(done.verifier_id)
            await usr.verifiers.update(done.verifier_id, {"name": "Phone"})
            assert (await usr.verifiers.verify(done.verifier_id, {"code": "654321"})).success
            assert not (await usr.verifiers.verify(done.verifier_id, {"code": "000000"})).success
            assert len((await usr.verifiers.regenerate(done.verifier_id)).codes) == 8
            await usr.verifiers.delete(done.verifier_id)
            assert len((await usr.verifiers.list()).data) >= 1 and verifier is not None
    run(go())


def test_api_keys():
    async def go():
        async with make_admin() as admin:
            page = await admin.api_keys.list()
            assert any(k.id == "key_demo" for k in page.data)
            created = await admin.api_keys.create({"name": "conformance", "restrictions": {"scopes": ["*"]}})
            assert created.secret_plain and created.id.startswith("key_")
            async with make_admin(api_key=(created.id, created.secret_plain)) as second:
                assert (await second.whoami())["key_id"] == created.id
            key = await admin.api_keys.get(created.id)
            key = await admin.api_keys.update(created.id, {"description": "d"}, if_match=key._etag)
            blocked = await admin.api_keys.block(created.id, {"reason": "test"})
            assert blocked.status == "blocked"
            assert (await admin.api_keys.unblock(created.id)).status == "active"
            rotated = await admin.api_keys.rotate(created.id, {})
            assert rotated.secret_plain != created.secret_plain
            assert (await admin.api_keys.revoke(created.id, {})).status == "revoked"
            await admin.api_keys.delete(created.id)
    run(go())


def test_issuer_children():
    async def go():
        async with make_admin() as admin:
            issuer = admin.issuer(ISSUER)
            agents = await issuer.agents.list(has_verifiers=True)
            agent = await issuer.agents.create({"name": "Conformance agent", "model": "m", "provider": "p"})
            await issuer.agents.update(agent.id, {"description": "d"})
            got = await issuer.agent(agent.id).get()
            verifier = await issuer.agent(agent.id).verifiers.create({"type": "api_key", "name": "k"})
            assert verifier.secret
            assert len((await issuer.agent(agent.id).verifiers.list()).data) == 1
            await issuer.agent(agent.id).verifiers.delete(verifier.id)
            await issuer.agents.delete(agent.id)
            assert got.name == "Conformance agent" and agents is not None

            methods = await issuer.auth_methods.list()
            assert len(methods.data) >= 1
            method = await issuer.auth_methods.create({"type": "email_otp"})
            await issuer.auth_methods.update(method["id"] if isinstance(method, dict) else method.id, {"enabled": False})

            clients = await issuer.clients.list(status="active")
            assert all(c.status == "active" for c in clients.data)
            client = await issuer.clients.create({"name": "Conformance client", "type": "web"})
            assert client.secret
            assert (await issuer.clients.rotate_secret(client.id)).secret
            await issuer.clients.update(client.id, {"description": "d"})
            await issuer.clients.delete(client.id)

            approvals = await issuer.approvals.list()
            if approvals.data:
                pending = approvals.data[0]
                user = await issuer.approvals.get(pending.user_id)
                approved = await issuer.approvals.update(pending.user_id, {"status": "approved"})
                assert approved.status == "active" and user.status == "pending"
    run(go())


def test_organizations_and_children():
    async def go():
        async with make_admin() as admin:
            issuer = admin.issuer(ISSUER)
            orgs = await issuer.organizations.list(sso_enabled=False)
            org = await issuer.organizations.create({"name": "Conformance Org", "org_type": "business"})
            scope = issuer.organization(org.id)
            group = await scope.groups.create({"name": "Admins", "scopes": ["org:admin"]})
            await scope.groups.update(group.id, {"description": "d"})
            assert (await scope.groups.get(group.id)).name == "Admins"
            assert len((await scope.groups.list()).data) == 1
            await scope.groups.delete(group.id)

            invitation = await scope.invitations.create({"email": "invitee@example.com"})
            await scope.invitations.update(invitation.id, {"message": "hi"})
            await scope.invitations.resend(invitation.id)
            await scope.invitations.revoke(invitation.id)
            assert (await scope.invitations.get(invitation.id)).status == "revoked"

            user_id = (await issuer.users.list(limit=1)).data[0].user_id
            member = await scope.members.create({"user_id": user_id})
            assert member.member_id == user_id
            await scope.members.update(user_id, {"user_title": "CTO"})
            assert len((await scope.members.list()).data) == 1
            await scope.members.delete(user_id)

            key = await scope.api_keys.create({"name": "org key", "restrictions": {}})
            assert key.secret_plain and len((await scope.api_keys.list()).data) == 1

            added = await scope.sso.add_domain({"domain": "conformance.example"})
            assert added.txt_record_value
            assert (await scope.sso.verify_domain("conformance.example")).verified
            await scope.sso.remove_domain("conformance.example")
            assert (await scope.sso.rotate_secret()).secret
            await issuer.organizations.update(org.id, {"description": "d"})
            await issuer.organization(org.id).get()
            await issuer.organizations.delete(org.id)
            assert orgs is not None
    run(go())


def test_webhooks_deliveries_events():
    async def go():
        async with make_admin() as admin:
            hooks = await admin.webhooks.list()
            assert len(hooks.data) >= 2
            # The body of 1.4.0's README: signature auth, typed event names.
            from authpi_admin.types import WebhookEventType
            hook = await admin.webhooks.create({
                "name": "conf", "url": "https://example.com/hook", "auth": {"type": "signature"},
                "events": [WebhookEventType.USER_CREATED],
            })
            assert hook.auth.model_dump()["type"] == "signature" and hook.auth.model_dump()["secret"].startswith("whsec_")
            await admin.issuer(ISSUER).users.create({"username_type": "email", "username": "hooked@example.com"})
            deliveries = await admin.webhook(hook.id).deliveries.list()
            assert len(deliveries.data) == 1 and deliveries.data[0].event_type == "user.created"
            redelivered = await admin.webhook(hook.id).deliveries.redeliver(deliveries.data[0].id)
            assert redelivered.success and redelivered.attempt_count == deliveries.data[0].attempt_count + 1
            await admin.webhook(hook.id).redeliver.create({"status": "succeeded"})
            updated = await admin.webhooks.update(hook.id, {"events": [WebhookEventType.USER_CREATED, WebhookEventType.USER_DELETED]})
            assert "user.deleted" in updated.events
            await admin.webhook(hook.id).get()
            await admin.webhooks.delete(hook.id)

            primary = admin.webhook("wh_demo_primary")
            statuses = {d.status for d in (await primary.deliveries.list(limit=100)).data}
            assert len(statuses) >= 2

            events = await admin.events.list(event_types="user.created", limit=10)
            assert events.data and all(e.type == "user.created" for e in events.data)
            event = await admin.events.get(events.data[0].id)
            assert event.id == events.data[0].id
            aggregate = await admin.events.aggregate(group_by="type", interval="day")
            assert aggregate.buckets
    run(go())


def test_domains_and_notes():
    async def go():
        async with make_admin() as admin:
            domains = await admin.domains.list()
            assert domains.data
            account = await admin.domains.create({"host": "new.example.com"})
            assert any(d.host == "new.example.com" for d in account.domains)
            await admin.domains.verify("new.example.com")
            account = await admin.domains.assign("new.example.com", {"issuer_id": ISSUER})
            assert any(d.assigned_issuer_id == ISSUER for d in account.domains if d.host == "new.example.com")
            await admin.domains.unassign("new.example.com")
            await admin.domains.delete("new.example.com")

            user_id = first_user_id_async = (await admin.issuer(ISSUER).users.list(limit=1)).data[0].user_id
            note = await admin.notes.create({"subject_type": "user", "subject_id": user_id, "content": f"hello @{user_id}", "issuer_id": ISSUER})
            assert note.mentions and note.mentions[0].mentioned_user_id == user_id
            assert (await admin.notes.count(subject_type="user", subject_id=user_id)).count >= 1
            listed = await admin.notes.list(subject_id=user_id)
            assert any(n.id == note.id for n in listed.data)
            backlinks = await admin.notes.backlinks(ref_type="user", ref_id=user_id)
            assert any(n.id == note.id for n in backlinks)
            updated = await admin.notes.update(note.id, {"pinned": True}, if_match=(await admin.notes.get(note.id))._etag)
            assert updated.pinned
            await admin.notes.delete(note.id)
            assert first_user_id_async
    run(go())
