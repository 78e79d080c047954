package org.tickerdesk.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void tokensAreStoredAsTheirSha256() {
        assertEquals(
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                ApiTokens.sha256("test"));
    }

    @Test
    void generatedAdminPasswordsAreLongAndDifferent() {
        Set<String> passwords = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String password = SecurityBootstrap.generatePassword();
            assertEquals(20, password.length());
            assertTrue(password.chars().allMatch(Character::isLetterOrDigit), password);
            passwords.add(password);
        }
        assertEquals(100, passwords.size());
    }
}
