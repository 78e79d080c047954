package org.tickerdesk.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Date;

/**
 * The certificate authorities the server trusts: the Java runtime's, without those that have
 * expired. Payara Micro brings a trust store of its own that ages with its release and warns at
 * every boot, certificate by certificate, about each expired authority in it; an expired authority
 * can vouch for nothing anyway.
 */
final class TrustedCertificates {

    /**
     * What the Java runtime and Payara Micro open their trust stores with unless told otherwise.
     */
    static final String PASSWORD = "changeit";

    private TrustedCertificates() {}

    /** Writes the runtime's valid authorities as a PKCS#12 trust store; returns how many. */
    static int writeValid(Path source, Path target, Date now) {
        try {
            KeyStore runtime = KeyStore.getInstance(KeyStore.getDefaultType());
            try (InputStream in = Files.newInputStream(source)) {
                runtime.load(in, PASSWORD.toCharArray());
            }
            KeyStore valid = KeyStore.getInstance("PKCS12");
            valid.load(null, null);
            for (String alias : Collections.list(runtime.aliases())) {
                Certificate certificate = runtime.getCertificate(alias);
                if (certificate instanceof X509Certificate x509 && validAt(x509, now)) {
                    valid.setCertificateEntry(alias, certificate);
                }
            }
            try (OutputStream out = Files.newOutputStream(target)) {
                valid.store(out, PASSWORD.toCharArray());
            }
            return valid.size();
        } catch (IOException | GeneralSecurityException e) {
            throw new StartupException(
                    "Cannot prepare the trust store from " + source + ": " + e.getMessage(), e);
        }
    }

    private static boolean validAt(X509Certificate certificate, Date now) {
        try {
            certificate.checkValidity(now);
            return true;
        } catch (CertificateException e) {
            return false;
        }
    }

    static Path runtimeTrustStore() {
        return Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
    }
}
