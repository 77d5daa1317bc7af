package id.dukcapil.portal.kkprint.api;

import id.dukcapil.portal.kkprint.ApiClient;
import id.dukcapil.portal.kkprint.KioskReleases;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The ADM kiosks: release a signed family card for its QR code and PIN (SOP B step 10). */
@RestController
@RequestMapping("/api/v1/adm")
@Tag(name = "ADM kiosks: releases")
@SecurityRequirement(name = "X-Api-Key")
class AdmController {

    private final KioskReleases releases;

    AdmController(KioskReleases releases) {
        this.releases = releases;
    }

    record ReleaseBody(@Size(max = 2000) String qrContent, @Size(max = 20) String pin) {
    }

    @PostMapping(path = "/releases", consumes = "application/json", produces = {"application/pdf", "application/problem+json"})
    @Operation(summary = "Release the signed document once (again to the same kiosk for 5 minutes)", responses = {
            @ApiResponse(responseCode = "200", description = "The signed PDF"),
            @ApiResponse(responseCode = "200", description = "The same PDF again, to the same kiosk within 5 minutes"),
            @ApiResponse(responseCode = "422", description = "MALFORMED_PIN (not six digits; not counted as a try)"),
            @ApiResponse(responseCode = "403", description = "WRONG_PIN"),
            @ApiResponse(responseCode = "423", description = "RELEASE_LOCKED (after 5 wrong PINs)"),
            @ApiResponse(responseCode = "409", description = "ALREADY_RELEASED"),
            @ApiResponse(responseCode = "410", description = "EXPIRED, REVOKED, REPLACED"),
            @ApiResponse(responseCode = "404", description = "RELEASE_NOT_FOUND")})
    ResponseEntity<byte[]> release(@AuthenticationPrincipal ApiClient kiosk, @Valid @RequestBody ReleaseBody body) {
        KioskReleases.ReleasedDocument document = releases.release(kiosk,
                body.qrContent() == null ? "" : body.qrContent(), body.pin());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("KK-" + document.trackingNumber() + ".pdf").build().toString())
                .body(document.pdf());
    }
}
