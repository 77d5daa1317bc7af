package id.dukcapil.portal.kkprint;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** What ADMIN fills in to issue a key: which kind of system, its name, where it stands. */
public record ApiClientForm(
        @NotNull ApiClient.Kind kind,
        @NotBlank @Size(max = ApiClient.NAME_MAX_LENGTH) String name,
        @Nullable @Size(max = ApiClient.LOCATION_MAX_LENGTH) String location) {
}
