package id.dukcapil.portal.booking;

import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.Outcome;
import id.dukcapil.portal.booking.internal.CitizenStore;
import id.dukcapil.portal.booking.internal.CitizenStore.Citizen;
import id.dukcapil.portal.booking.internal.CitizenStore.Attempt;
import id.dukcapil.portal.booking.internal.CitizenStore.Otp;
import id.dukcapil.portal.booking.internal.RegistrationSteps;
import id.dukcapil.portal.shared.PhoneNumber;
import id.dukcapil.portal.shared.Sha256;
import id.dukcapil.portal.shared.throttle.Limit;
import id.dukcapil.portal.shared.throttle.Throttle;
import id.dukcapil.portal.shared.throttle.Throttles;
import id.dukcapil.portal.shared.tx.WriteRetries;
import id.dukcapil.portal.staff.PasswordPolicy;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;

/**
 * Citizen accounts of the BDS web and app (not staff accounts): registration with a 6-digit OTP by e-mail,
 * sign-in, bearer tokens for the API, and a password reset by OTP. Every answer that could tell whether an
 * address is registered reads the same either way; codes and passwords are stored hashed. What a stranger can
 * repeat is throttled per e-mail address and per client address (decision 066), in counts every node shares
 * (decision 122).
 */
@Service
public class CitizenAccounts {

    public static final Duration OTP_VALIDITY = Duration.ofMinutes(10);
    public static final int OTP_MAX_ATTEMPTS = 5;
    /** A new code is sent at most this often, and at most {@link #OTP_MAX_PER_HOUR} an hour. */
    public static final Duration OTP_RESEND_INTERVAL = Duration.ofSeconds(60);
    public static final int OTP_MAX_PER_HOUR = 5;
    public static final int MAX_FAILED_SIGN_INS = 5;
    public static final Duration SIGN_IN_LOCK = Duration.ofMinutes(15);
    /** Wrong passwords per e-mail address, registered or not: the same answer either way. */
    public static final Limit SIGN_IN_FAILURES_PER_ADDRESS = Limit.of(MAX_FAILED_SIGN_INS, SIGN_IN_LOCK);
    /** Wrong passwords from one client address (generous: a carrier's NAT puts many phones behind one). */
    public static final Limit SIGN_IN_FAILURES_PER_CLIENT = Limit.of(50, SIGN_IN_LOCK);
    /** Wrong one-time codes from one client address, whatever the account. */
    public static final Limit OTP_FAILURES_PER_CLIENT = Limit.of(50, Duration.ofHours(1));
    /**
     * Wrong reset codes per e-mail address, registered or not: twice the tries of one code, then "try later" for
     * every address alike (an unknown address has no code whose five tries could run out).
     */
    public static final Limit RESET_FAILURES_PER_ADDRESS = Limit.of(2L * OTP_MAX_ATTEMPTS, Duration.ofHours(1));
    /** E-mails a stranger can trigger to one address (codes are also limited per account in the database). */
    public static final Limit MAILS_PER_RECIPIENT = Limit.of(OTP_MAX_PER_HOUR, Duration.ofHours(1));
    /** Requests that send an e-mail (register, new code, reset) from one client address. */
    public static final Limit MAIL_REQUESTS_PER_CLIENT = Limit.of(30, Duration.ofHours(1));
    private static final String VERIFY = "VERIFY";
    private static final String RESET = "RESET";
    private static final Set<String> LANGUAGES = Set.of("id", "en");

    private final CitizenStore citizens;
    private final WriteRetries retries;
    private final CitizenTokens tokens;
    private final PasswordEncoder passwordEncoder;
    private final BookingMails mails;
    private final AuditLog auditLog;
    private final Clock clock;
    private final RegistrationSteps registrationSteps;
    private final Throttle signInFailures;
    private final Throttle signInFailuresPerClient;
    private final Throttle otpFailuresPerClient;
    private final Throttle resetFailuresPerAddress;
    private final Throttle mailsPerRecipient;
    private final Throttle mailRequestsPerClient;
    private final SecureRandom random = new SecureRandom();
    /**
     * A hash of nothing anyone types: an unknown address costs the same work as a wrong password. Made at its first
     * use, not in the constructor: a hash is a tenth of a second of the start's main thread (issue 37).
     */
    private final SingletonSupplier<String> dummyHash;

