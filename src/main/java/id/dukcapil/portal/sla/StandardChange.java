package id.dukcapil.portal.sla;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.LocalDate;

/**
 * What ADMIN fills in to change a standard time: the minutes and the day from which steps that start get them.
 * The same limits feed the field and the service ({@link SlaStandards#MIN_STANDARD}, {@link SlaStandards#MAX_STANDARD}).
 */
public record StandardChange(
        @NotNull @Min(MIN_MINUTES) @Max(MAX_MINUTES) Integer minutes,
        @NotNull LocalDate validFrom) {

    public static final int MIN_MINUTES = 1;
    public static final int MAX_MINUTES = 7 * 24 * 60;

    public Duration standard() {
        return Duration.ofMinutes(minutes);
    }
}
