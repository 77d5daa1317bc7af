package id.dukcapil.portal.booking.internal;

import id.dukcapil.portal.booking.Holiday;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A national holiday entered for the year ({@code booking_holiday}): every point is closed that day. */
@Entity
@Table(name = "booking_holiday")
public class HolidayEntity {

    @Id
    private LocalDate day;
    private String name;
    /** Null until first saved: Spring Data then persists the row rather than merging it. */
    @Version
    private @Nullable Integer version;

    protected HolidayEntity() {
        this.day = LocalDate.EPOCH;
        this.name = "";
    }

    public HolidayEntity(LocalDate day, String name) {
        this.day = day;
        this.name = name;
    }

    /** The same day entered again under another name (a correction): the name is replaced. */
    public void rename(String name) {
        this.name = name;
    }

    public Holiday toRecord() {
        return new Holiday(day, name);
    }
}