    CitizenAccounts(CitizenStore citizens, CitizenTokens tokens, PasswordEncoder passwordEncoder,
                    BookingMails mails, AuditLog auditLog, Throttles throttles, Clock clock, WriteRetries retries,
                    RegistrationSteps registrationSteps) {
        this.citizens = citizens;
        this.registrationSteps = registrationSteps;
        this.retries = retries;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.mails = mails;
        this.auditLog = auditLog;
        this.clock = clock;
        this.signInFailures = throttles.of("booking.sign-in.address", SIGN_IN_FAILURES_PER_ADDRESS);
        this.signInFailuresPerClient = throttles.of("booking.sign-in.client", SIGN_IN_FAILURES_PER_CLIENT);
        this.otpFailuresPerClient = throttles.of("booking.otp.client", OTP_FAILURES_PER_CLIENT);
        this.resetFailuresPerAddress = throttles.of("booking.reset.address", RESET_FAILURES_PER_ADDRESS);
        this.mailsPerRecipient = throttles.of("booking.mail.recipient", MAILS_PER_RECIPIENT);
        this.mailRequestsPerClient = throttles.of("booking.mail.client", MAIL_REQUESTS_PER_CLIENT);
        this.dummyHash = SingletonSupplier.of(() -> passwordEncoder.encode(java.util.UUID.randomUUID().toString()));
    }

    /**
     * A registration attempt: a code is e-mailed for it, and only that code, typed with this attempt's handle, makes
     * its password the account's. An address waiting for verification keeps its details; another attempt gets its own
     * code, which this attempt's handle neither resends nor accepts (decisions 067 and 119). For an address already
     * verified, its owner is told by e-mail instead; the caller's answer, a handle alike, is the same.
     *
     * @param client the client's network address, for the throttles
     * @return the attempt's handle, for {@link #verify} and {@link #resendCode}: only its client holds it
     */
    @Transactional
    public String register(Registration registration, Locale locale, String client) {
        return register(registration, locale, client, null);
    }

    /**
     * As {@link #register(Registration, Locale, String)}, from a form opened at {@code formOpenedAt}: SOP A's step 3
     * is timed from it when the registration is taken.
     */
    @Transactional
    public String register(Registration registration, Locale locale, String client, @Nullable Instant formOpenedAt) {
        List<String> broken = new ArrayList<>(); // every rule the form breaks, so that each field can say its own
        String email = null;
        try {
            email = Registration.plainEmail(registration.email());
        } catch (BookingRefused invalid) {
            broken.addAll(invalid.messageKeys().subList(1, invalid.messageKeys().size()));
        }
        String name = registration.fullName().strip().replaceAll("\\s+", " ");
        if (!Registration.validName(name)) {
            broken.add("booking.account.name");
        }
        String phone = PhoneNumber.normalized(registration.phone()).orElse(null);
        if (phone == null) {
            broken.add("booking.account.phone");
        }
        broken.addAll(PasswordPolicy.violations(email == null ? "" : email.substring(0, email.indexOf('@')),
                registration.password()));
        if (!broken.isEmpty() || email == null) {
            throw new BookingRefused(RefusalCode.ACCOUNT_INVALID, broken, PasswordPolicy.MIN_LENGTH, Registration.NAME_MAX_LENGTH);
        }
        mailRequestFrom(client);
        String handle = CitizenTokens.newSecret();
        Attempt attempt = new Attempt(name, Objects.requireNonNull(phone),
                Objects.requireNonNull(passwordEncoder.encode(registration.password())), language(locale),
                Sha256.hex(handle));
        Optional<Citizen> existing = citizens.byEmailForUpdate(email);
        if (existing.isPresent() && existing.get().verified()) {
            if (mailsPerRecipient.tryTake(email)) {
                mails.alreadyRegistered(email, existing.get().fullName(), locale(existing.get()));
            }
            sameWorkAsACode(); // as long as a new address's registration, whose code is hashed
            audit(existing.get(), "booking.account.registered-again", Outcome.REFUSED);
            return handle;
        }
        long id;
        if (existing.isPresent()) {
            id = existing.get().id();
        } else {
            try {
                id = citizens.insert(name, email, attempt.phone(), attempt.passwordHash(), attempt.locale(), clock.instant());
            } catch (DuplicateKeyException raced) {
                sameWorkAsACode();
                return handle;
            }
        }
        Citizen citizen = citizens.byId(id).orElseThrow();
        audit(citizen, "booking.account.registered", Outcome.SUCCESS);
        sendCode(citizen, VERIFY, attempt);
        registrationSteps.registered(id, formOpenedAt, clock.instant());
        return handle;
    }

