package id.dukcapil.portal.booking.api;

import id.dukcapil.portal.booking.Booking;
import id.dukcapil.portal.booking.BookingStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The JSON bodies of the BDS API, as the contract names their fields. */
final class ApiDtos {

    private ApiDtos() {
    }

    record AccountBody(@NotBlank String fullName, @NotBlank String email, @NotBlank String phone,
                       @NotBlank String password) {
        @Override
        public String toString() {
            return "AccountBody[" + email + "]";
        }
    }

    record VerifyBody(@NotBlank String email, @NotBlank String otp) {
    }

    record EmailBody(@NotBlank String email) {
    }

    record ResetBody(@NotBlank String email, @NotBlank String otp, @NotBlank String newPassword) {
        @Override
        public String toString() {
            return "ResetBody[" + email + "]";
        }
    }

    record SessionBody(@NotBlank String email, @NotBlank String password) {
        @Override
        public String toString() {
            return "SessionBody[" + email + "]";
        }
    }

    record SessionAnswer(String token, Instant expiresAt) {
    }

    record Accepted(String status) {
    }

    record ServicePointAnswer(String code, String name, @Nullable String address) {
    }

    record BookingBody(@NotBlank String nik, @NotBlank String servicePoint, @NotNull LocalDate date) {
    }

    record RescheduleBody(@NotNull LocalDate date) {
    }

    record BookingAnswer(String bookingCode, int queueNumber, LocalDate date, String servicePoint, BookingStatus status,
                         String nik, String residentName) {

        static BookingAnswer of(Booking booking) {
            return new BookingAnswer(booking.code(), booking.queueNumber(), booking.day(), booking.servicePoint(),
                    booking.status(), booking.maskedNik(), booking.residentName());
        }
    }
}
