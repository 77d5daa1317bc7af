package id.dukcapil.portal.ikd.api;

import id.dukcapil.portal.ikd.Activations;
import id.dukcapil.portal.ikd.Registration;
import id.dukcapil.portal.shared.Email;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
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

    record RegistrationBody(
            @Schema(description = "NIK, 16 digits") @Nullable @Size(max = 32) String nik,
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

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register for activation at a service point (SOP E step 2)")
    Registration register(@Valid @RequestBody RegistrationBody body) {
        return activations.register(Objects.toString(body.nik(), ""), Objects.toString(body.email(), ""),
                Objects.toString(body.phone(), ""), Objects.toString(body.servicePoint(), ""));
    }

    @PostMapping("/{code}/face-check")
    @Operation(summary = "The face-recognition result of the selfie (step 3)")
    Registration faceCheck(@PathVariable @Size(max = 20) String code, @Valid @RequestBody FaceCheckBody body) {
        return activations.faceChecked(code, body.passed(), body.score());
    }

    @PostMapping("/{code}/scan")
    @Operation(summary = "The phone scanned the officer's activation QR code (step 4): the PIN is e-mailed")
    Registration scan(@PathVariable @Size(max = 20) String code, @Valid @RequestBody ScanBody body) {
        return activations.scanned(code, Objects.toString(body.qr(), ""));
    }

    @PostMapping("/{code}/activate")
    @Operation(summary = "Activate with the PIN from the e-mail (step 5)")
    Registration activate(@PathVariable @Size(max = 20) String code, @Valid @RequestBody PinBody body) {
        return activations.activate(code, Objects.toString(body.pin(), ""));
    }

    @GetMapping("/{code}")
    @Operation(summary = "Where the activation stands")
    Registration status(@PathVariable @Size(max = 20) String code) {
        return activations.status(code);
    }
}
