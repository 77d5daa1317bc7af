package id.dukcapil.portal.shared.internal.aot;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * How a setting the AOT processing looked up is kept (decision 162): as much of it as its readers could tell apart, so
 * that an office's own mail host or database address passes where only "is it set" was asked, and nothing secret is
 * kept. Each kind is named in the jar's record by its {@link #label}.
 */
enum SettingFingerprint {

    /**
     * A name only {@code @ConditionalOnProperty} (or {@code @ConditionalOnBooleanProperty}) looked up: per value
     * those conditions compare it with, whether the property is absent, equal to it or not ("" for "set and not
     * false"), as {@code value=outcome;...}. No value is kept.
     */
    TESTS("tests") {
        @Override
        String of(ConfigurableEnvironment environment, String name, List<String> comparedWith) {
            boolean present = environment.containsProperty(name);
            String value = present ? environment.getProperty(name) : null;
            return comparedWith.stream().map(compared -> encode(compared) + "=" + (!present ? "absent"
                            : compared.isEmpty() ? ("false".equalsIgnoreCase(value) ? "false" : "set")
                            : (compared.equalsIgnoreCase(value) ? "equal" : "other")))
                    .collect(Collectors.joining(";"));
        }

        @Override
        List<String> comparedWith(String fingerprint) {
            return Arrays.stream(fingerprint.split(";", -1))
                    .map(test -> URLDecoder.decode(test.substring(0, test.lastIndexOf('=')), StandardCharsets.UTF_8))
                    .toList();
        }
    },

    /** A name only the management-port condition looked up ({@code server.port}): whether the actuator shares it. */
    MANAGEMENT_PORT("management-port") {
        @Override
        String of(ConfigurableEnvironment environment, String name, List<String> comparedWith) {
            return ManagementPortType.get(environment).name();
        }
    },

    /**
     * A name only the embedded-data-source condition looked up ({@code spring.datasource.url}): whether it has text
     * once resolved (unresolvable: no). The embedded MariaDB's address names a port chosen at each start; an office's
     * server has its own.
     */
    HAS_TEXT("has-text") {
        @Override
        String of(ConfigurableEnvironment environment, String name, List<String> comparedWith) {
            try {
                return environment.containsProperty(name) && StringUtils.hasText(environment.getProperty(name))
                        ? "text" : "no text";
            } catch (IllegalArgumentException unresolvable) {
                return "no text";
            }
        }
    },

    /**
     * Any other name: a hash of its resolved value (never the value), or "absent", and whether properties below it are
     * set (a binder's map or list).
     */
    VALUE("value") {
        @Override
        String of(ConfigurableEnvironment environment, String name, List<String> comparedWith) {
            return valueHash(environment, name) + children(environment, name);
        }
    };

    static final String ON_PROPERTY = "org.springframework.boot.autoconfigure.condition.OnPropertyCondition";
    static final String ON_MANAGEMENT_PORT =
            "org.springframework.boot.actuate.autoconfigure.web.server.OnManagementPortCondition";
    static final String EMBEDDED_DATABASE =
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration$EmbeddedDatabaseCondition";

    final String label;

    SettingFingerprint(String label) {
        this.label = label;
    }

    /** This setting's fingerprint in {@code environment}; only {@link #TESTS} reads {@code comparedWith}. */
    abstract String of(ConfigurableEnvironment environment, String name, List<String> comparedWith);

    /** The compared values a recorded fingerprint of this kind was made with. */
    List<String> comparedWith(String fingerprint) {
        return List.of();
    }

    /** The kind for a name with these readers (condition class names), and whether a property condition compares it. */
    static SettingFingerprint forReaders(Set<String> readers, boolean compared) {
        if (readers.equals(Set.of(ON_PROPERTY)) && compared) {
            return TESTS;
        } else if (readers.equals(Set.of(ON_MANAGEMENT_PORT))) {
            return MANAGEMENT_PORT;
        } else if (readers.equals(Set.of(EMBEDDED_DATABASE))) {
            return HAS_TEXT;
        }
        return VALUE;
    }

    static SettingFingerprint labelled(String label) {
        return Arrays.stream(values()).filter(kind -> kind.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No kind of setting " + label));
    }

    /** The compared values in a stable order: sorted. */
    static List<String> sorted(Set<String> comparedWith) {
        return List.copyOf(new TreeSet<>(comparedWith));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String valueHash(ConfigurableEnvironment environment, String name) {
        String value;
        try {
            value = environment.getProperty(name);
        } catch (RuntimeException unresolvable) {
            return "unresolvable";
        }
        if (value == null) {
            return "absent";
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether properties below the name are set: a binder binds a map or a list's elements by them. */
    private static String children(ConfigurableEnvironment environment, String name) {
        ConfigurationPropertyName propertyName = ConfigurationPropertyName.ofIfValid(name);
        if (propertyName == null) {
            return "";
        }
        ConfigurationPropertyState state = ConfigurationPropertyState.ABSENT;
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            ConfigurationPropertyState here = source.containsDescendantOf(propertyName);
            if (here == ConfigurationPropertyState.PRESENT) {
                return "+below";
            }
            if (here == ConfigurationPropertyState.UNKNOWN) {
                state = here;
            }
        }
        return state == ConfigurationPropertyState.UNKNOWN ? "?below" : "";
    }
}
