package id.dukcapil.portal.shared;

import java.util.List;

/**
 * One thing a check found, as a translation key with its arguments, so each screen says it in the user's
 * language.
 */
public record Finding(String messageKey, List<Object> args) {

    public Finding {
        args = List.copyOf(args);
    }

    public static Finding of(String messageKey, Object... args) {
        return new Finding(messageKey, List.of(args));
    }

    public Object[] argsArray() {
        return args.toArray();
    }
}
