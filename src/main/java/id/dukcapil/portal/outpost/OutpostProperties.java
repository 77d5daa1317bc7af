package id.dukcapil.portal.outpost;

import id.dukcapil.portal.schoolvisit.OutpostBundle;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * An outpost node's settings (decision 199): whether this node is one, its name as the Dinas shows it, the Dinas it
 * takes its work from, and how far its work may go without the Dinas.
 *
 * @param enabled    this node is an outpost: its field screen is offered (the profile {@code outpost} sets it)
 * @param name       the outpost's name, shown at the Dinas while a visit is out ("Laptop Tim 1")
 * @param dinasUrl   the Dinas's address, offered in the form that takes a visit
 * @param maxOut     how long a taken visit may stay out: past it the outpost takes no new step and says why
 * @param maxWaiting how many operations may wait for the Dinas: past it likewise
 * @param queuePrefix the queue prefix of a recording point's day taken here (decision 200): its tickets read
 *                    {@code L-015}, told apart from the Dinas's own numbers of the day
 */
@ConfigurationProperties("portal.outpost")
public record OutpostProperties(boolean enabled, String name, @Nullable URI dinasUrl, Duration maxOut,
                                int maxWaiting, String queuePrefix) {

    public OutpostProperties {
        name = name == null ? "" : name.strip();
        maxOut = maxOut == null ? Duration.ofHours(72) : maxOut;
        // A bundle the Dinas takes carries at most its cap: more waiting could never be sent.
        maxWaiting = maxWaiting <= 0 ? 5_000 : Math.min(maxWaiting, OutpostBundle.OPERATIONS_MAX);
        queuePrefix = queuePrefix == null || queuePrefix.isBlank() ? "L" : queuePrefix.strip();
    }
}