    /**
     * A new code for the registration attempt of this handle, if its address still waits for verification
     * (throttled); same answer always. Another attempt's code is never sent for it: whoever registered the address
     * after the citizen did gets nothing from the citizen's "send again".
     */
    @Transactional
    public void resendCode(String email, String attempt, String client) {
        mailRequestFrom(client);
        citizens.byEmailForUpdate(Registration.normalisedEmail(email)).filter(citizen -> !citizen.verified())
                .ifPresent(citizen -> citizens.attemptForUpdate(citizen.id(), Sha256.hex(attempt))
                        .ifPresent(details -> sendCode(citizen, VERIFY, details)));
    }

    /**
     * The code from the e-mail verifies the account with the details of the attempt it was sent for, and signs
     * the citizen in (SOP A step 4). Only the code of this handle's attempt counts: another attempt's code, though it
     * reached the same mailbox, is wrong here.
     */
    @Transactional(noRollbackFor = BookingRefused.class)
    public CitizenSession verify(String email, String attempt, String code, String client) {
        String typed = wellFormed(code);
        refuseIfOtpThrottled(client);
        Optional<Citizen> pending = citizens.byEmailForUpdate(Registration.normalisedEmail(email)).filter(found -> !found.verified());
        if (pending.isEmpty()) {
            passwordEncoder.matches(typed, dummyHash.obtain());
            otpFailuresPerClient.take(client);
            throw new BookingRefused(RefusalCode.OTP_INVALID);
        }
        Citizen citizen = pending.get();
        Otp otp = matchingCode(citizen, VERIFY, Sha256.hex(attempt), typed, client);
        Instant now = clock.instant();
        citizens.verifiedWith(citizen.id(), Objects.requireNonNull(otp.attempt()), now); // a keyed code has its attempt
        citizens.otpsUsed(citizen.id(), VERIFY, now);
        registrationSteps.verified(citizen.id(), otp.createdAt(), now);
        Citizen verified = citizens.byId(citizen.id()).orElseThrow();
        audit(verified, "booking.account.verified", Outcome.SUCCESS);
        return CitizenTokens.sessionOf(verified);
    }

    /**
     * Signs in with e-mail and password. Five wrong passwords for an address, registered or not, and fifty from
     * one client address are answered "try later" for a while: the same answer whether the address has an account.
     * The address's try is taken before its password is checked, and given back when the password was right: tries
     * sent at once, to any node, queue on the address's count, and no more than five are ever checked (decision 122).
     */
    @Transactional(noRollbackFor = BookingRefused.class)
    public CitizenSession signIn(String email, String password, String client) {
        String address = Registration.normalisedEmail(email);
        if (signInFailuresPerClient.spent(client) || !signInFailures.tryTake(address)) {
            throw new BookingRefused(RefusalCode.SIGN_IN_THROTTLED, SIGN_IN_LOCK.toMinutes());
        }
        Optional<Citizen> found = citizens.byEmail(address);
        if (found.isEmpty()) {
            // The same work as for a registered address: the time taken does not tell either.
            passwordEncoder.matches(password, dummyHash.obtain());
            throw signInFailed(client);
        }
        Citizen citizen = found.get();
        if (!passwordEncoder.matches(password, citizen.passwordHash())) {
            audit(citizen, "booking.account.sign-in", Outcome.REFUSED);
            throw signInFailed(client);
        }
        if (!citizen.verified()) {
            signInFailures.giveBack(address); // the right password: not a failure, yet nothing to forgive either
            throw new BookingRefused(RefusalCode.SIGN_IN_FAILED, List.of("booking.account.unverified"));
        }
        signInFailures.forgive(address);
        audit(citizen, "booking.account.sign-in", Outcome.SUCCESS);
        return CitizenTokens.sessionOf(citizen);
    }

