package id.dukcapil.portal.signing;

/**
 * The port to whatever applies the electronic signature (TTE). The local adapter signs with the office's PKCS#12
 * key; a certified remote signing service (BSrE) would be another adapter.
 */
public interface DocumentSigner {

    /**
     * @param pdf the document to sign, one page or more
     * @param key the unlocked key
     * @return the document with a PAdES baseline B signature (ETSI.CAdES.detached) and a visible signature block
     *         on its first page
     */
    byte[] sign(byte[] pdf, SigningKey key);
}
