/// The exact webhook event type names of the API (1.4.0's `WebhookEventType`). Wildcards do not exist.
public enum WebhookEventType: String, Sendable, Hashable, CaseIterable, Codable {
    /// `session.created`.
    case sessionCreated = "session.created"
    /// `session.updated`.
    case sessionUpdated = "session.updated"
    /// `session.expired`.
    case sessionExpired = "session.expired"
    /// `session.terminated`.
    case sessionTerminated = "session.terminated"
    /// `session.compromised`.
    case sessionCompromised = "session.compromised"
    /// `session.token-refreshed`.
    case sessionTokenRefreshed = "session.token-refreshed"
    /// `machine.token.issued`.
    case machineTokenIssued = "machine.token.issued"
    /// `user.created`.
    case userCreated = "user.created"
    /// `user.updated`.
    case userUpdated = "user.updated"
    /// `user.deleted`.
    case userDeleted = "user.deleted"
    /// `user.blocked`.
    case userBlocked = "user.blocked"
    /// `user.unblocked`.
    case userUnblocked = "user.unblocked"
    /// `user.verification.succeeded`.
    case userVerificationSucceeded = "user.verification.succeeded"
    /// `user.verification.failed`.
    case userVerificationFailed = "user.verification.failed"
    /// `user.password.changed`.
    case userPasswordChanged = "user.password.changed"
    /// `user.password.reset-requested`.
    case userPasswordResetRequested = "user.password.reset-requested"
    /// `user.password.reset`.
    case userPasswordReset = "user.password.reset"
    /// `user.login-link.requested`.
    case userLoginLinkRequested = "user.login-link.requested"
    /// `user.login-link.consumed`.
    case userLoginLinkConsumed = "user.login-link.consumed"
    /// `user.verifier.created`.
    case userVerifierCreated = "user.verifier.created"
    /// `user.verifier.updated`.
    case userVerifierUpdated = "user.verifier.updated"
    /// `user.verifier.deleted`.
    case userVerifierDeleted = "user.verifier.deleted"
    /// `user.email.change-requested`.
    case userEmailChangeRequested = "user.email.change-requested"
    /// `user.email.changed`.
    case userEmailChanged = "user.email.changed"
    /// `user.email.verified`.
    case userEmailVerified = "user.email.verified"
    /// `user.approval.requested`.
    case userApprovalRequested = "user.approval.requested"
    /// `user.approval.approved`.
    case userApprovalApproved = "user.approval.approved"
    /// `user.approval.rejected`.
    case userApprovalRejected = "user.approval.rejected"
    /// `user.mfa.factor-created`.
    case userMfaFactorCreated = "user.mfa.factor-created"
    /// `user.mfa.factor-deleted`.
    case userMfaFactorDeleted = "user.mfa.factor-deleted"
    /// `user.mfa.backup-codes.regenerated`.
    case userMfaBackupCodesRegenerated = "user.mfa.backup-codes.regenerated"
    /// `user.mfa.backup-codes.low`.
    case userMfaBackupCodesLow = "user.mfa.backup-codes.low"
    /// `user.mfa.verification.succeeded`.
    case userMfaVerificationSucceeded = "user.mfa.verification.succeeded"
    /// `user.mfa.verification.failed`.
    case userMfaVerificationFailed = "user.mfa.verification.failed"
    /// `user.device.trusted`.
    case userDeviceTrusted = "user.device.trusted"
    /// `user.device.revoked`.
    case userDeviceRevoked = "user.device.revoked"
    /// `user.consent.granted`.
    case userConsentGranted = "user.consent.granted"
    /// `user.consent.revoked`.
    case userConsentRevoked = "user.consent.revoked"
    /// `user.sso.provisioned`.
    case userSsoProvisioned = "user.sso.provisioned"
    /// `user.sso.linked`.
    case userSsoLinked = "user.sso.linked"
    /// `user.personal-token.created`.
    case userPersonalTokenCreated = "user.personal-token.created"
    /// `user.personal-token.updated`.
    case userPersonalTokenUpdated = "user.personal-token.updated"
    /// `user.personal-token.deleted`.
    case userPersonalTokenDeleted = "user.personal-token.deleted"
    /// `client.created`.
    case clientCreated = "client.created"
    /// `client.updated`.
    case clientUpdated = "client.updated"
    /// `client.deleted`.
    case clientDeleted = "client.deleted"
    /// `client.secret.rotated`.
    case clientSecretRotated = "client.secret.rotated"
    /// `client.blocked`.
    case clientBlocked = "client.blocked"
    /// `client.unblocked`.
    case clientUnblocked = "client.unblocked"
    /// `api-key.created`.
    case apiKeyCreated = "api-key.created"
    /// `api-key.updated`.
    case apiKeyUpdated = "api-key.updated"
    /// `api-key.deleted`.
    case apiKeyDeleted = "api-key.deleted"
    /// `api-key.blocked`.
    case apiKeyBlocked = "api-key.blocked"
    /// `api-key.unblocked`.
    case apiKeyUnblocked = "api-key.unblocked"
    /// `issuer.created`.
    case issuerCreated = "issuer.created"
    /// `issuer.updated`.
    case issuerUpdated = "issuer.updated"
    /// `issuer.deleted`.
    case issuerDeleted = "issuer.deleted"
    /// `issuer.auth-method.created`.
    case issuerAuthMethodCreated = "issuer.auth-method.created"
    /// `issuer.auth-method.updated`.
    case issuerAuthMethodUpdated = "issuer.auth-method.updated"
    /// `issuer.auth-method.deleted`.
    case issuerAuthMethodDeleted = "issuer.auth-method.deleted"
    /// `organization.created`.
    case organizationCreated = "organization.created"
    /// `organization.updated`.
    case organizationUpdated = "organization.updated"
    /// `organization.deleted`.
    case organizationDeleted = "organization.deleted"
    /// `organization.suspended`.
    case organizationSuspended = "organization.suspended"
    /// `organization.reactivated`.
    case organizationReactivated = "organization.reactivated"
    /// `organization.membership.created`.
    case organizationMembershipCreated = "organization.membership.created"
    /// `organization.membership.updated`.
    case organizationMembershipUpdated = "organization.membership.updated"
    /// `organization.membership.deleted`.
    case organizationMembershipDeleted = "organization.membership.deleted"
    /// `organization.group.created`.
    case organizationGroupCreated = "organization.group.created"
    /// `organization.group.updated`.
    case organizationGroupUpdated = "organization.group.updated"
    /// `organization.group.deleted`.
    case organizationGroupDeleted = "organization.group.deleted"
    /// `organization.invitation.created`.
    case organizationInvitationCreated = "organization.invitation.created"
    /// `organization.invitation.accepted`.
    case organizationInvitationAccepted = "organization.invitation.accepted"
    /// `organization.invitation.declined`.
    case organizationInvitationDeclined = "organization.invitation.declined"
    /// `organization.invitation.deleted`.
    case organizationInvitationDeleted = "organization.invitation.deleted"
    /// `organization.sso.enabled`.
    case organizationSsoEnabled = "organization.sso.enabled"
    /// `organization.sso.disabled`.
    case organizationSsoDisabled = "organization.sso.disabled"
    /// `organization.sso.updated`.
    case organizationSsoUpdated = "organization.sso.updated"
    /// `organization.sso.domain-created`.
    case organizationSsoDomainCreated = "organization.sso.domain-created"
    /// `organization.sso.domain-verified`.
    case organizationSsoDomainVerified = "organization.sso.domain-verified"
    /// `organization.sso.domain-deleted`.
    case organizationSsoDomainDeleted = "organization.sso.domain-deleted"
    /// `agent.created`.
    case agentCreated = "agent.created"
    /// `agent.updated`.
    case agentUpdated = "agent.updated"
    /// `agent.deleted`.
    case agentDeleted = "agent.deleted"
    /// `agent.verifier.added`.
    case agentVerifierAdded = "agent.verifier.added"
    /// `agent.verifier.removed`.
    case agentVerifierRemoved = "agent.verifier.removed"
    /// `account.created`.
    case accountCreated = "account.created"
    /// `account.updated`.
    case accountUpdated = "account.updated"
    /// `account.deleted`.
    case accountDeleted = "account.deleted"
    /// `account.domain.assigned`.
    case accountDomainAssigned = "account.domain.assigned"
    /// `account.domain.unassigned`.
    case accountDomainUnassigned = "account.domain.unassigned"
    /// `account.domain.added`.
    case accountDomainAdded = "account.domain.added"
    /// `account.domain.removed`.
    case accountDomainRemoved = "account.domain.removed"
    /// `account.credits.depleted`.
    case accountCreditsDepleted = "account.credits.depleted"
    /// `account.credits.updated`.
    case accountCreditsUpdated = "account.credits.updated"
    /// `webhook.created`.
    case webhookCreated = "webhook.created"
    /// `webhook.updated`.
    case webhookUpdated = "webhook.updated"
    /// `webhook.deleted`.
    case webhookDeleted = "webhook.deleted"
    /// `webhook.paused`.
    case webhookPaused = "webhook.paused"
    /// `webhook.resumed`.
    case webhookResumed = "webhook.resumed"
    /// `email.sent`.
    case emailSent = "email.sent"
    /// `email.failed`.
    case emailFailed = "email.failed"
    /// `auth.flow.rate-limited`.
    case authFlowRateLimited = "auth.flow.rate-limited"
    /// `auth.flow.expired`.
    case authFlowExpired = "auth.flow.expired"
    /// `auth.flow.replay-attempt`.
    case authFlowReplayAttempt = "auth.flow.replay-attempt"
    /// `auth.flow.device-mismatch`.
    case authFlowDeviceMismatch = "auth.flow.device-mismatch"
}
