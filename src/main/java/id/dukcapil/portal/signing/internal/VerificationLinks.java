package id.dukcapil.portal.signing.internal;

import id.dukcapil.portal.shared.web.PublicAddress;
import org.springframework.stereotype.Component;

/**
 * The public page that confirms a signed document, as its QR code and link name it: on the portal's one public
 * address ({@code portal.public-url}, {@link PublicAddress}), as every other link the portal hands out (issue 54).
 */
@Component
public class VerificationLinks {

    private final PublicAddress publicAddress;

    VerificationLinks(PublicAddress publicAddress) {
        this.publicAddress = publicAddress;
    }

    public String of(String token) {
        return publicAddress.base() + "/verify/" + token;
    }
}
