package id.dukcapil.portal.staff.internal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.annotation.Annotation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.access.prepost.PostAuthorize;
import org.springframework.security.access.prepost.PostFilter;
import org.springframework.security.access.prepost.PreFilter;
import org.springframework.security.authorization.method.AuthorizeReturnObject;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;

/**
 * The portal enforces {@code @PreAuthorize} only (SecurityConfiguration, decision 165): any other method-security
 * annotation would be silently ignored, so none may appear. JSR-250's are the views' (Vaadin's navigation access
 * control), in {@code ui} packages, never on a service.
 */
class MethodSecurityAnnotationsTest {

    private static final List<Class<? extends Annotation>> UNENFORCED = List.of(PostAuthorize.class,
            PreFilter.class, PostFilter.class, AuthorizeReturnObject.class, HandleAuthorizationDenied.class,
            Secured.class);

    private final JavaClasses portal = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("id.dukcapil.portal");

    @Test
    void no_service_carries_an_annotation_the_portal_does_not_enforce() {
        for (Class<? extends Annotation> annotation : UNENFORCED) {
            noClasses().should().beAnnotatedWith(annotation).check(portal);
            noMethods().should().beAnnotatedWith(annotation).check(portal);
        }
    }

    @Test
    void jsr250_annotations_stay_on_views() {
        for (String annotation : List.of("jakarta.annotation.security.RolesAllowed",
                "jakarta.annotation.security.PermitAll", "jakarta.annotation.security.DenyAll")) {
            noClasses().that().resideOutsideOfPackage("..ui..").should().beAnnotatedWith(annotation).check(portal);
            noMethods().that().areDeclaredInClassesThat().resideOutsideOfPackage("..ui..").should()
                    .beAnnotatedWith(annotation).check(portal);
        }
    }
}
