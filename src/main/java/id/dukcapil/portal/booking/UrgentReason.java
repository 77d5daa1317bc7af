package id.dukcapil.portal.booking;

import id.dukcapil.portal.shared.RuleViolation;

/** The need a clerk books a resident for, with a note (required for {@link UrgentNeed#OTHER}); kept in the audit. */
public record UrgentReason(UrgentNeed need, String note) {

    public static final int NOTE_MAX_LENGTH = 200;

    public UrgentReason {
        note = note.strip();
        if (note.length() > NOTE_MAX_LENGTH) {
            throw new RuleViolation("booking.staff.note.too-long", NOTE_MAX_LENGTH);
        }
        if (need == UrgentNeed.OTHER && note.isEmpty()) {
            throw new RuleViolation("booking.staff.note.required");
        }
    }

    String auditDetail() {
        return "need=" + need + (note.isEmpty() ? "" : "; note=" + note);
    }
}
