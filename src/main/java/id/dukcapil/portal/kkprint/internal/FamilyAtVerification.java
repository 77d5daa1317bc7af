package id.dukcapil.portal.kkprint.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import id.dukcapil.portal.population.Family;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.shared.i18n.PortalMessages;
import org.springframework.context.MessageSource;

/**
 * The family as the verifier approved it (taken when the document is queued, which is the verification), one line
 * per member with every field the card prints, and the differences to the family now, in words.
 */
public final class FamilyAtVerification {

    private static final String SEPARATOR = "\u001f";

    private FamilyAtVerification() {
    }

    public static String of(Family family) {
        StringBuilder text = new StringBuilder();
        text.append("ADDRESS").append(SEPARATOR).append(family.address()).append('\n');
        for (Resident member : family.members()) {
            text.append(line(member)).append('\n');
        }
        return text.toString();
    }

    /** The differences between the snapshot and the family now, in Bahasa Indonesia; empty if none. */
    public static List<String> differences(String snapshot, Family now, MessageSource messages) {
        Map<String, String[]> before = new LinkedHashMap<>();
        String addressBefore = "";
        for (String line : snapshot.split("\n")) {
            if (line.startsWith("ADDRESS" + SEPARATOR)) {
                addressBefore = line;
            } else if (!line.isBlank()) {
                String[] fields = line.split(SEPARATOR, -1);
                before.put(fields[0], fields);
            }
        }
        List<String> differences = new ArrayList<>();
        if (!addressBefore.equals("ADDRESS" + SEPARATOR + now.address())) {
            differences.add(text(messages, "kkprint.verified-change.address"));
        }
        for (Resident member : now.members()) {
            String[] previous = before.remove(member.nik().value());
            if (previous == null) {
                differences.add(text(messages, "kkprint.verified-change.added", member.fullName()));
                continue;
            }
            String[] current = line(member).split(SEPARATOR, -1);
            List<String> fields = new ArrayList<>();
            for (int i = 1; i < FIELDS.length && i < previous.length; i++) {
                if (!Objects.equals(previous[i], current[i])) {
                    fields.add(text(messages, "kkprint.verified-change.field." + FIELDS[i]));
                }
            }
            if (!fields.isEmpty()) {
                differences.add(text(messages, "kkprint.verified-change.changed", member.fullName(), String.join(", ", fields)));
            }
        }
        for (String[] gone : before.values()) {
            differences.add(text(messages, "kkprint.verified-change.removed", gone[1]));
        }
        return differences;
    }

    private static final String[] FIELDS = {"nik", "name", "relationship", "birth-date", "birth-place", "sex",
            "religion", "education", "occupation", "marital-status", "father", "mother"};

    private static String line(Resident member) {
        return String.join(SEPARATOR, member.nik().value(), member.fullName(), member.relationship().name(),
                member.birthDate().toString(), member.birthPlace(), member.sex().name(), member.religion().name(),
                member.education().name(), String.valueOf(member.occupation()), member.maritalStatus().name(),
                String.valueOf(member.fatherName()), String.valueOf(member.motherName()));
    }

    private static String text(MessageSource messages, String key, Object... args) {
        return messages.getMessage(key, args, key, PortalMessages.INDONESIAN);
    }
}
