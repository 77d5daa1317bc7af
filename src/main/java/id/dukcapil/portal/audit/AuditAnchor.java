package id.dukcapil.portal.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement kept outside the database about the chain: "entry {@code seq} had this hash" (a daily
 * {@link Kind#ANCHOR}), or "entries after {@code seq} are keyed" ({@link Kind#KEYED_FROM}, written when the chain
 * first got its key). Its text form, {@code audit-anchor:<seq>:<hash>}, is what the anchors file and the ADMINs'
 * e-mail carry and what an auditor pastes into the audit view.
 */
public record AuditAnchor(Kind kind, long seq, String hash) {

    private static final Pattern TEXT = Pattern.compile("audit-(anchor|keyed-from):(\\d{1,18}):([0-9a-f]{64})");

    public enum Kind {
        ANCHOR("anchor"), KEYED_FROM("keyed-from");

        private final String text;

        Kind(String text) {
            this.text = text;
        }
    }

    /** Every anchor in a text (a file, a pasted e-mail), in order; anything else in it is ignored. */
    public static List<AuditAnchor> parseAll(String text) {
        List<AuditAnchor> anchors = new ArrayList<>();
        Matcher matcher = TEXT.matcher(text);
        while (matcher.find()) {
            anchors.add(new AuditAnchor(matcher.group(1).equals("anchor") ? Kind.ANCHOR : Kind.KEYED_FROM,
                    Long.parseLong(matcher.group(2)), matcher.group(3)));
        }
        return anchors;
    }

    public String text() {
        return "audit-" + kind.text + ":" + seq + ":" + hash;
    }
}
