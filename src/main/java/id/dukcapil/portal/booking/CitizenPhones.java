package id.dukcapil.portal.booking;

import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.Outcome;
import id.dukcapil.portal.booking.internal.CitizenStore;
import id.dukcapil.portal.booking.internal.PhoneCodeStore;
import id.dukcapil.portal.notification.Channel;
import id.dukcapil.portal.notification.OfficeChannels;
import id.dukcapil.portal.shared.PhoneNumber;
import id.dukcapil.portal.shared.throttle.Limit;
import id.dukcapil.portal.shared.throttle.Throttle;
import id.dukcapil.portal.shared.throttle.Throttles;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;

/**
 * A citizen proves a phone number before the portal sends anything to it by WhatsApp or SMS (decision 182, issue 52
 * item 1): a 6-digit code goes by SMS to the number, and the number becomes the account's phone, proved, only when the
 * code is given back. Until then the account keeps the phone it had (proved or not), and its messages keep their
 * way: a number nobody proved never receives them.
 *
 * <p>The code is hashed (BCrypt, as the e-mail codes), lives ten minutes and five tries, and a newer one replaces it.
 * Codes asked for are limited per account, per number and per client address ({@link MessageLimits}), at most one a
 * minute per account; wrong codes per account and per client address. Every count is the database's, one for the
 * cluster.
 */
@Service
public class CitizenPhones {

    public static final Duration CODE_VALIDITY = Duration.ofMinutes(10);
    public static final int CODE_MAX_ATTEMPTS = 5;
    /** A new code is sent at most this often per account. */
    public static final Duration CODE_RESEND_INTERVAL = Duration.ofSeconds(60);
    /** Wrong codes per account: twice a code's tries, then a wait, whatever the number. */
    public static final Limit WRONG_CODES_PER_ACCOUNT = Limit.of(2L * CODE_MAX_ATTEMPTS, Duration.ofHours(1));
    /** Wrong codes from one client address, whatever the account. */
    public static final Limit WRONG_CODES_PER_CLIENT = Limit.of(50, Duration.ofHours(1));

    private final CitizenStore citizens;
    private final PhoneCodeStore codes;
    private final MessageLimits limits;
    private final BookingMails mails;
    private final OfficeChannels officeChannels;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog auditLog;
    private final Clock clock;
    private final Throttle wrongCodesPerAccount;
    private final Throttle wrongCodesPerClient;
    private final SecureRandom random = new SecureRandom();
    /** A hash of nothing anyone types: no live code costs the same work as a wrong one. */
    private final SingletonSupplier<String> dummyHash;

    CitizenPhones(CitizenStore citizens, PhoneCodeStore codes, MessageLimits limits, BookingMails mails,
                  OfficeChannels officeChannels, PasswordEncoder passwordEncoder, AuditLog auditLog, Throttles throttles,
                  Clock clock) {
        this.citizens = citizens;
        this.codes = codes;
        this.limits = limits;
        this.mails = mails;
        this.officeChannels = officeChannels;
        this.passwordEncoder = passwordEncoder;
        this.auditLog = auditLog;
        this.clock = clock;
        this.wrongCodesPerAccount = throttles.of("booking.phone-proof.account", WRONG_CODES_PER_ACCOUNT);
        this.wrongCodesPerClient = throttles.of("booking.phone-proof.client", WRONG_CODES_PER_CLIENT);
        this.dummyHash = SingletonSupplier.of(() -> passwordEncoder.encode(java.util.UUID.randomUUID().toString()));
    }

    /**
     * The account's phone and whether it is proved, and the number awaiting its code, if any.
     *
     * @param phone   the account's phone (+62…), as registered or last proved
     * @param pending the number a live code was sent to, until it expires
     */
    public record PhoneStatus(String phone, boolean proved, @Nullable String pending, @Nullable Instant pendingUntil) {
    }

    /** A code sent: the number it went to and until when it counts. */
    public record CodeSent(String phone, Instant expiresAt) {
    }

    @Transactional(readOnly = true)
    public PhoneStatus status(CitizenSession citizen) {
        CitizenStore.PhoneOfAccount phone = citizens.phone(citizen.citizenId());
        Optional<PhoneCodeStore.Code> pending = codes.pending(citizen.citizenId(), clock.instant(), CODE_MAX_ATTEMPTS);
        return new PhoneStatus(phone.phone(), phone.proved(), pending.map(PhoneCodeStore.Code::phone).orElse(null),
                pending.map(PhoneCodeStore.Code::expiresAt).orElse(null));
    }

    /** Whether this office can send the code at all: a phone is proved by SMS. */
    public boolean proofOffered() {
        return officeChannels.offered().contains(Channel.SMS);
    }