    /** E-mails a reset code if the address has a verified account (throttled); same answer always. */
    @Transactional
    public void requestPasswordReset(String email, String client) {
        mailRequestFrom(client);
        citizens.byEmailForUpdate(Registration.normalisedEmail(email)).filter(Citizen::verified)
                .ifPresentOrElse(citizen -> sendCode(citizen, RESET, null), this::sameWorkAsACode);
    }

    /**
     * The work of {@link #sendCode} that takes time (hashing a code), for an answer that sends none: an address
     * without a verified account answers as late as one with (issue 52 item 5).
     */
    private void sameWorkAsACode() {
        passwordEncoder.encode("%06d".formatted(random.nextInt(1_000_000)));
    }

    /**
     * A new password with the code from the reset e-mail; every API token of the account ends. The code is checked
     * first: a wrong one reads the same, and costs the same, whether the address is verified, pending or unknown;
     * only the holder of the right code hears what the password rules say.
     */
    @Transactional(noRollbackFor = BookingRefused.class)
    public void resetPassword(String email, String code, String newPassword, String client) {
        String typed = wellFormed(code);
        String address = Registration.normalisedEmail(email);
        // The address's try is taken before the code is checked, as a sign-in's is: tries sent at once are counted.
        if (otpFailuresPerClient.spent(client) || !resetFailuresPerAddress.tryTake(address)) {
            throw new BookingRefused(RefusalCode.OTP_THROTTLED);
        }
        Optional<Citizen> verified = citizens.byEmailForUpdate(address).filter(Citizen::verified);
        if (verified.isEmpty()) {
            passwordEncoder.matches(typed, dummyHash.obtain());
            otpFailuresPerClient.take(client);
            throw new BookingRefused(RefusalCode.OTP_INVALID);
        }
        Citizen citizen = verified.get();
        matchingCode(citizen, RESET, null, typed, client);
        List<String> broken = PasswordPolicy.violations(citizen.email().substring(0, citizen.email().indexOf('@')),
                newPassword);
        if (!broken.isEmpty()) {
            resetFailuresPerAddress.giveBack(address); // the right code: the citizen may try another password
            throw new BookingRefused(RefusalCode.ACCOUNT_INVALID, broken, PasswordPolicy.MIN_LENGTH);
        }
        resetFailuresPerAddress.forgive(address);
        citizens.otpsUsed(citizen.id(), RESET, clock.instant());
        citizens.changePassword(citizen.id(), Objects.requireNonNull(passwordEncoder.encode(newPassword)));
        tokens.endAllOf(citizen.id());
        signInFailures.forgive(citizen.email());
        audit(citizen, "booking.account.password-reset", Outcome.SUCCESS);
    }

