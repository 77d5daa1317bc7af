package id.dukcapil.portal.recording.api;

import id.dukcapil.portal.audit.OutpostJournal;
import id.dukcapil.portal.recording.OutpostDay;
import id.dukcapil.portal.recording.OutpostDayBundle;
import id.dukcapil.portal.recording.OutpostDays;
import id.dukcapil.portal.recording.Priority;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.staff.MyAccount;
import id.dukcapil.portal.staff.StaffForm;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API an outpost at a kecamatan calls to take its recording point's day and bring it back (issue 53, decision
 * 200). In the outposts' chain (HTTP Basic with the operator's own Dinas credentials, the staff sign-in's lockout);
 * the point is the caller's own.
 */
@RestController
@RequestMapping(path = OutpostDayController.BASE, produces = "application/json")
@Tag(name = "Outposts: a recording point's day taken to a kecamatan")
@SecurityRequirement(name = "staff-basic")
class OutpostDayController {

    static final String BASE = "/api/v1/outposts/days";
    static final String CHECKINS = BASE + "/checkins";
    /** A day's bundle: up to {@link OutpostDayBundle#OPERATIONS_MAX} steps of about 300 bytes each, and room. */
    static final int CHECKIN_BODY_MAX_BYTES = 8 * 1024 * 1024;
    /** The subject the refusal's audit entry names, set before the service is asked. */
    static final String SUBJECT = OutpostDayController.class.getName() + ".subject";

    private final OutpostDays outpostDays;
    private final MyAccount myAccount;

    OutpostDayController(OutpostDays outpostDays, MyAccount myAccount) {
        this.outpostDays = outpostDays;
        this.myAccount = myAccount;
    }

    record CheckoutBody(@NotBlank @Size(max = OutpostDays.OUTPOST_MAX_LENGTH) String outpost,
                        @NotBlank @Pattern(regexp = "[0-9a-f-]{36}") String outpostKey,
                        @NotBlank @Pattern(regexp = OutpostDays.PREFIX_PATTERN) String prefix) {
    }

    record StepBody(@NotNull UUID id, @NotNull OutpostDayBundle.Step step, @NotNull Instant at,
                    @NotBlank @Size(max = StaffForm.USERNAME_MAX_LENGTH) String staff, @NotNull UUID visitKey,
                    @Nullable @Size(max = Nik.LENGTH) String nik, @Nullable Instant since,
                    @Nullable @Min(1) Integer number,
                    @Nullable @Size(max = OutpostDayBundle.TEXT_MAX) String text,
                    @Nullable @Size(max = OutpostDayBundle.TEXT_MAX) String note, @Nullable Priority priority,
                    boolean technical) {

        OutpostDayBundle.Operation operation() {
            return new OutpostDayBundle.Operation(id, step, at, staff, visitKey, nik, since, number, text, note,
                    priority, technical);
        }
    }

    record BundleBody(@NotNull @Min(1) Long checkoutId,
                      @NotNull @Size(max = OutpostDayBundle.OPERATIONS_MAX) List<@NotNull @Valid StepBody> operations,
                      @Nullable @Size(max = OutpostJournal.MAX) List<OutpostJournal.@NotNull @Valid Entry> journal,
                      @Nullable @Min(1) Long journalBrokenAt, @Nullable @Min(0) Long journalNotSent) {

        OutpostDayBundle bundle() {
            return new OutpostDayBundle(checkoutId, operations.stream().map(StepBody::operation).toList(),
                    journal == null ? List.of() : journal, journalBrokenAt, journalNotSent == null ? 0
                    : journalNotSent);
        }
    }

    record CheckInBody(@NotNull @Valid BundleBody bundle, @NotBlank @Size(max = 64) String signature) {
    }

    @PostMapping(path = "/checkout", consumes = "application/json")
    @Operation(summary = "Take the caller's point's day to an outpost: the kecamatan's residents, where the day's "
            + "numbers go on, the desk operators' accounts and the secret to sign the bundle with", responses = {
                    @ApiResponse(responseCode = "201", description = "The day's package"),
                    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED"),
                    @ApiResponse(responseCode = "429", description = "SIGN_IN_LOCKED"),
                    @ApiResponse(responseCode = "403", description = "FORBIDDEN (not a registration operator), "
                            + "PASSWORD_CHANGE_REQUIRED"),
                    @ApiResponse(responseCode = "409", description = "POINT_OUT (out already: where, by whom, since "
                            + "when), OPEN_VISITS (today's visits not finished at the Dinas)"),
                    @ApiResponse(responseCode = "422", description = "OUTPOST_NAME_INVALID, OUTPOST_KEY_INVALID, "
                            + "OUTPOST_PREFIX_INVALID, NOT_A_KECAMATAN, TOO_MANY_RESIDENTS, a field's errors")})
    ResponseEntity<OutpostDay> checkOut(@Valid @RequestBody CheckoutBody body, HttpServletRequest request) {
        request.setAttribute(SUBJECT, "ServicePoint:day");
        refuseIfPasswordToChange();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(outpostDays.checkOut(body.outpost(), body.outpostKey(), body.prefix()));
    }

    @PostMapping(path = "/checkins", consumes = "application/json")
    @Operation(summary = "Bring a point's day back: each step applied once; the same bundle again changes nothing",
            responses = {
                    @ApiResponse(responseCode = "200", description = "Applied, already applied, kept for a "
                            + "supervisor; whether this was the first arrival"),
                    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED"),
                    @ApiResponse(responseCode = "429", description = "SIGN_IN_LOCKED"),
                    @ApiResponse(responseCode = "403", description = "FORBIDDEN, PASSWORD_CHANGE_REQUIRED"),
                    @ApiResponse(responseCode = "404", description = "CHECKOUT_NOT_FOUND (not of the caller's point)"),
                    @ApiResponse(responseCode = "409", description = "CHECKOUT_CLOSED (back: a new step, nothing "
                            + "applied)"),
                    @ApiResponse(responseCode = "413", description = "CONTENT_TOO_LARGE (over 8 MB)"),
                    @ApiResponse(responseCode = "422", description = "BUNDLE_SIGNATURE_INVALID, BUNDLE_STAFF_INVALID, "
                            + "BUNDLE_TIME_INVALID, BUNDLE_STEP_INVALID (each: nothing applied), a field's errors")})
    OutpostDays.DayCheckIn checkIn(@Valid @RequestBody CheckInBody body, HttpServletRequest request) {
        request.setAttribute(SUBJECT, "RecordingCheckout:" + body.bundle().checkoutId());
        refuseIfPasswordToChange();
        return outpostDays.checkIn(body.bundle().bundle(), body.signature());
    }

    /** A password an admin reset is not yet the operator's own: the API does nothing in their name. */
    private void refuseIfPasswordToChange() {
        if (myAccount.mustChangePassword()) {
            throw new RuleViolation("recording.api.password-change");
        }
    }
}
