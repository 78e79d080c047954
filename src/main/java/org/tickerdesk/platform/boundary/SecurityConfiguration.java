package org.tickerdesk.platform.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.tickerdesk.platform.control.PasswordHashing;

/**
 * Admin users are checked by the platform's database identity store against the PBKDF2 hashes in
 * {@code accounts}, with the same parameters {@link PasswordHashing} creates them with.
 */
@ApplicationScoped
@DeclareRoles({"admin", "viewer"})
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "jdbc/tickerdesk",
        callerQuery = "SELECT password_hash FROM accounts WHERE username = ?",
        groupsQuery = "SELECT role FROM accounts WHERE username = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class,
        hashAlgorithmParameters = {
            PasswordHashing.ALGORITHM,
            PasswordHashing.ITERATIONS,
            PasswordHashing.SALT,
            PasswordHashing.KEY
        })
public class SecurityConfiguration {}
