package id.dukcapil.portal.signing.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * An office's connection to BSrE's signing service (used when {@code portal.signing.provider=bsre}; docs/operations.md:
 * "Signing through BSrE").
 *
 * @param url            the signing service's base address, e.g. https://esign.example.go.id (no path)
 * @param username       the office's API account at BSrE (HTTP Basic), from the environment
 * @param password       its password, from the environment
 * @param nik            the Kepala Dinas's NIK, as registered at BSrE
 * @param signerName     the signer's name as the document prints it (the certificate's holder)
 * @param signerPosition the signer's position as the document prints it
 * @param signerNip      the signer's NIP (18 digits) as the document prints it
 * @param rootsPem       a PEM file of the certificates a signed file must chain to (BSrE's roots)
 * @param trustPem       a PEM file of the certificates the HTTPS connection trusts; empty: the JDK's public CAs
 * @param timeout        how long one document's answer is awaited; past it the outcome is unknown
 * @param parallelCalls  documents sent at once in a batch
 * @param inFlightMargin added to the timeout: a document sent less than timeout + margin ago may still be in its
 *                       HTTP call (a node cut from the database keeps calling), so no node sends it again before
 * @param totpFiles      documents sent in one call when the signer typed a TOTP (BeSign): a TOTP lives seconds, so a
 *                       batch goes in as few calls as this allows; BSrE publishes no limit of file[] (decision 151)
 * @param totpBytes      bytes of PDF sent in one such call at most (a larger document goes alone)
 */
@ConfigurationProperties("portal.signing.bsre")
public record BsreProperties(String url, String username, String password, String nik, String signerName,
                             String signerPosition, String signerNip, String rootsPem, String trustPem,
                             Duration timeout, int parallelCalls, Duration inFlightMargin, int totpFiles,
                             long totpBytes) {

    public BsreProperties {
        url = url == null ? "" : url.replaceAll("/+$", "");
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        nik = nik == null ? "" : nik;
        signerName = signerName == null ? "" : signerName;
        signerPosition = signerPosition == null ? "" : signerPosition;
        signerNip = signerNip == null ? "" : signerNip;
        rootsPem = rootsPem == null ? "" : rootsPem;
        trustPem = trustPem == null ? "" : trustPem;
        timeout = timeout == null || timeout.isNegative() || timeout.isZero() ? Duration.ofSeconds(60) : timeout;
        parallelCalls = parallelCalls <= 0 ? 8 : parallelCalls;
        inFlightMargin = inFlightMargin == null || inFlightMargin.isNegative() ? Duration.ofSeconds(30)
                : inFlightMargin;
        totpFiles = totpFiles <= 0 ? 20 : totpFiles;
        totpBytes = totpBytes <= 0 ? 10L * 1024 * 1024 : totpBytes;
    }

    @Override
    public String toString() {
        // Never the API account nor its password (nor the signer's NIK), wherever the properties are logged.
        return "BsreProperties[" + url + ", timeout " + timeout + ", " + parallelCalls + " parallel calls]";
    }
}
