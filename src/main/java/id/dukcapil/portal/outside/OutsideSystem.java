package id.dukcapil.portal.outside;

import id.dukcapil.portal.shared.Role;
import java.util.Locale;
import java.util.Set;

/**
 * An outside system the portal's work waits on, and whose work waits on it: the roles that see its banner when it is
 * away (decision 198).
 */
public enum OutsideSystem {
    /** SIAK's extracts and the central enrolment's answers: the planners, field officers and admins wait on it. */
    SIAK(Set.of(Role.PLANNER, Role.FIELD_OFFICER, Role.ADMIN)),
    /** BSrE's signing service: the Kepala Dinas signs through it; admins answer for it. */
    BSRE(Set.of(Role.HEAD, Role.ADMIN)),
    /** The mail server: every desk that sends a citizen or a colleague a mail. */
    MAIL(Senders.ALL),
    /** The WhatsApp Cloud API. */
    WHATSAPP(Senders.ALL),
    /** The SMS gateway (SMPP). */
    SMS(Senders.ALL);

    private final Set<Role> waiting;

    OutsideSystem(Set<Role> waiting) {
        this.waiting = waiting;
    }

    /** The roles whose work waits on this system: they see its banner while it is away. */
    public Set<Role> waitingRoles() {
        return waiting;
    }

    /** Its name on screen and in the meters' tag: {@code outside.system.BSRE}, {@code bsre}. */
    public String labelKey() {
        return "outside.system." + name();
    }

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Everyone whose work sends messages: every staff role causes some (a ticket, a PIN, a notice, a report). */
    private static final class Senders {
        static final Set<Role> ALL = Set.of(Role.values());
    }
}
