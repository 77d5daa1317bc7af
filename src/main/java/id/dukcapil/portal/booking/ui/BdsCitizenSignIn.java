package id.dukcapil.portal.booking.ui;

import id.dukcapil.portal.shared.ui.CitizenSignIn;
import org.springframework.stereotype.Component;

/** Tells the shared error pages whether the BDS web has a citizen signed in in this session (its {@link BdsPage}). */
@Component
class BdsCitizenSignIn implements CitizenSignIn {

    @Override
    public boolean signedIn() {
        return BdsPage.citizen().isPresent();
    }
}
