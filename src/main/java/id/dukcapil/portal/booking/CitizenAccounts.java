package id.dukcapil.portal.booking;

import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.Outcome;
import id.dukcapil.portal.booking.internal.CitizenStore;
import id.dukcapil.portal.booking.internal.CitizenStore.Citizen;
import id.dukcapil.portal.booking.internal.CitizenStore.Otp;
import id.dukcapil.portal.staff.PasswordPolicy;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Citizen accounts of the BDS web and app (not staff accounts): registration with a 6-digit OTP by e-mail,
 * sign-in, bearer tokens for the API, and a password reset by OTP. Every answer that could tell whether an
 * address is registered reads the same either way; codes and passwords are stored hashed.
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
    public static final Duration TOKEN_VALIDITY = Duration.ofHours(12);
    private static final String VERIFY = "VERIFY";
    private static final String RESET = "RESET";
    private static final Set<String> LANGUAGES = Set.of("id", "en");

    private final CitizenStore citizens;
    private final PasswordEncoder passwordEncoder;
    private final BookingMails mails;
    private final AuditLog auditLog;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** A hash of nothing anyone types: an unknown address costs the same work as a wrong password. */
    private final String dummyHash;

    CitizenAccounts(CitizenStore citizens, PasswordEncoder passwordEncoder, BookingMails mails, AuditLog auditLog,
                    Clock clock) {
        this.citizens = citizens;
        this.passwordEncoder = passwordEncoder;
        this.mails = mails;
        this.auditLog = auditLog;
        this.clock = clock;
        this.dummyHash = Objects.requireNonNull(passwordEncoder.encode(java.util.UUID.randomUUID().toString()));
    }

    /**
     * Opens an account and e-mails a code to verify it. For an address already verified, its owner is told by
     * e-mail instead; the caller's answer is the same.
     */
    @Transactional
    public void register(Registration registration, Locale locale) {
        String email = email(registration.email());
        List<String> broken = new ArrayList<>();
        String name = registration.fullName().strip();
        if (name.isEmpty() || name.length() > Registration.NAME_MAX_LENGTH) {
            broken.add("booking.account.name");
        }
        String phone = phone(registration.phone());
        if (phone == null) {
            broken.add("booking.account.phone");
        }
        broken.addAll(PasswordPolicy.violations(email.substring(0, email.indexOf('@')), registration.password()));
        if (!broken.isEmpty()) {
            throw new BookingRefused(RefusalCode.ACCOUNT_INVALID, broken, PasswordPolicy.MIN_LENGTH);
        }
        String hash = Objects.requireNonNull(passwordEncoder.encode(registration.password()));
        String language = language(locale);
        Optional<Citizen> existing = citizens.byEmailForUpdate(email);
        if (existing.isPresent() && existing.get().verified()) {
            mails.alreadyRegistered(email, existing.get().fullName(), locale(existing.get()));
            audit(existing.get(), "booking.account.registered-again", Outcome.REFUSED);
            return;
        }
        long id;
        if (existing.isPresent()) {
            id = existing.get().id();
            citizens.replaceUnverified(id, name, Objects.requireNonNull(phone), hash, language);
        } else {
            try {
                id = citizens.insert(name, email, Objects.requireNonNull(phone), hash, language, clock.instant());
            } catch (DuplicateKeyException raced) {
                return;
            }
        }
        Citizen citizen = citizens.byId(id).orElseThrow();
        audit(citizen, "booking.account.registered", Outcome.SUCCESS);
        sendCode(citizen, VERIFY);
    }

    /** Sends a new verification code if an unverified account has the address (throttled); same answer always. */
    @Transactional
    public void resendCode(String email) {
        citizens.byEmailForUpdate(normalised(email)).filter(citizen -> !citizen.verified())
                .ifPresent(citizen -> sendCode(citizen, VERIFY));
    }

    /** The code from the e-mail verifies the account and signs the citizen in (SOP A step 4). */
    @Transactional(noRollbackFor = BookingRefused.class)
    public CitizenSession verify(String email, String code) {
        Citizen citizen = citizens.byEmailForUpdate(normalised(email)).filter(found -> !found.verified())
                .orElseThrow(() -> new BookingRefused(RefusalCode.OTP_INVALID));
        checkCode(citizen, VERIFY, code);
        citizens.verified(citizen.id(), clock.instant());
        audit(citizen, "booking.account.verified", Outcome.SUCCESS);
        return session(citizen);
    }

    /** Signs in with e-mail and password; five failures lock the account for 15 minutes. */
    @Transactional(noRollbackFor = BookingRefused.class)
    public CitizenSession signIn(String email, String password) {
        Instant now = clock.instant();
        Optional<Citizen> found = citizens.byEmailForUpdate(normalised(email));
        if (found.isEmpty()) {
            // The same work as for a registered address: the time taken does not tell either.
            passwordEncoder.matches(password, dummyHash);
            throw new BookingRefused(RefusalCode.SIGN_IN_FAILED);
        }
        Citizen citizen = found.get();
        if (citizen.lockedUntil() != null && citizen.lockedUntil().isAfter(now)) {
            audit(citizen, "booking.account.sign-in", Outcome.REFUSED);
            throw new BookingRefused(RefusalCode.SIGN_IN_THROTTLED, SIGN_IN_LOCK.toMinutes());
        }
        if (!passwordEncoder.matches(password, citizen.passwordHash())) {
            int failures = citizen.failedSignIns() + 1;
            citizens.signInFailed(citizen.id(), failures >= MAX_FAILED_SIGN_INS ? 0 : failures,
                    failures >= MAX_FAILED_SIGN_INS ? now.plus(SIGN_IN_LOCK) : null);
            audit(citizen, "booking.account.sign-in", Outcome.REFUSED);
            throw new BookingRefused(RefusalCode.SIGN_IN_FAILED);
        }
        if (!citizen.verified()) {
            throw new BookingRefused(RefusalCode.SIGN_IN_FAILED, List.of("booking.account.unverified"));
        }
        citizens.signedIn(citizen.id());
        audit(citizen, "booking.account.sign-in", Outcome.SUCCESS);
        return session(citizen);
    }

    /** A bearer token for the API, valid {@link #TOKEN_VALIDITY}. */
    @Transactional
    public ApiToken issueToken(CitizenSession session) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(TOKEN_VALIDITY).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        citizens.insertToken(sha256(token), session.citizenId(), now, expiresAt);
        return new ApiToken(token, expiresAt);
    }

    /**
     * The citizen a bearer token belongs to, while it is valid. Asked on every API call: one plain read, without
     * the round trips a transaction costs.
     */
    public Optional<CitizenSession> byToken(String token) {
        return citizens.tokenOwner(sha256(token), clock.instant()).map(this::session);
    }

    @Transactional
    public void revoke(String token) {
        citizens.deleteToken(sha256(token));
    }

    /** E-mails a reset code if the address has a verified account (throttled); same answer always. */
    @Transactional
    public void requestPasswordReset(String email) {
        citizens.byEmailForUpdate(normalised(email)).filter(Citizen::verified).ifPresent(citizen -> sendCode(citizen, RESET));
    }

    /** A new password with the code from the reset e-mail; every API token of the account ends. */
    @Transactional(noRollbackFor = BookingRefused.class)
    public void resetPassword(String email, String code, String newPassword) {
        Citizen citizen = citizens.byEmailForUpdate(normalised(email)).filter(Citizen::verified)
                .orElseThrow(() -> new BookingRefused(RefusalCode.OTP_INVALID));
        List<String> broken = PasswordPolicy.violations(citizen.email().substring(0, citizen.email().indexOf('@')),
                newPassword);
        if (!broken.isEmpty()) {
            throw new BookingRefused(RefusalCode.ACCOUNT_INVALID, broken, PasswordPolicy.MIN_LENGTH);
        }
        checkCode(citizen, RESET, code);
        citizens.changePassword(citizen.id(), Objects.requireNonNull(passwordEncoder.encode(newPassword)));
        citizens.deleteTokensOf(citizen.id());
        audit(citizen, "booking.account.password-reset", Outcome.SUCCESS);
    }

    private void sendCode(Citizen citizen, String purpose) {
        Instant now = clock.instant();
        Optional<Otp> last = citizens.latestOtpForUpdate(citizen.id(), purpose);
        boolean tooSoon = last.isPresent() && last.get().createdAt().plus(OTP_RESEND_INTERVAL).isAfter(now);
        if (tooSoon || citizens.otpsSince(citizen.id(), now.minus(Duration.ofHours(1))) >= OTP_MAX_PER_HOUR) {
            audit(citizen, "booking.otp.throttled", Outcome.REFUSED);
            return;
        }
        String code = "%06d".formatted(random.nextInt(1_000_000));
        citizens.insertOtp(citizen.id(), purpose, Objects.requireNonNull(passwordEncoder.encode(code)), now,
                now.plus(OTP_VALIDITY));
        mails.otp(citizen.email(), citizen.fullName(), code, OTP_VALIDITY.toMinutes(), locale(citizen));
        audit(citizen, "booking.otp.sent", Outcome.SUCCESS);
    }

    /** One attempt at the newest code: wrong, expired, used or tried five times all read the same. */
    private void checkCode(Citizen citizen, String purpose, String code) {
        Otp otp = citizens.latestOtpForUpdate(citizen.id(), purpose)
                .orElseThrow(() -> new BookingRefused(RefusalCode.OTP_INVALID));
        boolean usable = !otp.used() && otp.attempts() < OTP_MAX_ATTEMPTS && otp.expiresAt().isAfter(clock.instant());
        if (usable) {
            citizens.otpAttempt(otp.id());
        }
        if (!usable || !code.strip().matches("\\d{6}") || !passwordEncoder.matches(code.strip(), otp.codeHash())) {
            audit(citizen, "booking.otp.checked", Outcome.REFUSED);
            throw new BookingRefused(RefusalCode.OTP_INVALID);
        }
        citizens.otpUsed(otp.id(), clock.instant());
    }

    static Actor actorOf(CitizenSession session) {
        return new Actor(Actor.Type.CITIZEN, session.owner(), session.fullName(), Set.of(), null);
    }

    private CitizenSession session(Citizen citizen) {
        return new CitizenSession(citizen.id(), citizen.fullName(), citizen.email(), locale(citizen));
    }

    private void audit(Citizen citizen, String action, Outcome outcome) {
        auditLog.record(new Actor(Actor.Type.CITIZEN, "citizen:" + citizen.id(), citizen.fullName(), Set.of(), null),
                new AuditRecord(action, "CitizenAccount", String.valueOf(citizen.id()), outcome, null));
    }

    private static Locale locale(Citizen citizen) {
        return Locale.forLanguageTag(citizen.locale());
    }

    private static String language(Locale locale) {
        return LANGUAGES.contains(locale.getLanguage()) ? locale.getLanguage() : "id";
    }

    private static String normalised(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static String email(String raw) {
        String email = normalised(raw);
        try {
            if (email.length() > Registration.EMAIL_MAX_LENGTH) {
                throw new AddressException("too long");
            }
            InternetAddress address = new InternetAddress(email, true);
            if (address.getAddress().indexOf('@') < 1 || !address.getAddress().equals(email)) {
                throw new AddressException("not a plain address");
            }
            return email;
        } catch (AddressException e) {
            throw new BookingRefused(RefusalCode.ACCOUNT_INVALID, List.of("booking.account.email"));
        }
    }

    /** An Indonesian phone number as +62…, or null when it is not one. */
    private static @org.jspecify.annotations.Nullable String phone(String raw) {
        String digits = raw.replaceAll("[\\s().-]", "");
        if (digits.startsWith("+62")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("62")) {
            digits = digits.substring(2);
        } else if (digits.startsWith("0")) {
            digits = digits.substring(1);
        } else {
            return null;
        }
        return digits.matches("[1-9]\\d{7,12}") ? "+62" + digits : null;
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
