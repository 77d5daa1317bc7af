package id.dukcapil.portal.booking.api;

import id.dukcapil.portal.booking.Availability;
import id.dukcapil.portal.booking.BookingJourney;
import id.dukcapil.portal.booking.BookingRequest;
import id.dukcapil.portal.booking.BookingService;
import id.dukcapil.portal.booking.CitizenAccounts;
import id.dukcapil.portal.booking.CitizenTokens;
import id.dukcapil.portal.booking.CitizenSession;
import id.dukcapil.portal.booking.QuotaCalendarService;
import id.dukcapil.portal.booking.Registration;
import id.dukcapil.portal.booking.TicketDocuments;
import id.dukcapil.portal.booking.api.ApiDtos.AccountBody;
import id.dukcapil.portal.booking.api.ApiDtos.Accepted;
import id.dukcapil.portal.booking.api.ApiDtos.BookingAnswer;
import id.dukcapil.portal.booking.api.ApiDtos.BookingBody;
import id.dukcapil.portal.booking.api.ApiDtos.EmailBody;
import id.dukcapil.portal.booking.api.ApiDtos.RegistrationAccepted;
import id.dukcapil.portal.booking.api.ApiDtos.ResendBody;
import id.dukcapil.portal.booking.api.ApiDtos.RescheduleBody;
import id.dukcapil.portal.booking.api.ApiDtos.ResetBody;
import id.dukcapil.portal.booking.api.ApiDtos.ServicePointAnswer;
import id.dukcapil.portal.booking.api.ApiDtos.SessionAnswer;
import id.dukcapil.portal.booking.api.ApiDtos.SessionBody;
import id.dukcapil.portal.booking.api.ApiDtos.VerifyBody;
import id.dukcapil.portal.staff.ServicePoints;
import id.dukcapil.portal.shared.api.ApiProblems;
import id.dukcapil.portal.shared.api.InvalidField;
import id.dukcapil.portal.shared.api.SaneDate;
import jakarta.validation.constraints.Size;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The BDS app's API: accounts, sessions, service points, availability and bookings. The same services as the
 * BDS web stand behind it, so both follow the same rules.
 */
@RestController
@RequestMapping(value = BdsApiController.BASE, produces = "application/json")
@Tag(name = "BDS", description = "KTP-el print booking for citizens (SOP A)")
class BdsApiController {

    static final String BASE = "/api/v1/bds";
    /** Printable ASCII, as the key column and every proxy on the way keep it. */
    private static final java.util.regex.Pattern IDEMPOTENCY_KEY = java.util.regex.Pattern.compile("[\\x20-\\x7E]{1,100}");

    private final CitizenAccounts accounts;
    private final CitizenTokens tokens;
    private final BookingService bookings;
    private final QuotaCalendarService calendar;
    private final ServicePoints servicePoints;
    private final TicketDocuments tickets;

    BdsApiController(CitizenAccounts accounts, CitizenTokens tokens, BookingService bookings, QuotaCalendarService calendar,
                     ServicePoints servicePoints, TicketDocuments tickets) {
        this.tickets = tickets;
        this.accounts = accounts;
        this.tokens = tokens;
        this.bookings = bookings;
        this.calendar = calendar;
        this.servicePoints = servicePoints;
    }

