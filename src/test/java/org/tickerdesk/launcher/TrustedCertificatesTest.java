package org.tickerdesk.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustedCertificatesTest {

    @TempDir Path dir;

    @Test
    void onlyAuthoritiesValidNowAreTrusted() throws Exception {
        Path source = dir.resolve("cacerts");
        // keytool dates: valid for 10 days from 2020-01-01, and for 10 years from 2020-01-01
        keytool(source, "expired", "2020/01/01 00:00:00", "10");
        keytool(source, "current", "2020/01/01 00:00:00", "3650");
        Path target = dir.resolve("truststore.p12");

        int kept =
                TrustedCertificates.writeValid(
                        source, target, Date.from(java.time.Instant.parse("2025-06-01T00:00:00Z")));

        assertEquals(1, kept);
        KeyStore written = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(target)) {
            written.load(in, TrustedCertificates.PASSWORD.toCharArray());
        }
        assertEquals(Set.of("current"), new TreeSet<>(Collections.list(written.aliases())));
        assertEquals(true, written.isCertificateEntry("current"), "a certificate, not a key");
    }

    private static void keytool(Path store, String alias, String start, String days)
            throws Exception {
        Process keytool =
                new ProcessBuilder(
                                List.of(
                                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                                .toString(),
                                        "-genkeypair",
                                        "-keystore",
                                        store.toString(),
                                        "-storepass",
                                        "changeit",
                                        "-keypass",
                                        "changeit",
                                        "-alias",
                                        alias,
                                        "-keyalg",
                                        "EC",
                                        "-dname",
                                        "CN=" + alias,
                                        "-startdate",
                                        start,
                                        "-validity",
                                        days))
                        .redirectErrorStream(true)
                        .start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertEquals(0, keytool.waitFor(), output);
    }
}
