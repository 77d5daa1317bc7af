package id.dukcapil.portal.shared;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A person's name as an answer to someone who has not shown who they are may carry it: each word's first letter,
 * the rest hidden ({@code SITI NURHALIZA} → {@code S*** N********}). Enough for a citizen to see the app found them,
 * too little to learn whose a NIK is.
 */
public final class MaskedName {

    private MaskedName() {
    }

    public static String of(String fullName) {
        return Arrays.stream(fullName.strip().split("\\s+"))
                .filter(word -> !word.isEmpty())
                .map(word -> word.codePoints().limit(1).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                        StringBuilder::append) + "*".repeat(Math.max(0, word.codePointCount(0, word.length()) - 1)))
                .collect(Collectors.joining(" "));
    }
}
