package org.tickerdesk.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tickerdesk.platform.entity.Role;

/**
 * On a database without accounts, creates the user {@code admin}: with TICKERDESK_ADMIN_PASSWORD
 * when it is set, otherwise with a generated password that is shown once on the console (by the
 * launcher, or on standard output when the WAR runs elsewhere) and never logged. Also installs the
 * bootstrap API token from TICKERDESK_API_TOKEN.
 */
@Startup
@Singleton
@DependsOn("Migrations")
public class SecurityBootstrap {

    public static final String ADMIN = "admin";
    static final String GENERATED_PASSWORD_PROPERTY = "tickerdesk.generated-admin-password";
    private static final String ALPHABET =
            "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final Logger LOG = Logger.getLogger(SecurityBootstrap.class.getName());

    @Inject Accounts accounts;

    @Inject ApiTokens tokens;

    @Inject
    @ConfigProperty(name = "tickerdesk.admin.password")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "tickerdesk.api.token")
    Optional<String> apiToken;

    @PostConstruct
    void bootstrap() {
        if (accounts.count() == 0) {
            createAdmin();
        }
        apiToken.filter(t -> !t.isBlank()).ifPresent(tokens::installBootstrap);
    }

    private void createAdmin() {
        if (adminPassword.filter(p -> !p.isBlank()).isPresent()) {
            accounts.create(ADMIN, adminPassword.get().toCharArray(), Role.ADMIN);
            LOG.info("Created the user 'admin' with the password from TICKERDESK_ADMIN_PASSWORD");
            return;
        }
        String generated = generatePassword();
        accounts.create(ADMIN, generated.toCharArray(), Role.ADMIN);
        LOG.info("Created the user 'admin' with a generated password, shown once on the console");
        if (Boolean.getBoolean("tickerdesk.launcher")) {
            System.setProperty(GENERATED_PASSWORD_PROPERTY, generated);
        } else {
            System.out.println("Tickerdesk admin user 'admin', generated password: " + generated);
        }
    }

    static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
