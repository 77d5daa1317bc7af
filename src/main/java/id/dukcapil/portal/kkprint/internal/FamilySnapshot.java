package id.dukcapil.portal.kkprint.internal;

import id.dukcapil.portal.population.Family;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.shared.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The family as the registry had it when the request came in, one line per member, so that the verifier sees
 * what changed since (a member added, gone, or with other data).
 */
public final class FamilySnapshot {

    private FamilySnapshot() {
    }

    public static String of(Family family) {
        StringBuilder text = new StringBuilder();
        text.append("ADDRESS|").append(family.address()).append('\n');
        for (Resident member : family.members()) {
            text.append(line(member)).append('\n');
        }
        return text.toString();
    }

    /** What differs between the snapshot and the family now, as translatable findings. */
    public static List<Finding> changes(String snapshot, Family now) {
        Map<String, String> before = new LinkedHashMap<>();
        String addressBefore = "";
        for (String line : snapshot.split("\n")) {
            if (line.startsWith("ADDRESS|")) {
                addressBefore = line;
            } else if (!line.isBlank()) {
                before.put(line.substring(0, line.indexOf('|')), line);
            }
        }
        List<Finding> changes = new ArrayList<>();
        if (!addressBefore.equals("ADDRESS|" + now.address())) {
            changes.add(Finding.of("kkprint.change.address"));
        }
        for (Resident member : now.members()) {
            String previous = before.remove(member.nik().value());
            if (previous == null) {
                changes.add(Finding.of("kkprint.change.added", member.fullName()));
            } else if (!previous.equals(line(member))) {
                changes.add(Finding.of("kkprint.change.changed", member.fullName()));
            }
        }
        for (String gone : before.values()) {
            changes.add(Finding.of("kkprint.change.removed", gone.split("\\|")[1]));
        }
        return changes;
    }

    /** Whether this member's data differs from the snapshot (or they were not on the card then). */
    public static boolean changed(String snapshot, Resident member) {
        return !snapshot.contains(line(member) + "\n");
    }

    private static String line(Resident member) {
        return String.join("|", member.nik().value(), member.fullName(), member.relationship().name(),
                member.maritalStatus().name(), member.religion().name(), member.education().name(),
                member.occupation(), member.birthDate().toString(), member.enrolmentStatus().name());
    }
}
