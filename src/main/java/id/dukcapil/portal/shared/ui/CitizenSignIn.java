package id.dukcapil.portal.shared.ui;

/**
 * Whether a citizen is signed in to the BDS web in this Vaadin session. The module that owns the citizens' sign-in
 * answers; the error pages ask it to send a citizen back to the BDS start rather than to the staff sign-in.
 */
public interface CitizenSignIn {

    boolean signedIn();
}
