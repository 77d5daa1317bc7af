package id.dukcapil.portal.booking;

/** What a citizen types to open an account (SOP A step 3). */
public record Registration(String fullName, String email, String phone, String password) {

    public static final int NAME_MAX_LENGTH = 100;
    public static final int EMAIL_MAX_LENGTH = 254;
    public static final int PHONE_MAX_LENGTH = 20;

    @Override
    public String toString() {
        return "Registration[" + email + "]";
    }
}
