package id.dukcapil.portal.booking.internal;

import id.dukcapil.portal.booking.OpeningHours;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcType;
import org.hibernate.type.descriptor.jdbc.LocalTimeJdbcType;
import org.jspecify.annotations.Nullable;

/**
 * A point's opening days and hours ({@code booking_opening_hours}) as a planner set them; a point without a row has
 * its kind's default. The days are kept as ISO numbers, "1,2,3,4,5,6".
 */
@Entity
@Table(name = "booking_opening_hours")
public class OpeningHoursEntity {

    @Id
    private String servicePoint;
    private String days;
    /**
     * A time of day, bound as one (JDBC's {@code setObject}): Hibernate's default binds a time through
     * {@code hibernate.jdbc.time_zone} (UTC), so on a server in Asia/Jakarta 08:00 was stored as 01:00
     * ({@code PointCalendarStorageTests}).
     */
    @JdbcType(LocalTimeJdbcType.class)
    private LocalTime opens;
    @JdbcType(LocalTimeJdbcType.class)
    private LocalTime closes;
    /** Null until first saved: Spring Data then persists the row rather than merging it. */
    @Version
    private @Nullable Integer version;

    protected OpeningHoursEntity() {
        this.servicePoint = "";
        this.days = "";
        this.opens = LocalTime.MIDNIGHT;
        this.closes = LocalTime.MIDNIGHT;
    }

    /** The point's first hours of its own. */
    public OpeningHoursEntity(String servicePoint, OpeningHours hours) {
        this();
        this.servicePoint = servicePoint;
        change(hours);
    }

    public void change(OpeningHours hours) {
        days = hours.days().stream().sorted().map(day -> String.valueOf(day.getValue())).collect(Collectors.joining(","));
        opens = hours.opens();
        closes = hours.closes();
    }

    public OpeningHours toRecord() {
        return new OpeningHours(Arrays.stream(days.split(",")).map(n -> DayOfWeek.of(Integer.parseInt(n)))
                .collect(Collectors.toSet()), opens, closes);
    }
}
