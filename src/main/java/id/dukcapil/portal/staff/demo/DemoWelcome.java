package id.dukcapil.portal.staff.demo;

import id.dukcapil.portal.shared.web.PublicAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo's last start-up line: which portal runs, where to open it and whom to sign in as, so that whoever typed
 * {@code ./mvnw spring-boot:run} needs nothing else to begin (the README says the same under the command).
 */
@Component
@Profile("demo")
class DemoWelcome {

    private static final Logger log = LoggerFactory.getLogger(DemoWelcome.class);

    private final PublicAddress address;

    DemoWelcome(PublicAddress address) {
        this.address = address;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        log.info(welcome(address.base()));
    }

    static String welcome(String base) {
        return "Dukcapil Portal (demo) is ready: open " + base + "/login and sign in as admin / "
                + DemoStaff.DEMO_PASSWORD + " (one demo user per role, same password: README, Demo users); "
                + "citizens book at " + base + "/bds";
    }
}
