package id.dukcapil.portal.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The strength rules for a new password. Each broken rule is a translation key, so the user reads every
 * reason at once in their own language.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    /** Passwords people in an office choose first; refused whatever their length. */
    private static final Set<String> COMMON = Set.of("password123", "passw0rd123", "1234567890", "qwertyuiop",
            "dukcapil123", "disdukcapil", "bandung123", "indonesia1", "admin12345", "kabbandung");

    private PasswordPolicy() {
    }

    /** @return the keys of the rules the password breaks; empty when it is acceptable */
    public static List<String> violations(String username, String password) {
        List<String> broken = new ArrayList<>();
        if (password.length() < MIN_LENGTH) {
            broken.add("password.rule.length");
        }
        if (password.length() > MAX_LENGTH) {
            broken.add("password.rule.max-length");
        }
        if (password.chars().noneMatch(Character::isLetter)) {
            broken.add("password.rule.letter");
        }
        if (password.chars().noneMatch(Character::isDigit)) {
            broken.add("password.rule.digit");
        }
        if (password.chars().noneMatch(Character::isUpperCase) || password.chars().noneMatch(Character::isLowerCase)) {
            broken.add("password.rule.case");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (!username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            broken.add("password.rule.username");
        }
        if (COMMON.contains(lower)) {
            broken.add("password.rule.common");
        }
        return broken;
    }
}
