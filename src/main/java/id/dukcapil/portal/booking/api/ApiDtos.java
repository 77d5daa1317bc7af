package id.dukcapil.portal.booking.api;

import id.dukcapil.portal.booking.Booking;
import id.dukcapil.portal.booking.BookingStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import id.dukcapil.portal.booking.Registration;
import id.dukcapil.portal.shared.api.SaneDate;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The JSON bodies of the BDS API, as the contract names their fields. Every string is bounded here, at the edge:
 * a longer value is a 422 naming the field, never a database error.
 */
final class ApiDtos {

    static final int EMAIL = Registration.EMAIL_MAX_LENGTH;
    /** bcrypt reads at most 72 bytes and refuses more. */
    static final int SECRET = 72;
    static final int OTP = 10;
    /** An attempt's handle: 43 characters of base64url. */
    static final int ATTEMPT = 64;
    static final int NIK = 32;
    static final int POINT = 20;

    private ApiDtos() {
    }

    record AccountBody(@NotBlank @Size(max = Registration.NAME_MAX_LENGTH) String fullName,
                       @NotBlank @Size(max = EMAIL) String email,
                       @NotBlank @Size(max = Registration.PHONE_MAX_LENGTH) String phone,
                       @NotBlank @Size(max = SECRET) String password) {
        @Override
        public String toString() {
            return "AccountBody[" + email + "]";
        }
    }

    record VerifyBody(@NotBlank @Size(max = EMAIL) String email,
                      @Schema(description = "The attempt's handle from the registration's answer")
                      @NotBlank @Size(max = ATTEMPT) String attempt,
                      @NotBlank @Size(max = OTP) String otp) {
    }

    record ResendBody(@NotBlank @Size(max = EMAIL) String email,
                      @Schema(description = "The attempt's handle from the registration's answer")
                      @NotBlank @Size(max = ATTEMPT) String attempt) {
    }

    record EmailBody(@NotBlank @Size(max = EMAIL) String email) {
    }

    record ResetBody(@NotBlank @Size(max = EMAIL) String email, @NotBlank @Size(max = OTP) String otp,
                     @NotBlank @Size(max = SECRET) String newPassword) {
        @Override
        public String toString() {
            return "ResetBody[" + email + "]";
        }
    }

    record SessionBody(@NotBlank @Size(max = EMAIL) String email, @NotBlank @Size(max = SECRET) String password) {
        @Override
        public String toString() {
            return "SessionBody[" + email + "]";
        }
    }

    record SessionAnswer(String token, Instant expiresAt) {
    }

    record Accepted(String status) {
    }

    /**
     * A registration taken: the handle names this attempt in the verification and the resend, so that only its own
     * code counts for it. Given alike whether or not a code was sent.
     */
    record RegistrationAccepted(String status, String attempt) {
    }

    record ServicePointAnswer(String code, String name, @Nullable String address) {
    }

    @Schema(description = "A booking request. The person is proven by the NIK together with the number of the family "
            + "card (KK) that lists them; a NIK and KK number that do not name one person are refused as "
            + "PERSON_NOT_CONFIRMED, whether or not the NIK exists.")
    record BookingBody(@Schema(description = "The NIK whose KTP-el is printed (16 digits)", example = "3204374508990003")
                       @NotBlank @Size(max = NIK) String nik,
                       @Schema(description = "The number of the family card (KK) listing that person (16 digits)",
                               example = "3204371203150007")
                       @NotBlank @Size(max = NIK) String kkNumber,
                       @Schema(description = "A service point's code, from GET /service-points", example = "DINAS")
                       @NotBlank @Size(max = POINT) String servicePoint,
                       @NotNull @SaneDate LocalDate date) {
    }

    record RescheduleBody(@NotNull @SaneDate LocalDate date) {
    }

    record BookingAnswer(String bookingCode, int queueNumber, LocalDate date, String servicePoint, BookingStatus status,
                         String nik, String residentName) {

        static BookingAnswer of(Booking booking) {
            return new BookingAnswer(booking.code(), booking.queueNumber(), booking.day(), booking.servicePoint(),
                    booking.status(), booking.maskedNik(), booking.residentName());
        }
    }
}
