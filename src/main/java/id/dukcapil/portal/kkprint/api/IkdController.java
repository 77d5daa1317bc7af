package id.dukcapil.portal.kkprint.api;

import id.dukcapil.portal.kkprint.CitizenStatus;
import id.dukcapil.portal.kkprint.IntakeForm;
import id.dukcapil.portal.kkprint.KkPrintIntake;
import id.dukcapil.portal.kkprint.KkPrintReason;
import id.dukcapil.portal.kkprint.SubmittedRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import id.dukcapil.portal.shared.Email;
import id.dukcapil.portal.shared.PhoneNumber;
import id.dukcapil.portal.shared.api.InvalidField;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
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

/** The IKD app's gateway: KK print requests (SOP B steps 4–5) and their status. */
@RestController
@RequestMapping(path = "/api/v1/ikd", produces = "application/json")
@Tag(name = "IKD: KK print requests")
@SecurityRequirement(name = "X-Api-Key")
@SecurityScheme(name = "X-Api-Key", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER, paramName = "X-Api-Key",
        description = "A key an ADMIN issued to the IKD gateway or to one ADM kiosk")
class IkdController {

    private final KkPrintIntake intake;

    IkdController(KkPrintIntake intake) {
        this.intake = intake;
    }

    record KkPrintRequestBody(
            @Schema(description = "NIK of the requester, 16 digits", example = "3204374101900001") @Nullable @Size(max = 32) String requesterNik,
            @Schema(description = "Number of the family card, 16 digits") @Nullable @Size(max = 32) String kkNumber,
            @Schema(description = "Why a new print is needed", implementation = KkPrintReason.class) @Nullable @Size(max = 40) String reason,
            @Schema(description = "Free text, at most 500 characters") @Nullable @Size(max = 500) String description,
            @Schema(description = "The IKD account's e-mail, one address; default: the registry's") @Nullable @Size(max = Email.MAX_LENGTH) String email,
            @Schema(description = "The IKD account's mobile number (08..., 628... or +628...); optional", example = "081234567890") @Nullable @Size(max = PhoneNumber.MAX_LENGTH) String phone,
            @Schema(description = "Where the request's news goes: EMAIL (default), WHATSAPP or SMS (these need the phone). The QR code and PIN always go by e-mail", allowableValues = {"EMAIL", "WHATSAPP", "SMS"}) @Nullable @Size(max = IntakeForm.CHANNEL_MAX_LENGTH) String channel) {
    }

    @PostMapping("/kk-print-requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Submit a KK print request", responses = {
            @ApiResponse(responseCode = "201", description = "Accepted, waiting for the operator's check"),
            @ApiResponse(responseCode = "422", description = "INVALID_NIK, INVALID_KK_NUMBER, INVALID_REASON, PERSON_NOT_CONFIRMED (no such NIK or KK number, or the NIK not on that card: one answer), EMAIL_REQUIRED, INVALID_PHONE, INVALID_CHANNEL, INVALID_FIELD"),
            @ApiResponse(responseCode = "403", description = "RELATIONSHIP_NOT_ALLOWED"),
            @ApiResponse(responseCode = "409", description = "OPEN_REQUEST_EXISTS"),
            @ApiResponse(responseCode = "429", description = "INTAKE_THROTTLED: ten NIK and KK numbers that did not match from one client address within an hour; asked before the register, so it is the answer to right and wrong numbers alike until the hour has passed")})
    SubmittedRequest submit(@Valid @RequestBody KkPrintRequestBody body, HttpServletRequest request) {
        // A given address is one plain address or a 422 naming the field: a card is signed only if it can be sent.
        String email = body.email() == null || body.email().isBlank() ? null : InvalidField.email("email", body.email());
        // JSON may leave out any field: a missing number or reason is refused as invalid, not as a server error.
        return intake.submit(new IntakeForm(Objects.toString(body.requesterNik(), ""),
                Objects.toString(body.kkNumber(), ""), Objects.toString(body.reason(), ""), body.description(),
                email, body.phone(), body.channel()), request.getRemoteAddr());
    }

    @GetMapping("/kk-print-requests/{trackingNumber}")
    @Operation(summary = "Status and history of a request, as the citizen may see it")
    CitizenStatus status(@PathVariable @Size(max = 40) String trackingNumber) {
        return intake.status(trackingNumber);
    }
}
