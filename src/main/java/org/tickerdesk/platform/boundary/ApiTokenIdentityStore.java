package org.tickerdesk.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import org.tickerdesk.platform.control.ApiTokens;
import org.tickerdesk.platform.entity.BearerToken;

/** Validates REST bearer tokens; the caller is named after the token's role. */
@ApplicationScoped
public class ApiTokenIdentityStore implements IdentityStore {

    @Inject ApiTokens tokens;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof BearerToken token)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return tokens.verify(token.value())
                .map(
                        role ->
                                new CredentialValidationResult(
                                        "api-" + role.roleName(), Set.of(role.roleName())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
