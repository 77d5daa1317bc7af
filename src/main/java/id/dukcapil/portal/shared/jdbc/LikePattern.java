package id.dukcapil.portal.shared.jdbc;

/**
 * LIKE patterns for what a user typed into a search: its own {@code %} and {@code _} are taken literally, escaped
 * with MariaDB's default escape character, the backslash (so a backslash typed is escaped too). The text is used as
 * given; a caller that wants it stripped strips it.
 */
public final class LikePattern {

    private LikePattern() {
    }

    /** The text anywhere in the column. */
    public static String contains(String text) {
        return "%" + escaped(text) + "%";
    }

    /** The column begins with the text. */
    public static String startsWith(String text) {
        return escaped(text) + "%";
    }

    /** The text with LIKE's wildcards and the escape character itself escaped. */
    public static String escaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
