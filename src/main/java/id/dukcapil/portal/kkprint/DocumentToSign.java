package id.dukcapil.portal.kkprint;

/**
 * A verified family card put before the Kepala Dinas (SOP B step 8).
 *
 * @param reference the request's tracking number: the signed document or the refusal comes back under it
 */
public record DocumentToSign(String reference, String title, byte[] pdf) {

    public DocumentToSign {
        pdf = pdf.clone();
    }

    @Override
    public byte[] pdf() {
        return pdf.clone();
    }
}
