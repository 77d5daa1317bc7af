package id.dukcapil.portal.shared.internal.aot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.cloud.CloudPlatform;
import org.springframework.boot.system.JavaVersion;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * What the AOT-processed bean definitions were made with (decision 162), kept in the jar as {@link #RESOURCE}: the
 * libraries on the class path (conditions on classes), the active and default profiles, the Java version and the cloud
 * platform (conditions test both), and every property name looked up while the definitions were made, each with what
 * its readers could tell apart ({@link SettingFingerprint}). The same settings computed from a start's environment are
 * equal exactly when every condition that was evaluated sees what it saw at the build.
 */
final class ConditionSettings {

    static final String RESOURCE = "META-INF/dukcapil/aot-condition-settings.tsv";

    /** A setting as kept: its name, the kind of its fingerprint, and the fingerprint. */
    record Setting(String name, SettingFingerprint kind, String fingerprint) {

        boolean sameIn(ConfigurableEnvironment environment) {
            return fingerprint.equals(kind.of(environment, name, kind.comparedWith(fingerprint)));
        }
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
            SettingFingerprint kind = SettingFingerprint.forReaders(readers, compared.containsKey(name));
            List<String> comparedWith = kind == SettingFingerprint.TESTS
                    ? SettingFingerprint.sorted(compared.get(name)) : List.of();
            settings.add(new Setting(name, kind, kind.of(environment, name, comparedWith)));
        });
        return new ConditionSettings(facts(environment, classLoader), settings);
    }

    /** The facts that are not properties, as this environment and class path have them. */
    static Map<String, String> facts(ConfigurableEnvironment environment, ClassLoader classLoader) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("libraries", String.join(",", ClassPathJars.of(classLoader, RESOURCE)));
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
                differences.add("class path (" + ClassPathJars.difference(now, built) + ")");
            } else if (!built.equals(now)) {
                differences.add(fact + " " + display(now) + " (built with " + display(built) + ")");
            }
        });
        settings.stream().filter(setting -> !setting.sameIn(environment))
                .forEach(setting -> differences.add(setting.name()));
        return differences;
    }

    /** The file kept in the jar: one line per fact and per setting, tab-separated, in a stable order. */
    String write() {
        StringBuilder out = new StringBuilder("# What the AOT-processed bean definitions were made with (decision 162)."
                + " Values are hashed; names tested only by @ConditionalOnProperty keep their tests, not their values.\n");
        facts.forEach((fact, value) -> out.append("fact\t").append(fact).append('\t').append(value).append('\n'));
        for (Setting setting : settings) {
            out.append("setting\t").append(setting.name()).append('\t').append(setting.kind().label).append('\t')
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
                    settings.add(new Setting(fields[1], kind(fields[2], line), fields[3]));
                } else if (!line.startsWith("#")) {
                    throw new IOException("Not a line of " + RESOURCE + ": " + line);
                }
            }
        }
        return new ConditionSettings(facts, settings);
    }

    private static SettingFingerprint kind(String label, String line) throws IOException {
        try {
            return SettingFingerprint.labelled(label);
        } catch (IllegalArgumentException unknown) {
            throw new IOException("Not a line of " + RESOURCE + ": " + line, unknown);
        }
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
