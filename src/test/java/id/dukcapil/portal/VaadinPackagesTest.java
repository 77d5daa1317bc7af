package id.dukcapil.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.startup.AnnotationValidator;
import com.vaadin.flow.server.startup.ErrorNavigationTargetInitializer;
import com.vaadin.flow.server.startup.LookupServletContainerInitializer;
import com.vaadin.flow.server.startup.RouteRegistryInitializer;
import com.vaadin.flow.server.startup.VaadinAppShellInitializer;
import com.vaadin.flow.server.startup.WebComponentConfigurationRegistryInitializer;
import com.vaadin.flow.server.startup.WebComponentExporterAwareValidator;
import com.vaadin.flow.spring.annotation.EnableVaadin;
import jakarta.servlet.annotation.HandlesTypes;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.ScannedGenericBeanDefinition;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.core.type.filter.TypeFilter;

/**
 * Vaadin reads at every start only the packages {@code PortalApplication} names in {@code @EnableVaadin} (decision
 * 162, kept by 172): a view, layout, error view, app shell annotation or Vaadin service implementation anywhere else would be
 * missing from the running portal without a word. What Vaadin's Spring initializer looks for is what its servlet
 * initializers declare ({@code @HandlesTypes}), read here from Vaadin itself.
 */
class VaadinPackagesTest {

    /** The initializers whose types Vaadin's Spring add-on finds by scanning its packages at start. */
    private static final List<Class<?>> INITIALIZERS = List.of(LookupServletContainerInitializer.class,
            VaadinAppShellInitializer.class, RouteRegistryInitializer.class, ErrorNavigationTargetInitializer.class,
            AnnotationValidator.class, WebComponentExporterAwareValidator.class,
            WebComponentConfigurationRegistryInitializer.class);

    private final List<String> scanned = List.of(PortalApplication.class.getAnnotation(EnableVaadin.class).value());

    @Test
    void every_type_vaadin_looks_for_at_start_is_in_a_package_it_reads() {
        Map<String, Set<String>> outside = new TreeMap<>();
        for (Class<?> type : searchedTypes()) {
            for (String found : portalClasses(filter(type))) {
                if (scanned.stream().noneMatch(pkg -> found.startsWith(pkg + ".")) && !registeredByCode(found, type)) {
                    outside.computeIfAbsent(found, key -> new TreeSet<>()).add(type.getSimpleName());
                }
            }
        }
        assertThat(outside).as("Vaadin types outside %s", scanned).isEmpty();
        assertThat(portalClasses(filter(Route.class))).as("the views are found")
                .contains("id.dukcapil.portal.staff.ui.LoginView", "id.dukcapil.portal.shared.ui.HomeView");
    }

    @Test
    void every_package_named_has_classes() {
        for (String pkg : scanned) {
            assertThat(portalClasses((reader, factory) -> reader.getClassMetadata().getClassName()
                    .startsWith(pkg + "."))).as(pkg).isNotEmpty();
        }
    }

    private static List<Class<?>> searchedTypes() {
        List<Class<?>> types = new ArrayList<>();
        for (Class<?> initializer : INITIALIZERS) {
            types.addAll(Arrays.asList(initializer.getAnnotation(HandlesTypes.class).value()));
        }
        return types;
    }

    @SuppressWarnings("unchecked")
    private static TypeFilter filter(Class<?> type) {
        return type.isAnnotation() ? new AnnotationTypeFilter((Class<? extends Annotation>) type, true, true)
                : new AssignableTypeFilter(type);
    }

    /**
     * A route Vaadin does not register at start is registered by the portal's own code (the demo IKD app, by its
     * profile's bean): no scan needs to find it.
     */
    private static boolean registeredByCode(String className, Class<?> type) {
        if (type != Route.class) {
            return false;
        }
        try {
            return !Class.forName(className).getAnnotation(Route.class).registerAtStartup();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The portal's own classes (not the tests') that the filter takes, abstract or not, as Vaadin's scan does. */
    private static Set<String> portalClasses(TypeFilter filter) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(filter);
        Set<String> names = new TreeSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(PortalApplication.class.getPackageName())) {
            String location = ((ScannedGenericBeanDefinition) candidate).getSource() instanceof
                    org.springframework.core.io.Resource resource ? resource.getDescription() : "";
            if (!location.contains("test-classes")) {
                names.add(candidate.getBeanClassName());
            }
        }
        return names;
    }
}
