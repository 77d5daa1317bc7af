package id.dukcapil.portal.staff.internal;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * A staff session lives only while its account still grants what it was signed in with (issue 52 item 6): an
 * administrator who deactivates an account, changes its roles, name or service point, or resets its password ends
 * its open sessions on every node within seconds. Each node asks the database for the account's
 * {@link StaffAccountEntity#accessStamp() access stamp}, at most once every {@link #FRESH_NANOS} per account, and
 * compares it with the one the session was signed in with:
 * <ul>
 *   <li>on every request ({@link StaffSessionCheck}): the request goes on signed out;</li>
 *   <li>every two seconds, over the node's open screens: a screen that only receives (a desk's live refresh) is
 *   sent to the sign-in page, and its session ended by the next sweep if it is still open, so it stops receiving
 *   what its account may no longer see.</li>
 * </ul>
 * On the node where the administrator made the change, the account's screens are sent away as soon as the change
 * commits ({@link #accessChanged}): an office with one node does not wait for a sweep, and no sweep waits for a busy
 * scheduler. One screen's failure is logged and never stops the others'. Only the sweep ends a session (and audits
 * it), on its own thread.
 */
@Component
public class StaffSessions implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(StaffSessions.class);

    static final long FRESH_NANOS = 2_000_000_000L;

    private final StaffAccountRepository accounts;
    private final AuditLog auditLog;
    private final Executor executor;
    /** The sweeps on this node and how long they take: a count that stops is a node no longer ending sessions. */
    private final Timer sweeps;
    private final ConcurrentHashMap<Long, Read> read = new ConcurrentHashMap<>();
    private final Set<VaadinSession> open = ConcurrentHashMap.newKeySet();
    /** Screens sent to the sign-in page by a sweep: ended by the next if still open. */
    private final Set<VaadinSession> toldToLeave = ConcurrentHashMap.newKeySet();

    private record Read(Optional<String> stamp, long atNanos) {
    }

    StaffSessions(StaffAccountRepository accounts, AuditLog auditLog,
                  @Qualifier("applicationTaskExecutor") Executor executor, MeterRegistry meters) {
        this.accounts = accounts;
        this.auditLog = auditLog;
        this.executor = executor;
        this.sweeps = Timer.builder("portal.staff.sessions.sweeps")
                .description("Sweeps of this node's open staff screens against their accounts").register(meters);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> open.add(init.getSession()));
        event.getSource().addSessionDestroyListener(destroy -> {
            open.remove(destroy.getSession());
            toldToLeave.remove(destroy.getSession());
        });
    }

    /** Whether the account still grants what the session was signed in with. */
    boolean stillGranted(StaffPrincipal principal) {
        long now = System.nanoTime();
        Read last = read.get(principal.accountId());
        if (last == null || now - last.atNanos() > FRESH_NANOS) {
            last = believe(principal.accountId(),
                    new Read(accounts.findById(principal.accountId()).map(StaffAccountEntity::accessStamp), now));
        }
        return last.stamp().filter(principal.accessStamp()::equals).isPresent();
    }

    /**
     * After an administrator's change to the account committed on this node: its new stamp is believed at once and
     * the account's open screens here are sent to the sign-in page now, their sessions ended by the next sweep if
     * still open.
     */
    public void accessChanged(long accountId, String stamp) {
        believe(accountId, new Read(Optional.of(stamp), System.nanoTime()));
        // Not on the administrator's thread: it still holds the finished transaction's resources, and the lock of
        // the administrator's own screen, whose queued work would run there.
        executor.execute(() -> open.forEach(session -> check(session, accountId)));
    }

    /** Keeps the read begun last: a read begun before a change committed never replaces what the change told. */
    private Read believe(long accountId, Read fresh) {
        return read.merge(accountId, fresh, (kept, offered) -> offered.atNanos() - kept.atNanos() >= 0 ? offered : kept);
    }

    /** Records that a session of {@code principal} ended because its account changed. */
    void ended(StaffPrincipal principal) {
        auditLog.record(Actor.system("staff-sessions"), AuditRecord.success("staff.session-ended",
                SignInAttempts.SUBJECT, principal.getUsername()).withDetail("the account changed"));
    }

    /**
     * Every two seconds, on each node: an open screen whose account changed is sent to the sign-in page (its request
     * there ends the session, {@link StaffSessionCheck}); a session still open at the next sweep (a browser gone, or
     * one that ignored the page change) is ended here.
     */
    @Scheduled(fixedDelayString = "${portal.staff.session-sweep:PT2S}", initialDelayString = "PT2S")
    void sweep() {
        sweeps.record(() -> open.forEach(session -> check(session, null)));
    }

    /**
     * One open screen: sent away, or ended by the sweep if it was sent away before; only the given account's, and
     * never ended, when one is given.
     */
    private void check(VaadinSession session, @Nullable Long onlyAccount) {
        try {
            WrappedSession http = session.getSession();
            StaffPrincipal principal = http == null ? null : principal(http);
            if (principal == null || onlyAccount != null && principal.accountId() != onlyAccount
                    || stillGranted(principal)) {
                return;
            }
            if (toldToLeave.add(session)) {
                log.info("The screens of {} are sent to the sign-in page: the account changed", principal.getUsername());
                session.access(() -> session.getUIs().forEach(ui -> ui.getPage().setLocation("login")));
                return;
            }
            if (onlyAccount != null) {
                return; // already told; the sweep ends it
            }
            try {
                http.invalidate();
                ended(principal);
            } catch (IllegalStateException endedMeanwhile) {
                // ended by its own request, and recorded there
            }
        } catch (RuntimeException e) {
            log.warn("A staff session could not be checked against its account; the next sweep tries again", e);
        }
    }

    private static StaffPrincipal principal(WrappedSession http) {
        try {
            return http.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                    instanceof SecurityContext context && context.getAuthentication() != null
                    && context.getAuthentication().getPrincipal() instanceof StaffPrincipal principal ? principal : null;
        } catch (IllegalStateException ended) {
            return null;
        }
    }
}