    /** @param attempt the registration attempt a verification code is for */
    private void sendCode(Citizen citizen, String purpose, @Nullable Attempt attempt) {
        Instant now = clock.instant();
        String code = "%06d".formatted(random.nextInt(1_000_000));
        // Hashed before the throttle is asked: a code sent, a code held back and an address that gets none
        // (sameWorkAsACode) cost the same, so the time of the answer does not tell them apart (issue 52 item 5).
        String codeHash = Objects.requireNonNull(passwordEncoder.encode(code));
        Optional<Otp> last = citizens.latestOtpForUpdate(citizen.id(), purpose);
        boolean tooSoon = last.isPresent() && last.get().createdAt().plus(OTP_RESEND_INTERVAL).isAfter(now);
        if (tooSoon || citizens.otpsSince(citizen.id(), now.minus(Duration.ofHours(1))) >= OTP_MAX_PER_HOUR
                || !mailsPerRecipient.tryTake(citizen.email())) {
            audit(citizen, "booking.otp.throttled", Outcome.REFUSED);
            return;
        }
        // The new code replaces the older ones of the same attempt (or every older reset code); another attempt's stay.
        citizens.otpsReplaced(citizen.id(), purpose, attempt == null ? null : attempt.key(), now);
        citizens.insertOtp(citizen.id(), purpose, codeHash, now,
                now.plus(OTP_VALIDITY), attempt);
        // A verification code greets the name its own attempt typed; the account's name is not the stranger's to see.
        mails.otp(citizen.email(), attempt == null ? citizen.fullName() : attempt.fullName(), code,
                OTP_VALIDITY.toMinutes(), attempt == null ? locale(citizen) : Locale.forLanguageTag(attempt.locale()));
        audit(citizen, "booking.otp.sent", Outcome.SUCCESS);
    }

    /**
     * One try against the live code of the purpose and attempt (a resend replaces an attempt's older code): wrong,
     * expired, used, another attempt's or tried five times all read the same.
     */
    private Otp matchingCode(Citizen citizen, String purpose, @Nullable String attemptKey, String typed, String client) {
        List<Otp> live = citizens.liveOtpsForUpdate(citizen.id(), purpose, attemptKey, clock.instant(), OTP_MAX_ATTEMPTS, 1);
        if (live.isEmpty()) {
            passwordEncoder.matches(typed, dummyHash.obtain()); // no live code takes as long as a wrong one
        }
        for (Otp otp : live) {
            citizens.otpAttempt(otp.id());
            if (passwordEncoder.matches(typed, otp.codeHash())) {
                return otp;
            }
        }
        otpFailuresPerClient.take(client);
        audit(citizen, "booking.otp.checked", Outcome.REFUSED);
        throw new BookingRefused(RefusalCode.OTP_INVALID);
    }

    /** Six digits, or refused as a typing slip: a code that cannot be right spends none of the five tries. */
    private static String wellFormed(String code) {
        String typed = code.strip();
        if (!typed.matches("\\d{6}")) {
            throw new BookingRefused(RefusalCode.OTP_MALFORMED);
        }
        return typed;
    }

    /** The address's try was taken before the check; the client's failures are counted as they happen. */
    private BookingRefused signInFailed(String client) {
        signInFailuresPerClient.take(client);
        return new BookingRefused(RefusalCode.SIGN_IN_FAILED);
    }

    private void refuseIfOtpThrottled(String client) {
        if (otpFailuresPerClient.spent(client)) {
            throw new BookingRefused(RefusalCode.OTP_THROTTLED);
        }
    }

    /** Anything that sends an e-mail, counted per client address: a flood is told to wait. */
    private void mailRequestFrom(String client) {
        if (!mailRequestsPerClient.tryTake(client)) {
            throw new BookingRefused(RefusalCode.OTP_THROTTLED);
        }
    }

    static Actor actorOf(CitizenSession session) {
        return new Actor(Actor.Type.CITIZEN, session.owner(), session.fullName(), Set.of(), null);
    }

    private void audit(Citizen citizen, String action, Outcome outcome) {
        auditLog.record(new Actor(Actor.Type.CITIZEN, "citizen:" + citizen.id(), citizen.fullName(), Set.of(), null),
                new AuditRecord(action, "CitizenAccount", String.valueOf(citizen.id()), outcome, null));
    }

    static Locale locale(Citizen citizen) {
        return Locale.forLanguageTag(citizen.locale());
    }

    private static String language(Locale locale) {
        return LANGUAGES.contains(locale.getLanguage()) ? locale.getLanguage() : "id";
    }
}
