package id.dukcapil.portal.schoolvisit.api;

import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.OutpostJournal;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.schoolvisit.BirthCertificate;
import id.dukcapil.portal.schoolvisit.CheckIn;
import id.dukcapil.portal.schoolvisit.OutpostBundle;
import id.dukcapil.portal.schoolvisit.OutpostPackage;
import id.dukcapil.portal.schoolvisit.Outposts;
import id.dukcapil.portal.schoolvisit.VisitDesk;
import id.dukcapil.portal.schoolvisit.VisitState;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.Sex;
import id.dukcapil.portal.shared.api.ApiProblems;
import id.dukcapil.portal.staff.MyAccount;
import id.dukcapil.portal.staff.StaffForm;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What an outpost node asks of the Dinas (issue 53): a school visit checked out, with the package it works from, and
 * its signed bundle checked in, each operation once. The caller is a field officer of the visit's team, signed in
 * with their own Dinas credentials (HTTP Basic, the staff sign-in's tries and lockout, decision 175).
 */
@RestController
@RequestMapping(path = OutpostApiController.BASE, produces = "application/json")
@Tag(name = "Outposts: school visits taken to the field")
@SecurityRequirement(name = "staff-basic")
@SecurityScheme(name = "staff-basic", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "A field officer's own Dinas username and password; counted by the staff sign-in's lockout")
class OutpostApiController {

    static final String BASE = "/api/v1/outposts";
    static final String CHECKINS = BASE + "/checkins";
    static final int OPERATIONS_MAX = OutpostBundle.OPERATIONS_MAX;
    /**
     * The check-in's body cap: {@link #OPERATIONS_MAX} operations of about 250 bytes each and
     * {@link OutpostBundle#JOURNAL_MAX} journal entries of at most about 800, and room.
     */
    static final int CHECKIN_BODY_MAX_BYTES = 8 * 1024 * 1024;
    static final int CARD_SERIAL_MAX_LENGTH = OutpostBundle.CARD_SERIAL_MAX_LENGTH;
    /** The subject the refusal's audit entry names, set before the service is asked. */
    static final String SUBJECT = OutpostApiController.class.getName() + ".subject";

    private final Outposts outposts;
    private final VisitDesk visitDesk;
    private final MyAccount myAccount;
    private final MessageSource messages;

    OutpostApiController(Outposts outposts, VisitDesk visitDesk, MyAccount myAccount, MessageSource messages) {
        this.outposts = outposts;
        this.visitDesk = visitDesk;
        this.myAccount = myAccount;
        this.messages = messages;
    }

    /** A visit of the caller's team today, as an outpost offers it to be taken. */
    record TodaysVisit(long id, String schoolName, LocalDate day, VisitState state, int cardsLeft) {
    }

    record CheckoutBody(@NotBlank @Size(max = Outposts.OUTPOST_MAX_LENGTH) String outpost,
                        @NotNull @Pattern(regexp = Outposts.OUTPOST_KEY_PATTERN) String outpostKey) {
    }

    /** One operation as the outpost signed it; text fields bounded and free of the canonical form's separators. */
    record OperationBody(@NotNull UUID id, @NotNull OutpostBundle.Kind kind, @NotNull Instant happenedAt,
                         @NotBlank @Size(max = StaffForm.USERNAME_MAX_LENGTH)
                         @Pattern(regexp = StaffForm.USERNAME_PATTERN) String staff,
                         @Nullable @Min(1) Long studentId,
                         @Nullable @Size(max = CARD_SERIAL_MAX_LENGTH) @Pattern(regexp = OutpostBundle.CARD_SERIAL_PATTERN)
                         String cardSerial,
                         @Nullable @Valid CorrectionBody correction) {

        OutpostBundle.Operation operation() {
            return new OutpostBundle.Operation(id, kind, happenedAt, staff, studentId, cardSerial,
                    correction == null ? null : correction.correction());
        }
    }

    /** What the birth certificate says where the registry differs, bounded as the register keeps it, and the note. */
    record CorrectionBody(@Nullable @Size(max = Resident.NAME_MAX_LENGTH) String fullName,
                          @Nullable @Size(max = Resident.BIRTH_PLACE_MAX_LENGTH) String birthPlace,
                          @Nullable LocalDate birthDate, @Nullable Sex sex,
                          @Nullable @Size(max = Resident.NAME_MAX_LENGTH) String fatherName,
                          @Nullable @Size(max = Resident.NAME_MAX_LENGTH) String motherName,
                          @NotBlank @Size(max = BirthCertificate.NOTE_MAX_LENGTH) String note) {

        OutpostBundle.Correction correction() {
            return new OutpostBundle.Correction(fullName, birthPlace, birthDate, sex, fatherName, motherName, note);
        }
    }

    record BundleBody(@NotNull @Min(1) Long checkoutId,
                      @NotNull @Min(0) @Max(VisitDesk.CARDS_MAX) Integer cardsBroughtBack,
                      @NotNull @Size(max = OPERATIONS_MAX) List<@NotNull @Valid OperationBody> operations,
                      @Nullable @Size(max = OutpostBundle.JOURNAL_MAX) List<OutpostJournal.@NotNull @Valid Entry> journal,
                      @Nullable @Min(1) Long journalBrokenAt,
                      @Nullable @Min(0) Long journalNotSent) {

        OutpostBundle bundle() {
            return new OutpostBundle(checkoutId, cardsBroughtBack,
                    operations.stream().map(OperationBody::operation).toList(),
                    journal == null ? List.of() : journal,
                    journalBrokenAt, journalNotSent == null ? 0 : journalNotSent);
        }
    }

    /** The bundle and its HMAC-SHA256 signature with the checkout's secret, hex. */
    record CheckInBody(@NotNull @Valid BundleBody bundle, @NotBlank @Size(max = 64) String signature) {
    }

    /**
     * What the check-in did, and the blank cards' balance in the caller's language; the handover record prepared for
     * the cards printed at the school, its number and words, if one was.
     */
    record CheckInAnswer(long checkoutId, int applied, int alreadyApplied, int toReconcile, int cardsOut,
                         int cardsUsed, int cardsSpoiled, int cardsBroughtBack, int cardDifference, String cards,
                         int journalEntries, @Nullable String handover, @Nullable String handoverWords) {
    }

    @GetMapping(path = "/visits")
    @Operation(summary = "The caller's team's visits today: what an outpost offers to take",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The visits, by school"),
                    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED (no or wrong credentials)"),
                    @ApiResponse(responseCode = "429", description = "SIGN_IN_LOCKED (too many failed sign-ins)"),
                    @ApiResponse(responseCode = "403", description = "FORBIDDEN (not a field officer), "
                            + "PASSWORD_CHANGE_REQUIRED")})
    List<TodaysVisit> today(HttpServletRequest request) {
        request.setAttribute(SUBJECT, "SchoolVisit:today");
        refuseIfPasswordToChange();
        return visitDesk.today().stream()
                .map(visit -> new TodaysVisit(visit.id(), visit.schoolName(), visit.day(), visit.state(),
                        visit.cardsLeft()))
                .toList();
    }

    @PostMapping(path = "/visits/{visitId}/checkout", consumes = "application/json")
    @Operation(summary = "Check a school visit out to an outpost: its package, with the secret to sign the bundle",
            responses = {
                    @ApiResponse(responseCode = "201", description = "The package: visit, roster, cards out, secret"),
                    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED (no or wrong credentials)"),
                    @ApiResponse(responseCode = "429", description = "SIGN_IN_LOCKED (too many failed sign-ins)"),
                    @ApiResponse(responseCode = "403", description = "FORBIDDEN (not a field officer), NOT_IN_TEAM, "
                            + "PASSWORD_CHANGE_REQUIRED (a password an admin reset, not yet changed)"),
                    @ApiResponse(responseCode = "404", description = "VISIT_NOT_FOUND"),
                    @ApiResponse(responseCode = "409", description = "VISIT_OUT (out already: with whom, since "
                            + "when), VISIT_NOT_UNDERWAY"),
                    @ApiResponse(responseCode = "422", description = "OUTPOST_NAME_INVALID, a field's errors")})
    ResponseEntity<OutpostPackage> checkOut(@PathVariable long visitId, @Valid @RequestBody CheckoutBody body,
                                            HttpServletRequest request) {
        request.setAttribute(SUBJECT, "SchoolVisit:" + visitId);
        refuseIfPasswordToChange();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(outposts.checkOut(visitId, body.outpost(), body.outpostKey()));
    }

    @PostMapping(path = "/checkins", consumes = "application/json")
    @Operation(summary = "Check a signed bundle in: each operation applied once; the same bundle again changes "
            + "nothing", responses = {
                    @ApiResponse(responseCode = "200", description = "Applied, already applied, sent to the "
                            + "reconciliation list; the blank cards' balance"),
                    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED"),
                    @ApiResponse(responseCode = "429", description = "SIGN_IN_LOCKED"),
                    @ApiResponse(responseCode = "403", description = "FORBIDDEN, NOT_IN_TEAM, "
                            + "PASSWORD_CHANGE_REQUIRED"),
                    @ApiResponse(responseCode = "404", description = "CHECKOUT_NOT_FOUND"),
                    @ApiResponse(responseCode = "409", description = "CHECKOUT_CLOSED (back at the Dinas: a bundle "
                            + "with a new operation, nothing applied)"),
                    @ApiResponse(responseCode = "413", description = "CONTENT_TOO_LARGE (over 8 MB)"),
                    @ApiResponse(responseCode = "422", description = "BUNDLE_SIGNATURE_INVALID (nothing applied), "
                            + "STUDENT_NOT_FOUND, BUNDLE_STAFF_NOT_IN_TEAM, BUNDLE_TIME_INVALID (nothing applied), "
                            + "a field's errors")})
    CheckInAnswer checkIn(@Valid @RequestBody CheckInBody body, HttpServletRequest request) {
        request.setAttribute(SUBJECT, "OutpostCheckout:" + body.bundle().checkoutId());
        refuseIfPasswordToChange();
        CheckIn done = outposts.checkIn(body.bundle().bundle(), body.signature());
        return new CheckInAnswer(done.checkoutId(), done.applied(), done.alreadyApplied(), done.toReconcile(),
                done.cardsOut(), done.cardsUsed(), done.cardsSpoiled(), done.cardsBroughtBack(),
                done.cardDifference(), messages.getMessage(done.cardsKey(), done.cardsArgs(),
                        ApiProblems.locale(request)), done.journalEntries(), done.handover(),
                done.handover() == null ? null : messages.getMessage("schoolvisit.checkin.handover",
                        new Object[] {done.handover()}, ApiProblems.locale(request)));
    }

    /**
     * A password an admin reset is the admin's as much as the officer's: until the officer chose their own at the
     * sign-in page's forced change, the API does nothing in their name (403 PASSWORD_CHANGE_REQUIRED).
     */
    private void refuseIfPasswordToChange() {
        if (myAccount.mustChangePassword()) {
            throw new RuleViolation("schoolvisit.api.password-change");
        }
    }
}
