package id.dukcapil.portal.booking.api;

import id.dukcapil.portal.booking.CitizenPhones;
import id.dukcapil.portal.booking.CitizenSession;
import id.dukcapil.portal.shared.PhoneNumber;
import id.dukcapil.portal.shared.api.InvalidField;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The citizen proves the phone WhatsApp and SMS go to (decision 182): a code by SMS to the number, given back here.
 * Until then the portal's messages go by e-mail.
 */
@RestController
@RequestMapping(value = BdsApiController.BASE + "/profile/phone", produces = "application/json")
@Tag(name = "BDS")
class BdsPhoneController {

    private final CitizenPhones phones;

    BdsPhoneController(CitizenPhones phones) {
        this.phones = phones;
    }

    /**
     * @param phone        the account's phone (+62…)
     * @param proved       whether WHATSAPP and SMS may use it
     * @param pending      a number a code was sent to and not yet given back, until {@code pendingUntil}
     * @param proofOffered whether this office sends the codes (by SMS) at all
     */
    record PhoneAnswer(String phone, boolean proved, @Nullable String pending, @Nullable Instant pendingUntil,
                       boolean proofOffered) {

        static PhoneAnswer of(CitizenPhones.PhoneStatus status, boolean proofOffered) {
            return new PhoneAnswer(status.phone(), status.proved(), status.pending(), status.pendingUntil(),
                    proofOffered);
        }
    }

    record PhoneBody(@Schema(description = "An Indonesian mobile number: 0812…, 62812… or +62 812…",
                             example = "0812 3456 7890")
                     @NotBlank @Size(max = PhoneNumber.MAX_LENGTH) String phone) {
    }

    record CodeSentAnswer(String status, String phone, Instant expiresAt) {
    }

    record ProofBody(@Schema(description = "The 6-digit code from the SMS") @NotBlank @Size(max = ApiDtos.OTP) String code) {
    }

    @GetMapping
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The account's phone, whether it is proved, and a number awaiting its code")
    PhoneAnswer phone(@AuthenticationPrincipal CitizenSession citizen) {
        return PhoneAnswer.of(phones.status(citizen), phones.proofOffered());
    }

    @PutMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Prove a phone number: a 6-digit code goes to it by SMS (the same number again sends a new code)",
            description = "The account's phone changes only when the code is given back (POST /profile/phone/proof); "
                    + "until then it keeps the phone it had. A code lives 10 minutes and 5 tries; a newer one replaces "
                    + "it. Refusals: 422 with errors[0].field = phone for a number that is not Indonesian mobile; "
                    + "409 PHONE_PROOF_UNAVAILABLE when this office sends no SMS; 429 PHONE_CODE_THROTTLED with "
                    + "Retry-After: one code a minute per account, five a day per account and per number, twenty an "
                    + "hour per client address.")
    CodeSentAnswer sendCode(@AuthenticationPrincipal CitizenSession citizen, @Valid @RequestBody PhoneBody body,
                            HttpServletRequest request) {
        String phone = PhoneNumber.normalized(body.phone())
                .orElseThrow(() -> new InvalidField(HttpStatus.UNPROCESSABLE_CONTENT, "phone", "booking.account.phone"));
        CitizenPhones.CodeSent sent = phones.sendCode(citizen, phone, request.getRemoteAddr());
        return new CodeSentAnswer("CODE_SENT", sent.phone(), sent.expiresAt());
    }

    @PostMapping(value = "/proof", consumes = "application/json")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Give back the code from the SMS: its number becomes the account's phone, proved",
            description = "Refusals: 400 PHONE_CODE_MALFORMED when the code is not six digits (no try spent); 422 "
                    + "PHONE_CODE_INVALID when it is wrong, expired, replaced or tried five times; 429 "
                    + "PHONE_CODE_THROTTLED with Retry-After after ten wrong codes an hour for the account (or fifty "
                    + "from a client address).")
    PhoneAnswer prove(@AuthenticationPrincipal CitizenSession citizen, @Valid @RequestBody ProofBody body,
                      HttpServletRequest request) {
        return PhoneAnswer.of(phones.prove(citizen, body.code(), request.getRemoteAddr()), phones.proofOffered());
    }
}
