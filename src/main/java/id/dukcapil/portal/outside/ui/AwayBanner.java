package id.dukcapil.portal.outside.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import id.dukcapil.portal.outside.OutsideSystem;
import id.dukcapil.portal.outside.OutsideSystems;
import id.dukcapil.portal.outside.SystemState;
import id.dukcapil.portal.outside.WaitingWork;
import id.dukcapil.portal.shared.live.Change;
import id.dukcapil.portal.shared.live.LiveChanges;
import id.dukcapil.portal.shared.ui.LiveRefresh;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per outside system away that the user's work waits on: since when, the last successful contact, and the
 * work waiting where the portal counts it. Read when the shell is shown and again whenever a system's state changes on
 * any node (its change is audited, and the audit chain's feed tells every node's screens, decision 139): no reload
 * needed. The waiting figures are as of that reading.
 */
final class AwayBanner extends Div {

    private static final Logger log = LoggerFactory.getLogger(AwayBanner.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm");

    private final OutsideSystems systems;
    private final List<WaitingWork> waiting;
    private final Set<OutsideSystem> waitedOn;
    private final LiveChanges changes;
    private final Clock clock;
    private LiveChanges.@Nullable Subscription subscription;

    AwayBanner(OutsideSystems systems, List<WaitingWork> waiting, Set<OutsideSystem> waitedOn, LiveChanges changes,
               Clock clock) {
        this.systems = systems;
        this.waiting = waiting;
        this.waitedOn = waitedOn;
        this.changes = changes;
        this.clock = clock;
        setId("outside-banner");
        if (!waitedOn.isEmpty()) {
            addAttachListener(attach -> {
                show();
                listen(attach.getUI());
            });
            addDetachListener(detach -> stopListening());
        }
    }

    /** Not {@code LiveRefresh.whileAttached}: the shell must not set the poll interval the view below sets. */
    private void listen(UI ui) {
        stopListening();
        LiveRefresh.pushOn(ui);
        subscription = changes.listen(Change.inModules("outside"), () -> {
            try {
                ui.access(this::show);
            } catch (UIDetachedException gone) {
                // Its detach ends the listening.
            }
        });
    }

    private void stopListening() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    void show() {
        List<SystemState> away;
        try {
            away = systems.states().stream().filter(SystemState::away)
                    .filter(state -> waitedOn.contains(state.system())).toList();
        } catch (RuntimeException databaseAway) {
            log.debug("The outside systems' states could not be read: {}", databaseAway.toString());
            return; // the database's own page says so; the banner keeps what it showed
        }
        removeAll();
        if (away.isEmpty()) {
            return;
        }
        Map<OutsideSystem, Long> counts = counts();
        for (SystemState state : away) {
            Span line = new Span(text(state, counts.get(state.system())));
            line.addClassName("outside-away");
            line.setId("outside-away-" + state.system().tag());
            line.getElement().setAttribute("role", "status");
            add(line);
        }
    }

    private String text(SystemState state, @Nullable Long count) {
        String name = getTranslation(state.system().labelKey());
        String since = when(state.awaySince());
        StringBuilder text = new StringBuilder(state.lastContact() == null
                ? getTranslation("outside.banner.away-never", name, since)
                : getTranslation("outside.banner.away", name, since, when(state.lastContact())));
        String work = switch (state.system()) {
            case MAIL, WHATSAPP, SMS -> count == null ? getTranslation("outside.banner.messages-resume")
                    : getTranslation("outside.banner.messages", count);
            case BSRE -> count == null ? getTranslation("outside.banner.documents-wait")
                    : getTranslation("outside.banner.documents", count);
            case SIAK -> getTranslation("outside.banner.siak");
        };
        return text.append(' ').append(work).toString();
    }

    /** The work waiting per system, as the modules count it; none when a count could not be read. */
    private Map<OutsideSystem, Long> counts() {
        Map<OutsideSystem, Long> counts = new EnumMap<>(OutsideSystem.class);
        for (WaitingWork work : waiting) {
            try {
                work.waiting().forEach((system, count) -> counts.merge(system, count, Long::sum));
            } catch (RuntimeException failed) {
                log.debug("Waiting work could not be counted: {}", failed.toString());
            }
        }
        return counts;
    }

    /** The time today, or the day and time: the screens' one date format. */
    private String when(@Nullable Instant instant) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime at = instant.atZone(clock.getZone());
        return at.toLocalDate().equals(clock.instant().atZone(clock.getZone()).toLocalDate()) ? TIME.format(at)
                : DAY_AND_TIME.format(at);
    }
}
