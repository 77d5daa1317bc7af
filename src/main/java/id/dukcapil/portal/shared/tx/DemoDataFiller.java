package id.dukcapil.portal.shared.tx;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Publishes {@link DemoDataFill} once the application is started (decision 137). {@code portal.demo.fill}:
 * {@code at-start} fills before readiness (tests, and the packaged suites that count the demo data at once);
 * {@code in-background}, the demo profile's choice, fills on a thread of its own after the portal is ready, so a
 * first start on an empty folder answers in seconds and the demo data appears while a clerk signs in.
 */
@Component
class DemoDataFiller {

    private static final Logger log = LoggerFactory.getLogger(DemoDataFiller.class);

    private final ApplicationEventPublisher events;
    private final boolean inBackground;

    DemoDataFiller(ApplicationEventPublisher events, @Value("${portal.demo.fill:at-start}") String fill) {
        this.events = events;
        this.inBackground = switch (fill) {
            case "at-start" -> false;
            case "in-background" -> true;
            default -> throw new IllegalArgumentException(
                    "portal.demo.fill is 'at-start' or 'in-background', not '" + fill + "'");
        };
    }

    @EventListener(ApplicationReadyEvent.class)
    void fill() {
        if (!inBackground) {
            events.publishEvent(new DemoDataFill());
            return;
        }
        Thread.ofPlatform().name("demo-data-fill").daemon().start(() -> {
            long started = System.nanoTime();
            try {
                events.publishEvent(new DemoDataFill());
                log.info("Demo data in place ({} ms after the portal was ready)", (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                log.error("The demo data could not be filled in", e);
            }
        });
    }
}
