package id.dukcapil.portal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(PortalApplication.class);

    @Test
    void modules_respect_their_boundaries() {
        modules.verify();
    }

    /** The outbox's core knows a channel only by its port; the adapters depend on the core, never the reverse. */
    @Test
    void the_outbox_core_does_not_depend_on_its_channel_adapters() {
        noClasses().that().resideInAPackage("id.dukcapil.portal.notification.internal..")
                .should().dependOnClassesThat().resideInAnyPackage("id.dukcapil.portal.notification.sms..",
                        "id.dukcapil.portal.notification.whatsapp..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("id.dukcapil.portal.notification"));
    }

    /**
     * Views ask {@code CurrentActor} or Vaadin's {@code AuthenticationContext} who is signed in, never the security
     * context or the HTTP session (issue 50 item 3).
     */
    @Test
    void no_view_reads_the_security_context() {
        noClasses().that().resideInAPackage("id.dukcapil.portal..ui..")
                .should().dependOnClassesThat().haveFullyQualifiedName(
                        "org.springframework.security.core.context.SecurityContextHolder")
                // nor Spring Security's notes in the HTTP session: the sign-in page reads its reason from its address
                .orShould().dependOnClassesThat().haveFullyQualifiedName(
                        "org.springframework.security.web.WebAttributes")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("id.dukcapil.portal"));
    }

    /**
     * Who saw whose data is recorded where the data leaves a module's service, so a new screen cannot forget it
     * (issue 50 item 3): no view records it itself.
     */
    @Test
    void no_view_records_personal_data_views_itself() {
        noClasses().that().resideInAPackage("id.dukcapil.portal..ui..")
                .should().dependOnClassesThat().haveFullyQualifiedName("id.dukcapil.portal.audit.PersonalDataViews")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("id.dukcapil.portal"));
    }

    @Test
    void writes_the_module_documentation() {
        new Documenter(modules).writeDocumentation();
    }
}
