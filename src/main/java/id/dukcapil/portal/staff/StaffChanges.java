package id.dukcapil.portal.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Says what an edit changed, for the audit log: "roles: [OPERATOR] → [OPERATOR, VERIFIER]". */
final class StaffChanges {

    private StaffChanges() {
    }

    static String describe(StaffAccount before, StaffAccount after) {
        List<String> changes = new ArrayList<>();
        compare(changes, "username", before.username(), after.username());
        compare(changes, "name", before.fullName(), after.fullName());
        compare(changes, "email", before.email(), after.email());
        compare(changes, "nip", before.nip(), after.nip());
        compare(changes, "servicePoint", before.servicePoint().code(), after.servicePoint().code());
        compare(changes, "roles", new java.util.TreeSet<>(before.roles()), new java.util.TreeSet<>(after.roles()));
        compare(changes, "active", before.active(), after.active());
        return changes.isEmpty() ? "no change" : String.join("; ", changes);
    }

    private static void compare(List<String> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(field + ": " + before + " → " + after);
        }
    }
}
