package id.dukcapil.portal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import id.dukcapil.portal.audit.AuditTestSupport;
import id.dukcapil.portal.booking.BookingTestSupport;
import id.dukcapil.portal.kkprint.KkPrintTestSupport;
import id.dukcapil.portal.signing.SigningTestSupport;
import id.dukcapil.portal.notification.TestMailServer;
import id.dukcapil.portal.shared.internal.db.EventProbe;
import id.dukcapil.portal.shared.tx.FaultInjection;
import id.dukcapil.portal.schoolvisit.OutpostScenes;
import id.dukcapil.portal.staff.StaffAccounts;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every test that needs the portal running uses this one annotation, so each of the suite's JVMs shares one Spring
 * context, one web server on a random port and one embedded MariaDB among its classes (decision 197). The demo
 * profile gives every test the
 * demo service points and users. E-mail goes over SMTP to the test run's GreenMail ({@link TestMailServer}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// Every test finds the demo data in place when its context is ready (the demo profile fills it in the background).
// No backups: the demo profile, read after the test profile, would make them into the work tree's ./backups; the
// backup tests and the restore drill name folders of their own (decision 184).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"portal.demo.fill=at-start", "portal.backup.dir="})
@ActiveProfiles({"test", "demo"})
@Import({PortalTest.TestClockConfiguration.class, AuditTestSupport.class, StaffAccounts.class, TestMailServer.class,
        KkPrintTestSupport.class, SigningTestSupport.class, BookingTestSupport.class, FaultInjection.class,
        EventProbe.class, OutpostScenes.class})
public @interface PortalTest {

    /** The demo users' password (demo profile only). */
    String DEMO_PASSWORD = "Dukcapil#2026";

    @TestConfiguration(proxyBeanMethods = false)
    class TestClockConfiguration {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
