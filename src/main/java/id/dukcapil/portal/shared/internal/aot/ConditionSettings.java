package id.dukcapil.portal.shared.internal.aot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.cloud.CloudPlatform;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.boot.system.JavaVersion;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * What the AOT-processed bean definitions were made with (decision 162), kept in the jar as {@link #RESOURCE}: the
 * libraries on the class path (conditions on classes), the active and default profiles, the Java version and the cloud
 * platform (conditions test both), and every property name looked up while the definitions were made, each with what
 * its readers could tell apart:
 * <ul>
 * <li>{@code tests}: a name only {@code @ConditionalOnProperty} (or {@code @ConditionalOnBooleanProperty}) looked up,
 * with the values those conditions compare it with: per value, whether the property is absent, equal to it or not
 * ("" for "set and not false"). No value is kept: a mail host or a database address that differs from the build's
 * gives the same tests.</li>
 * <li>{@code management-port}: a name only the management-port condition looked up ({@code server.port}): whether the
 * actuator shares the server's port.</li>
 * <li>{@code has-text}: a name only the embedded-data-source condition looked up ({@code spring.datasource.url}):
 * whether it has text. The embedded MariaDB's address names a port chosen at each start; an office's server has its
 * own.</li>
 * <li>{@code value}: any other name: a hash of its resolved value (never the value), or "absent", and whether
 * properties below it are set (a binder's map or list).</li>
 * </ul>
 * The same settings computed from a start's environment are equal exactly when every condition that was evaluated
 * sees what it saw at the build.
 */
final class ConditionSettings {

    static final String RESOURCE = "META-INF/dukcapil/aot-condition-settings.tsv";
    static final String TESTS = "tests";
    static final String MANAGEMENT_PORT = "management-port";
    static final String HAS_TEXT = "has-text";
    static final String VALUE = "value";
    static final String ON_PROPERTY = "org.springframework.boot.autoconfigure.condition.OnPropertyCondition";
    static final String ON_MANAGEMENT_PORT =
            "org.springframework.boot.actuate.autoconfigure.web.server.OnManagementPortCondition";
    static final String EMBEDDED_DATABASE =
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration$EmbeddedDatabaseCondition";

    /** A setting as kept: its name, the kind of its fingerprint, and the fingerprint. */
    record Setting(String name, String kind, String fingerprint) {
    }

    private final Map<String, String> facts;
    private final List<Setting> settings;

    private ConditionSettings(Map<String, String> facts, List<Setting> settings) {
        this.facts = facts;
        this.settings = settings;
    }

    /**
     * The settings of {@code environment} for the names {@code read} (each with its readers), where the values the
     * {@code @ConditionalOnProperty} tests compare a name with are {@code compared} (names absent there, or read by
     * anything else, keep a hash of their value).
     */
    static ConditionSettings of(ConfigurableEnvironment environment, ClassLoader classLoader,
                                Map<String, Set<String>> read, Map<String, Set<String>> compared) {
        List<Setting> settings = new ArrayList<>();
        new TreeMap<>(read).forEach((name, readers) -> {
            String kind = VALUE;
            if (readers.equals(Set.of(ON_PROPERTY)) && compared.containsKey(name)) {
                kind = TESTS;
            } else if (readers.equals(Set.of(ON_MANAGEMENT_PORT))) {
                kind = MANAGEMENT_PORT;
            } else if (readers.equals(Set.of(EMBEDDED_DATABASE))) {
                kind = HAS_TEXT;
            }
            String parameters = kind.equals(TESTS) ? encode(compared.get(name)) : "";
            settings.add(new Setting(name, kind, fingerprint(environment, name, kind, parameters)));
        });
        return new ConditionSettings(facts(environment, classLoader), settings);
    }

    /** The facts that are not properties, as this environment and class path have them. */
    static Map<String, String> facts(ConfigurableEnvironment environment, ClassLoader classLoader) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("libraries", String.join(",", libraries(classLoader)));
        facts.put("profiles", sorted(environment.getActiveProfiles()));
        facts.put("default-profiles", sorted(environment.getDefaultProfiles()));
        facts.put("java", JavaVersion.getJavaVersion().name());
        CloudPlatform platform = CloudPlatform.getActive(environment);
        facts.put("cloud-platform", platform != null ? platform.name() : "none");
        return facts;
    }

    List<Setting> settings() {
        return settings;
    }

    Map<String, String> facts() {
        return facts;
    }

    /**
     * What in {@code environment} differs from these settings: the facts named with both values (profiles are no
     * secret), the properties by name only. Empty when the AOT-processed definitions are this environment's.
     */
    List<String> differencesFrom(ConfigurableEnvironment environment, ClassLoader classLoader) {
        List<String> differences = new ArrayList<>();
        facts(environment, classLoader).forEach((fact, now) -> {
            String built = facts.getOrDefault(fact, "?");
            if (fact.equals("libraries") && !built.equals(now)) {
                differences.add("class path (" + difference(now, built) + ")");
            } else if (!built.equals(now)) {
                differences.add(fact + " " + display(now) + " (built with " + display(built) + ")");
            }
        });
        for (Setting setting : settings) {
            String parameters = setting.kind().equals(TESTS) ? parameters(setting.fingerprint()) : "";
            if (!setting.fingerprint().equals(fingerprint(environment, setting.name(), setting.kind(), parameters))) {
                differences.add(setting.name());
            }
        }
        return differences;
    }

    /** The file kept in the jar: one line per fact and per setting, tab-separated, in a stable order. */
    String write() {
        StringBuilder out = new StringBuilder("# What the AOT-processed bean definitions were made with (decision 162)."
                + " Values are hashed; names tested only by @ConditionalOnProperty keep their tests, not their values.\n");
        facts.forEach((fact, value) -> out.append("fact\t").append(fact).append('\t').append(value).append('\n'));
        for (Setting setting : settings) {
            out.append("setting\t").append(setting.name()).append('\t').append(setting.kind()).append('\t')
                    .append(setting.fingerprint()).append('\n');
        }
        return out.toString();
    }

    static ConditionSettings read(InputStream in) throws IOException {
        Map<String, String> facts = new LinkedHashMap<>();
        List<Setting> settings = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = line.split("\t", -1);
                if (fields[0].equals("fact") && fields.length == 3) {
                    facts.put(fields[1], fields[2]);
                } else if (fields[0].equals("setting") && fields.length == 4) {
                    settings.add(new Setting(fields[1], fields[2], fields[3]));
                } else if (!line.startsWith("#")) {
                    throw new IOException("Not a line of " + RESOURCE + ": " + line);
                }
            }
        }
        return new ConditionSettings(facts, settings);
    }

    private static String fingerprint(ConfigurableEnvironment environment, String name, String kind,
                                      String parameters) {
        return switch (kind) {
            case TESTS -> tests(environment, name, decode(parameters));
            case MANAGEMENT_PORT -> ManagementPortType.get(environment).name();
            case HAS_TEXT -> hasText(environment, name) ? "text" : "no text";
            default -> valueHash(environment, name) + children(environment, name);
        };
    }

    /**
     * Per compared value: "absent", or, as OnPropertyCondition tells them apart, "equal"/"other" (a value) or
     * "false"/"set" (the empty value: set and not "false"), in the form {@code value=outcome;...}.
     */
    private static String tests(ConfigurableEnvironment environment, String name, List<String> comparedWith) {
        boolean present = environment.containsProperty(name);
        String value = present ? environment.getProperty(name) : null;
        return comparedWith.stream().map(compared -> encode(compared) + "=" + (!present ? "absent"
                        : compared.isEmpty() ? ("false".equalsIgnoreCase(value) ? "false" : "set")
                        : (compared.equalsIgnoreCase(value) ? "equal" : "other")))
                .collect(Collectors.joining(";"));
    }

    /** As the embedded-data-source condition asks: set, and with text once resolved (unresolvable: no). */
    private static boolean hasText(ConfigurableEnvironment environment, String name) {
        try {
            return environment.containsProperty(name) && StringUtils.hasText(environment.getProperty(name));
        } catch (IllegalArgumentException unresolvable) {
            return false;
        }
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

    /** The compared values, as the parameters of a {@code tests} fingerprint: sorted, each URL-encoded. */
    private static String encode(Set<String> comparedWith) {
        return new TreeSet<>(comparedWith).stream().map(ConditionSettings::encode).collect(Collectors.joining(";"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<String> decode(String parameters) {
        return parameters.isEmpty() ? List.of("") : Arrays.stream(parameters.split(";", -1))
                .map(value -> URLDecoder.decode(value, StandardCharsets.UTF_8)).toList();
    }

    /** The compared values of a recorded {@code tests} fingerprint ({@code value=outcome;...}). */
    private static String parameters(String fingerprint) {
        return Arrays.stream(fingerprint.split(";", -1)).map(test -> test.substring(0, test.lastIndexOf('=')))
                .collect(Collectors.joining(";"));
    }

    /**
     * The file names of the jars on the class path, sorted: the libraries Spring Boot's conditions on classes saw. The
     * build's AOT processing has the dependencies' jars from the local repository, a start the same files in the jar's
     * {@code BOOT-INF/lib} or the extracted {@code lib/}: the names are the same. Not counted: the application's own
     * jar (the one that carries this record; the build had its classes as a folder) and Spring Boot's jar-mode tools,
     * which the build puts into the jar for {@code -Djarmode=tools} (a launcher's, no bean's).
     */
    static Set<String> libraries(ClassLoader classLoader) {
        Set<String> names = new TreeSet<>();
        try {
            Enumeration<URL> manifests = classLoader.getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                String name = jarName(manifests.nextElement());
                if (name != null && !name.startsWith("spring-boot-jarmode-")) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        URL record = classLoader.getResource(RESOURCE);
        String application = record != null ? jarName(record) : null;
        if (application != null) {
            names.remove(application);
        }
        return names;
    }

    /** The file name of the jar a {@code jar:} URL points into (its innermost jar), or null. */
    private static @Nullable String jarName(URL url) {
        String text = url.toString();
        int end = text.lastIndexOf("!/");
        if (!text.startsWith("jar:") || end < 4 || !text.startsWith(".jar", end - 4)) {
            return null;
        }
        return text.substring(text.lastIndexOf('/', end) + 1, end);
    }

    /** The jars one list has and the other has not, a few of each. */
    private static String difference(String now, String built) {
        Set<String> added = new TreeSet<>(Arrays.asList(now.split(",")));
        Set<String> gone = new TreeSet<>(Arrays.asList(built.split(",")));
        Set<String> common = new TreeSet<>(added);
        common.retainAll(gone);
        added.removeAll(common);
        gone.removeAll(common);
        return added.size() + " jar(s) not in the build's" + (added.isEmpty() ? "" : ": " + added.stream().limit(3)
                .collect(Collectors.joining(", "))) + "; " + gone.size() + " of the build's missing"
                + (gone.isEmpty() ? "" : ": " + gone.stream().limit(3).collect(Collectors.joining(", ")));
    }

    private static String sorted(String[] profiles) {
        return Arrays.stream(profiles).sorted().collect(Collectors.joining(","));
    }

    private static String display(String profiles) {
        return profiles.isEmpty() ? "none" : profiles;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof ConditionSettings that && facts.equals(that.facts) && settings.equals(that.settings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(facts, settings);
    }
}
