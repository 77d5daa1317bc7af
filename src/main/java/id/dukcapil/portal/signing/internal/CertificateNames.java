package id.dukcapil.portal.signing.internal;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;

/** The person a certificate names. */
public final class CertificateNames {

    private CertificateNames() {
    }

    public static String commonName(X509Certificate certificate) {
        try {
            RDN[] names = new JcaX509CertificateHolder(certificate).getSubject().getRDNs(BCStyle.CN);
            if (names.length == 0) {
                return certificate.getSubjectX500Principal().getName();
            }
            // The plain value, not its RFC 4514 form: "Dr. H. Asep Sukmana, M.Si." keeps its comma unescaped.
            return names[0].getFirst().getValue() instanceof ASN1String text ? text.getString()
                    : IETFUtils.valueToString(names[0].getFirst().getValue());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
