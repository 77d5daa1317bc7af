package id.dukcapil.portal.shared.internal.aot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The libraries Spring Boot's conditions on classes saw, as the file names of the jars on the class path (decision
 * 162). The build's AOT processing has the dependencies' jars from the local repository, a start the same files in the
 * jar's {@code BOOT-INF/lib} or the extracted {@code lib/}: the names are the same.
 */
final class ClassPathJars {

    private ClassPathJars() {
    }

    /**
     * Sorted. Not counted: the application's own jar (the one that carries {@code ownResource}; the build had its
     * classes as a folder) and Spring Boot's jar-mode tools, which the build puts into the jar for
     * {@code -Djarmode=tools} (a launcher's, no bean's).
     */
    static Set<String> of(ClassLoader classLoader, String ownResource) {
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
        URL own = classLoader.getResource(ownResource);
        String application = own != null ? jarName(own) : null;
        if (application != null) {
            names.remove(application);
        }
        return names;
    }

    /** The jars one comma-separated list has and the other has not, a few of each. */
    static String difference(String now, String built) {
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

    /** The file name of the jar a {@code jar:} URL points into (its innermost jar), or null. */
    private static @Nullable String jarName(URL url) {
        String text = url.toString();
        int end = text.lastIndexOf("!/");
        if (!text.startsWith("jar:") || end < 4 || !text.startsWith(".jar", end - 4)) {
            return null;
        }
        return text.substring(text.lastIndexOf('/', end) + 1, end);
    }
}
