package id.dukcapil.portal.ikd;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** What the officer checks before archiving an activation (SOP E step 6); every item must be ticked. */
public enum ArchiveItem {
    /** The NIK and name in the app agree with the citizen's KTP-el. */
    IDENTITY_MATCHES_CARD,
    /** The citizen's phone shows the digital ID as active. */
    ACTIVE_ON_PHONE,
    /** The citizen has been told the PIN is theirs alone and how to sign in again. */
    CITIZEN_BRIEFED,
    /** The activation is entered in the point's IKD register of the day. */
    ENTERED_IN_REGISTER;

    /** How many items there are: every one must be ticked (a constant, for the form's constraint). */
    public static final int COUNT = 4;

    public String labelKey() {
        return "ikd.archive.item." + name();
    }

    static boolean complete(Set<ArchiveItem> ticked) {
        return ticked.containsAll(EnumSet.allOf(ArchiveItem.class));
    }

    static String joined() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(","));
    }
}