    /**
     * Sends a code by SMS to the number, to prove it for the citizen's account; the same number again sends a new code
     * (the older one no longer counts). Refused, with the wait, at most once a minute per account and within
     * {@link MessageLimits}'s counts per account, per number and per client address; refused where the office sends no
     * SMS. The code is hashed before the limits are asked, as an e-mail code is (decision 181).
     *
     * @param typed  the number as typed (0812…, +62 812…)
     * @param client the client's network address, for the limit
     * @throws BookingRefused ACCOUNT_INVALID for a number that is not Indonesian mobile, PHONE_PROOF_UNAVAILABLE,
     *                        PHONE_CODE_THROTTLED
     */
    @Transactional
    public CodeSent sendCode(CitizenSession citizen, String typed, String client) {
        String phone = PhoneNumber.normalized(typed)
                .orElseThrow(() -> new BookingRefused(RefusalCode.ACCOUNT_INVALID, List.of("booking.account.phone")));
        if (!proofOffered()) {
            throw new BookingRefused(RefusalCode.PHONE_PROOF_UNAVAILABLE);
        }
        String code = "%06d".formatted(random.nextInt(1_000_000));
        String codeHash = Objects.requireNonNull(passwordEncoder.encode(code));
        citizens.phoneForUpdate(citizen.citizenId()); // one code at a time per account
        Instant now = clock.instant();
        Optional<PhoneCodeStore.Code> last = codes.latest(citizen.citizenId());
        if (last.isPresent() && last.get().createdAt().plus(CODE_RESEND_INTERVAL).isAfter(now)) {
            throw MessageLimits.refused(RefusalCode.PHONE_CODE_THROTTLED,
                    Duration.between(now, last.get().createdAt().plus(CODE_RESEND_INTERVAL)));
        }
        // Rolled back with a refusal after it (a later count spent): a code not sent is counted nowhere.
        limits.code(citizen, phone, client);
        Instant expiresAt = now.plus(CODE_VALIDITY);
        codes.insert(citizen.citizenId(), phone, codeHash, now, expiresAt);
        mails.phoneCode(phone, code, CODE_VALIDITY.toMinutes(), citizen.locale());
        audit(citizen, "booking.account.phone-code-sent", Outcome.SUCCESS, PhoneNumber.masked(phone));
        return new CodeSent(phone, expiresAt);
    }

    /**
     * The code from the SMS proves its number: it becomes the account's phone, proved, and WhatsApp and SMS may be
     * chosen for it. Wrong, expired, replaced or tried five times read the same; ten wrong codes an hour per account,
     * or fifty per client address, and every try is refused for a while, before any code is checked.
     *
     * @throws BookingRefused PHONE_CODE_MALFORMED (no try spent), PHONE_CODE_INVALID, PHONE_CODE_THROTTLED
     */
    @Transactional(noRollbackFor = BookingRefused.class)
    public PhoneStatus prove(CitizenSession citizen, String typedCode, String client) {
        String typed = typedCode.strip();
        if (!typed.matches("\\d{6}")) {
            throw new BookingRefused(RefusalCode.PHONE_CODE_MALFORMED);
        }
        String account = citizen.owner();
        // The account's try is taken before the code is checked, as a sign-in's is: tries sent at once are counted.
        if (wrongCodesPerClient.spent(client)) {
            throw MessageLimits.refused(RefusalCode.PHONE_CODE_THROTTLED, wrongCodesPerClient.untilNext(client));
        }
        if (!wrongCodesPerAccount.tryTake(account)) {
            throw MessageLimits.refused(RefusalCode.PHONE_CODE_THROTTLED, wrongCodesPerAccount.untilNext(account));
        }
        Instant now = clock.instant();
        citizens.phoneForUpdate(citizen.citizenId()); // the account's row first, as a code sent locks it: no deadlock
        Optional<PhoneCodeStore.Code> live = codes.liveForUpdate(citizen.citizenId(), now, CODE_MAX_ATTEMPTS);
        if (live.isEmpty()) {
            passwordEncoder.matches(typed, dummyHash.obtain()); // no live code takes as long as a wrong one
        } else {
            codes.attempt(live.get().id());
            if (passwordEncoder.matches(typed, live.get().codeHash())) {
                String phone = live.get().phone();
                citizens.phoneProved(citizen.citizenId(), phone, now);
                codes.used(citizen.citizenId(), now);
                wrongCodesPerAccount.giveBack(account);
                audit(citizen, "booking.account.phone-proved", Outcome.SUCCESS, PhoneNumber.masked(phone));
                return status(citizen);
            }
        }
        wrongCodesPerClient.take(client);
        audit(citizen, "booking.account.phone-code-checked", Outcome.REFUSED, null);
        throw new BookingRefused(RefusalCode.PHONE_CODE_INVALID);
    }

    private void audit(CitizenSession citizen, String action, Outcome outcome, @Nullable String detail) {
        auditLog.record(new Actor(Actor.Type.CITIZEN, citizen.owner(), citizen.fullName(), Set.of(), null),
                new AuditRecord(action, "CitizenAccount", String.valueOf(citizen.citizenId()), outcome, detail));
    }
}