    @PostMapping("/accounts")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Register; a 6-digit OTP is e-mailed. The answer is the same for an address already registered.",
            description = "The answer's attempt handle goes with this attempt's verification and resend: another "
                    + "registration of the same address has its own code, which this handle neither resends nor accepts.")
    RegistrationAccepted register(@Valid @RequestBody AccountBody body, HttpServletRequest request) {
        // The account's language is the request's: Indonesian unless the app asks for English.
        // One plain address or a 422 naming the field: what is registered is what mail can be sent to.
        String email = InvalidField.email("email", body.email());
        String attempt = accounts.register(new Registration(body.fullName(), email, body.phone(), body.password()),
                ApiProblems.locale(request), request.getRemoteAddr());
        return new RegistrationAccepted("OTP_SENT_IF_APPLICABLE", attempt);
    }

    @PostMapping("/accounts/verify")
    @Operation(summary = "Verify the account with the OTP from the e-mail (10 minutes, 5 tries)",
            description = "Refusals: OTP_MALFORMED (400) when the code is not six digits, no try spent; OTP_INVALID (422); "
                    + "OTP_THROTTLED (429).")
    Accepted verify(@Valid @RequestBody VerifyBody body, HttpServletRequest request) {
        accounts.verify(InvalidField.email("email", body.email()), body.attempt(), body.otp(), request.getRemoteAddr());
        return new Accepted("VERIFIED");
    }

    @PostMapping("/accounts/otp")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a new verification OTP for the attempt (at most once a minute, five an hour)")
    Accepted resendOtp(@Valid @RequestBody ResendBody body, HttpServletRequest request) {
        accounts.resendCode(InvalidField.email("email", body.email()), body.attempt(), request.getRemoteAddr());
        return new Accepted("OTP_SENT_IF_APPLICABLE");
    }

    @PostMapping("/accounts/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "E-mail an OTP to reset a forgotten password")
    Accepted requestReset(@Valid @RequestBody EmailBody body, HttpServletRequest request) {
        accounts.requestPasswordReset(InvalidField.email("email", body.email()), request.getRemoteAddr());
        return new Accepted("OTP_SENT_IF_APPLICABLE");
    }

    @PostMapping("/accounts/password-reset/confirm")
    @Operation(summary = "Set a new password with the reset OTP; every session of the account ends",
            description = "The code is checked before the password: OTP_MALFORMED (400), OTP_INVALID (422) alike for "
                    + "any address, OTP_THROTTLED (429) after ten wrong codes for an address in an hour (or fifty "
                    + "from a client); ACCOUNT_INVALID (422) only with the right code and a password the rules refuse.")
    Accepted reset(@Valid @RequestBody ResetBody body, HttpServletRequest request) {
        accounts.resetPassword(InvalidField.email("email", body.email()), body.otp(), body.newPassword(),
                request.getRemoteAddr());
        return new Accepted("PASSWORD_CHANGED");
    }

    @PostMapping("/sessions")
    @Operation(summary = "Sign in: a bearer token for the other calls")
    SessionAnswer signIn(@Valid @RequestBody SessionBody body, HttpServletRequest request) {
        var token = tokens.issueToken(accounts.signIn(body.email(), body.password(), request.getRemoteAddr()));
        return new SessionAnswer(token.token(), token.expiresAt());
    }

    @DeleteMapping("/sessions")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Sign out: the token ends")
    void signOut(@RequestHeader("Authorization") String authorization) {
        tokens.revoke(BearerTokenFilter.token(authorization));
    }

    @GetMapping("/service-points")
    @Operation(summary = "The service points where a KTP-el can be printed")
    List<ServicePointAnswer> servicePoints() {
        return servicePoints.active().stream()
                .map(point -> new ServicePointAnswer(point.code(), point.name(), point.address())).toList();
    }

    @GetMapping("/availability")
    @Operation(summary = "Free places per day at a service point (at most 62 days)")
    List<Availability> availability(@RequestParam @Size(max = ApiDtos.POINT) String servicePoint,
                                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @SaneDate LocalDate from,
                                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @SaneDate LocalDate to) {
        return calendar.availability(servicePoint, from, to);
    }

    @PostMapping("/bookings")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Book a day for a person proven by NIK and KK number; a retry with the same Idempotency-Key "
            + "returns the same booking",
            description = "Refusals: PERSON_NOT_CONFIRMED (422) when the NIK and the KK number do not name one person "
                    + "of the register; PEOPLE_LIMIT_REACHED (409) beyond a family's number of different people per "
                    + "account; BOOKING_THROTTLED (429) when an account or a client address asks too often; "
                    + "QUOTA_FULL, DAY_CLOSED, ACTIVE_BOOKING_EXISTS, NOT_PRINT_READY (409); BUSY (503, Retry-After) when the day's "
                    + "bookings are not made within 30 s: retry with the same Idempotency-Key.")
    CompletableFuture<ResponseEntity<BookingAnswer>> book(
            @AuthenticationPrincipal CitizenSession citizen,
            @Parameter(description = "Any unique string per booking attempt, reused on retry")
            @RequestHeader(value = "Idempotency-Key", required = false) @Nullable String key,
            @Valid @RequestBody BookingBody body, HttpServletRequest request) {
        checkIdempotencyKey(key);
        // Answered when the day's batch has booked it, without a request thread held meanwhile (decision 116).
        return bookings.submit(citizen, new BookingRequest(body.nik(), body.kkNumber(), body.servicePoint(), body.date()),
                        key, BookingJourney.none(), request.getRemoteAddr())
                .thenApply(result -> ResponseEntity.created(URI.create(BASE + "/bookings/" + result.booking().code()))
                        .header("Idempotent-Replayed", String.valueOf(result.replayed()))
                        .body(BookingAnswer.of(result.booking())));
    }

    @GetMapping("/bookings")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The citizen's bookings, newest first (Riwayat)")
    List<BookingAnswer> history(@AuthenticationPrincipal CitizenSession citizen) {
        return bookings.history(citizen).stream().map(BookingAnswer::of).toList();
    }

    @GetMapping("/bookings/{code}")
    @SecurityRequirement(name = "bearer")
    BookingAnswer booking(@AuthenticationPrincipal CitizenSession citizen, @PathVariable String code) {
        return BookingAnswer.of(bookings.ofCitizen(citizen, code));
    }

    @GetMapping(value = "/bookings/{code}/ticket.pdf", produces = "application/pdf")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The ticket as PDF: booking code, Code 128 barcode and QR code, queue number")
    ResponseEntity<byte[]> ticket(@AuthenticationPrincipal CitizenSession citizen, @PathVariable String code) {
        var booking = bookings.ofCitizen(citizen, code);
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"tiket-" + booking.code() + ".pdf\"")
                .body(tickets.pdf(booking, citizen.locale()));
    }

    @DeleteMapping("/bookings/{code}")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Cancel, until the day before",
            description = "Refusals: BOOKING_NOT_FOUND (404); NOT_OPEN, TOO_LATE_TO_CHANGE (409); CHANGE_THROTTLED "
                    + "(429, Retry-After) beyond ten moves and cancellations an hour per account or per proved phone, "
                    + "or a hundred per client address.")
    BookingAnswer cancel(@AuthenticationPrincipal CitizenSession citizen, @PathVariable String code,
                         HttpServletRequest request) {
        return BookingAnswer.of(bookings.cancel(citizen, code, request.getRemoteAddr()));
    }

    @PostMapping("/bookings/{code}/reschedule")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Move to another day at the same point, until the day before; the new ticket replaces one "
            + "still waiting to be sent",
            description = "Refusals: BOOKING_NOT_FOUND (404); NOT_OPEN, TOO_LATE_TO_CHANGE, DAY_CLOSED, QUOTA_FULL "
                    + "(409); CHANGE_THROTTLED (429, Retry-After) beyond ten moves and cancellations an hour per "
                    + "account or per proved phone, or a hundred per client address.")
    BookingAnswer reschedule(@AuthenticationPrincipal CitizenSession citizen, @PathVariable String code,
                             @Valid @RequestBody RescheduleBody body, HttpServletRequest request) {
        return BookingAnswer.of(bookings.reschedule(citizen, code, body.date(), request.getRemoteAddr()));
    }

    private static void checkIdempotencyKey(@Nullable String key) {
        if (key != null && !IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw new InvalidField(HttpStatus.BAD_REQUEST, "Idempotency-Key", "shared.input.header", "Idempotency-Key");
        }
    }
}
