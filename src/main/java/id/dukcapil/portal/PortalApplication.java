package id.dukcapil.portal;

import com.vaadin.flow.spring.annotation.EnableVaadin;
import id.dukcapil.portal.shared.backup.BackupTool;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Dukcapil Portal: the back-office system of a regency's civil-registry office. Scheduled jobs and asynchronous
 * listeners are the application's: module listeners ({@code @ApplicationModuleListener}) run after the commit on
 * the bounded event pool (decision 049), not in the request that caused them.
 * <p>
 * Vaadin looks for its types (routes, layouts, error views, the app shell, its service implementations) at every
 * start by reading the class files of the packages named here, seven times over: the modules' {@code ui} packages,
 * where every view lives, not the whole portal (decision 162, kept by 172). {@code VaadinPackagesTest} checks that no Vaadin type
 * lives elsewhere.
 */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
@EnableScheduling
@EnableAsync
@EnableVaadin({"id.dukcapil.portal.audit.ui", "id.dukcapil.portal.blanko.ui", "id.dukcapil.portal.booking.ui",
        "id.dukcapil.portal.ikd.ui", "id.dukcapil.portal.kkprint.ui", "id.dukcapil.portal.notification.ui",
        "id.dukcapil.portal.population.ui", "id.dukcapil.portal.recording.ui", "id.dukcapil.portal.reports.ui",
        "id.dukcapil.portal.schoolvisit.ui", "id.dukcapil.portal.shared.ui", "id.dukcapil.portal.signing.ui",
        "id.dukcapil.portal.sla.ui", "id.dukcapil.portal.staff.ui"})
public class PortalApplication {

    public static void main(String[] args) throws java.io.IOException {
        if (BackupTool.named(args)) {
            // The backup scripts' cipher (decision 184): a pipe, no application.
            BackupTool.run(args);
            return;
        }
        SpringApplication.run(PortalApplication.class, args);
    }
}
