package id.dukcapil.portal.ikd.api;

import id.dukcapil.portal.ikd.Activations;
import id.dukcapil.portal.ikd.Registration;
import id.dukcapil.portal.ikd.RegistrationState;
import id.dukcapil.portal.shared.Email;
import id.dukcapil.portal.shared.MaskedName;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The IKD app's gateway, SOP E: registration, face check, scan of the officer's QR code, activation. */
@RestController
@RequestMapping(path = "/api/v1/ikd/activations", produces = "application/json")
@Tag(name = "IKD: digital ID activation (SOP E)")
@SecurityRequirement(name = "X-Api-Key")
class ActivationController {

    private final Activations activations;

    ActivationController(Activations activations) {
        this.activations = activations;
    }

    @Schema(description = "A registration. The citizen is proven by the NIK together with the number of the family card "
            + "(KK) that lists them; a NIK and KK number that do not name one person are refused as PERSON_NOT_CONFIRMED, "
            + "whether or not the NIK exists.")
    record RegistrationBody(
            @Schema(description = "NIK, 16 digits") @Nullable @Size(max = 32) String nik,
            @Schema(description = "The number of the family card (KK) listing that person, 16 digits")
            @Nullable @Size(max = 32) String kkNumber,
            @Schema(description = "The IKD account's e-mail: the activation PIN goes there") @Nullable @Size(max = Email.MAX_LENGTH) String email,
            @Schema(description = "Mobile number, 08… or +628…") @Nullable @Size(max = 20) String phone,
            @Schema(description = "The service point where the citizen stands", example = "DINAS") @Nullable @Size(max = 20) String servicePoint) {
    }

    record FaceCheckBody(@NotNull Boolean passed,
                         @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal score) {
    }

    record ScanBody(@Schema(description = "The content of the QR code on the officer's screen") @Nullable @Size(max = 200) String qr) {
    }

    record PinBody(@Schema(description = "The 6-digit PIN from the e-mail") @Nullable @Size(max = 20) String pin) {
    }

    /**
     * An activation as the app sees it: the NIK and the name masked. The officer's desk shows the whole name; the
     * app never needs it, and an answer that carried it would tell a stranger whose a NIK is (decision 130).
     */
    record ActivationAnswer(String code, String maskedNik, String maskedName, String servicePoint,
                            RegistrationState state, int faceAttempts, Instant registeredAt,
                            @Nullable Instant activatedAt, @Nullable Instant pinExpiresAt) {

        static ActivationAnswer of(Registration registration) {
            return new ActivationAnswer(registration.code(), registration.maskedNik(),
                    MaskedName.of(registration.fullName()), registration.servicePoint(), registration.state(),
                    registration.faceAttempts(), registration.registeredAt(), registration.activatedAt(),
                    registration.pinExpiresAt());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register for activation at a service point, proven by NIK and KK number (SOP E step 2)",
            description = "Refusals: PERSON_NOT_CONFIRMED (422) when the NIK and the KK number do not name one person "
                    + "of the register, whether or not the NIK exists; REGISTRATION_THROTTLED (429) after too many of "
                    + "those from one client address; INVALID_NIK, INVALID_KK_NUMBER, INVALID_EMAIL, INVALID_PHONE (422); "
                    + "UNKNOWN_SERVICE_POINT (404); NO_PRINTED_CARD, ALREADY_ACTIVATED, REGISTRATION_OPEN (409).")
    ActivationAnswer register(@Valid @RequestBody RegistrationBody body, HttpServletRequest request) {
        return ActivationAnswer.of(activations.register(Objects.toString(body.nik(), ""),
                Objects.toString(body.kkNumber(), ""), Objects.toString(body.email(), ""),
                Objects.toString(body.phone(), ""), Objects.toString(body.servicePoint(), ""), request.getRemoteAddr()));
    }

    @PostMapping("/{code}/face-check")
    @Operation(summary = "The face-recognition result of the selfie (step 3)")
    ActivationAnswer faceCheck(@PathVariable @Size(max = 20) String code, @Valid @RequestBody FaceCheckBody body) {
        return ActivationAnswer.of(activations.faceChecked(code, body.passed(), body.score()));
    }

    @PostMapping("/{code}/scan")
    @Operation(summary = "The phone scanned the officer's activation QR code (step 4): the PIN is e-mailed")
    ActivationAnswer scan(@PathVariable @Size(max = 20) String code, @Valid @RequestBody ScanBody body) {
        return ActivationAnswer.of(activations.scanned(code, Objects.toString(body.qr(), "")));
    }

    @PostMapping("/{code}/activate")
    @Operation(summary = "Activate with the PIN from the e-mail (step 5)")
    ActivationAnswer activate(@PathVariable @Size(max = 20) String code, @Valid @RequestBody PinBody body) {
        return ActivationAnswer.of(activations.activate(code, Objects.toString(body.pin(), "")));
    }

    @GetMapping("/{code}")
    @Operation(summary = "Where the activation stands")
    ActivationAnswer status(@PathVariable @Size(max = 20) String code) {
        return ActivationAnswer.of(activations.status(code));
    }
}
