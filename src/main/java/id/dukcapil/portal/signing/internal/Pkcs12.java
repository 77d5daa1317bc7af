package id.dukcapil.portal.signing.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.signing.SigningKey;

/** Opens a PKCS#12 file with its passphrase: the local signer's key store. */
public final class Pkcs12 {

    private Pkcs12() {
    }

    /** The first private key and its chain. Refused: a wrong passphrase, a file that is no PKCS#12, no key. */
    public static SigningKey open(byte[] file, char[] passphrase) {
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(file), passphrase);
        } catch (IOException e) {
            // The JDK reports a wrong password as an IOException caused by UnrecoverableKeyException.
            throw e.getCause() instanceof java.security.UnrecoverableKeyException
                    ? new RuleViolation("signing.passphrase.wrong")
                    : new RuleViolation("signing.certificate.not-pkcs12");
        } catch (GeneralSecurityException e) {
            throw new RuleViolation("signing.certificate.not-pkcs12");
        }
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getKey(alias, passphrase) instanceof PrivateKey key) {
                    Certificate[] chain = store.getCertificateChain(alias);
                    if (chain == null || chain.length == 0) {
                        continue;
                    }
                    List<X509Certificate> certificates = Arrays.stream(chain).map(X509Certificate.class::cast).toList();
                    return new SigningKey(key, certificates);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new RuleViolation("signing.passphrase.wrong");
        }
        throw new RuleViolation("signing.certificate.no-key");
    }
}
