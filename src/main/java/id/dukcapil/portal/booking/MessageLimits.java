package id.dukcapil.portal.booking;

import id.dukcapil.portal.booking.internal.CitizenStore;
import id.dukcapil.portal.shared.throttle.Limit;
import id.dukcapil.portal.shared.throttle.Throttle;
import id.dukcapil.portal.shared.throttle.Throttles;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * How often a citizen's own actions may make the portal send a message (decision 182, issue 52 item 1): moving or
 * cancelling a booking (a ticket, a notice), and asking for a code to prove a phone (an SMS). Each is counted per
 * account, per phone and per client address, in the database, once for the cluster (decision 122): a stranger's
 * account is free, and a message by phone costs the office money. A refusal says when to try again.
 *
 * <p>Each count joins the caller's transaction: a change refused later (a full day, a booking not open) rolls its
 * counts back with it, so only what was done, and sent, is counted.
 */
@Component
class MessageLimits {

    /** Moves and cancellations of one account: a family's ten bookings each moved once, in an hour. */
    public static final Limit CHANGES_PER_ACCOUNT = Limit.of(10, Duration.ofHours(1));
    /** Moves and cancellations whose messages go to one proved phone, whichever of its accounts made them. */
    public static final Limit CHANGES_PER_PHONE = Limit.of(10, Duration.ofHours(1));
    /** Moves and cancellations from one client address (a carrier's NAT puts many phones behind one). */
    public static final Limit CHANGES_PER_CLIENT = Limit.of(100, Duration.ofHours(1));
    /** Phone codes one account asks for, to any numbers. */
    public static final Limit CODES_PER_ACCOUNT = Limit.of(5, Duration.ofDays(1));
    /** Phone codes sent to one number, whichever accounts asked: a stranger's accounts cannot flood a phone. */
    public static final Limit CODES_PER_PHONE = Limit.of(5, Duration.ofDays(1));
    /** Phone codes asked for from one client address. */
    public static final Limit CODES_PER_CLIENT = Limit.of(20, Duration.ofHours(1));

    private final CitizenStore citizens;
    private final Throttle changesPerAccount;
    private final Throttle changesPerPhone;
    private final Throttle changesPerClient;
    private final Throttle codesPerAccount;
    private final Throttle codesPerPhone;
    private final Throttle codesPerClient;

    /** One per node; a test makes a second one on its own {@link Throttles} to play a second node. */
    MessageLimits(Throttles throttles, CitizenStore citizens) {
        this.citizens = citizens;
        this.changesPerAccount = throttles.of("booking.change.account", CHANGES_PER_ACCOUNT);
        this.changesPerPhone = throttles.of("booking.change.phone", CHANGES_PER_PHONE);
        this.changesPerClient = throttles.of("booking.change.client", CHANGES_PER_CLIENT);
        this.codesPerAccount = throttles.of("booking.phone-code.account", CODES_PER_ACCOUNT);
        this.codesPerPhone = throttles.of("booking.phone-code.phone", CODES_PER_PHONE);
        this.codesPerClient = throttles.of("booking.phone-code.client", CODES_PER_CLIENT);
    }

    /**
     * A move or a cancellation of the citizen's booking, from this client address. The phone counted is the
     * account's proved one (the only one its messages may reach): an unproved number typed into strangers' accounts
     * spends nothing of its owner's.
     *
     * @throws BookingRefused {@link RefusalCode#CHANGE_THROTTLED} with the wait, when a count is spent
     */
    void change(CitizenSession citizen, String client) {
        take(RefusalCode.CHANGE_THROTTLED, changesPerAccount, citizen.owner(), changesPerPhone,
                citizens.provedPhone(citizen.citizenId()).orElse(null), changesPerClient, client);
    }

    /**
     * A code sent to this number for the citizen's account, from this client address.
     *
     * @throws BookingRefused {@link RefusalCode#PHONE_CODE_THROTTLED} with the wait, when a count is spent
     */
    void code(CitizenSession citizen, String phone, String client) {
        take(RefusalCode.PHONE_CODE_THROTTLED, codesPerAccount, citizen.owner(), codesPerPhone, phone, codesPerClient,
                client);
    }

    private static void take(RefusalCode refusal, Throttle perAccount, String account, Throttle perPhone,
                             @Nullable String phone, Throttle perClient, String client) {
        refuseUnless(refusal, perAccount, account);
        if (phone != null) {
            refuseUnless(refusal, perPhone, phone);
        }
        refuseUnless(refusal, perClient, client);
    }

    private static void refuseUnless(RefusalCode refusal, Throttle throttle, String key) {
        if (!throttle.tryTake(key)) {
            throw refused(refusal, throttle.untilNext(key));
        }
    }

    /** The refusal with its wait: in whole minutes in the words, in seconds in {@code Retry-After}. */
    static BookingRefused refused(RefusalCode refusal, Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return new BookingRefused(refusal, minutes).retryingAfter(wait);
    }
}
