package id.dukcapil.portal.shared.internal.aot;

import java.lang.StackWalker.StackFrame;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Condition;
import org.springframework.core.env.AbstractPropertyResolver;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;

/**
 * While the build's AOT processing makes the bean definitions (the context's refresh), the environment's first property
 * source: it holds no
 * property and notes every name looked up, with what looked it up (the condition, or other code). Every look-up reaches
 * it, by the environment's methods, by a {@code Binder} and by placeholders alike, since none finds a value here and each
 * goes on to the sources after it. Being enumerable (with no names) it changes no answer: a binder asking whether a
 * prefix has properties gets "absent" from it, as from any source without them.
 * <p>
 * A look-up made while resolving a placeholder in another property's value ({@code ${MAIL_HOST:}} in
 * {@code spring.mail.host}) is not noted: the other property is, and its resolved value says what the placeholder gave.
 */
final class SettingsRecorder extends EnumerablePropertySource<Object> {

    static final String NAME = "aotSettingsRecorder";
    /** The reader of a look-up made by code that is not a condition (the auto-configuration selector, a factory). */
    static final String NOT_A_CONDITION = "";

    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final String NESTED = "nested";
    private static final String BINDER_PLACEHOLDERS =
            "org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver";

    private final Map<String, Set<String>> readers = new ConcurrentHashMap<>();
    private volatile boolean recording = true;

    SettingsRecorder() {
        super(NAME, new Object());
    }

    /** Put first in the environment: what the context's refresh looks up from now on is noted. */
    static SettingsRecorder install(ConfigurableEnvironment environment) {
        SettingsRecorder recorder = new SettingsRecorder();
        environment.getPropertySources().addFirst(recorder);
        return recorder;
    }

    static @Nullable SettingsRecorder in(ConfigurableEnvironment environment) {
        return environment.getPropertySources().get(NAME) instanceof SettingsRecorder recorder ? recorder : null;
    }

    @Override
    public String[] getPropertyNames() {
        return new String[0];
    }

    @Override
    public @Nullable Object getProperty(String name) {
        if (recording) {
            String reader = reader();
            if (!NESTED.equals(reader)) {
                readers.computeIfAbsent(name, key -> ConcurrentHashMap.newKeySet()).add(reader);
            }
        }
        return null;
    }

    @Override
    public boolean containsProperty(String name) {
        getProperty(name);
        return false;
    }

    /** Stops noting, and answers each name looked up with its readers (condition class names, or NOT_A_CONDITION). */
    Map<String, Set<String>> stop() {
        recording = false;
        Map<String, Set<String>> read = new TreeMap<>();
        readers.forEach((name, by) -> read.put(name, Set.copyOf(by)));
        return read;
    }

    /**
     * The condition whose evaluation looks the name up: the innermost frame of a class that is (or is nested in) a
     * {@link Condition}. "nested" when a placeholder in another property's value is being resolved first.
     */
    private static String reader() {
        return STACK.walk(frames -> frames.map(SettingsRecorder::readerOf).filter(reader -> reader != null)
                .findFirst().orElse(NOT_A_CONDITION));
    }

    private static @Nullable String readerOf(StackFrame frame) {
        Class<?> type = frame.getDeclaringClass();
        if ((type == AbstractPropertyResolver.class && frame.getMethodName().equals("resolveNestedPlaceholders"))
                || type.getName().equals(BINDER_PLACEHOLDERS)) {
            return NESTED;
        }
        if (Condition.class.isAssignableFrom(type)) {
            return type.getName();
        }
        // A condition's helper class nested in it (OnPropertyCondition's Spec).
        Class<?> host = type.getNestHost();
        return Condition.class.isAssignableFrom(host) ? host.getName() : null;
    }
}
