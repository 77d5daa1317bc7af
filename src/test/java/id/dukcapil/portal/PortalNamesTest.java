package id.dukcapil.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

/**
 * JPA names an entity by its class's simple name and Spring Data a repository's bean by its interface's: two
 * modules' classes of one simple name stop the start (decision 171). Said here by name, before any context starts.
 */
class PortalNamesTest {

    private static final JavaClasses PORTAL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("id.dukcapil.portal");

    @Test
    void every_entity_and_every_repository_has_a_simple_name_of_its_own() {
        assertThat(PORTAL.stream().filter(type -> type.isAnnotatedWith(Entity.class))).as("the scan sees them")
                .hasSizeGreaterThan(10);
        assertThat(repeated(type -> type.isAnnotatedWith(Entity.class))).as("entities").isEmpty();
        assertThat(repeated(type -> type.isInterface() && type.isAssignableTo(Repository.class)))
                .as("repositories").isEmpty();
    }

    private static Map<String, Long> repeated(Predicate<JavaClass> kind) {
        Map<String, Long> names = PORTAL.stream().filter(kind).map(JavaClass::getSimpleName)
                .collect(Collectors.groupingBy(name -> name, Collectors.counting()));
        names.values().removeIf(count -> count == 1);
        return names;
    }
}
