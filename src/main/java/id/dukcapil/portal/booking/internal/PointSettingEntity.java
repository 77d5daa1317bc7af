package id.dukcapil.portal.booking.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A point's daily printing capacity and the part of it kept for staff ({@code booking_point_setting}), as a planner
 * set them; a point without a row has its kind's default.
 */
@Entity
@Table(name = "booking_point_setting")
public class PointSettingEntity {

    @Id
    private String servicePoint;
    private int dailyCapacity;
    private int dailyReserve;
    /** Null until first saved: Spring Data then persists the row rather than merging it. */
    @Version
    private @Nullable Integer version;

    protected PointSettingEntity() {
        this.servicePoint = "";
    }

    /** The point's first settings. */
    public PointSettingEntity(String servicePoint) {
        this.servicePoint = servicePoint;
    }

    public void change(int capacity, int reserve) {
        this.dailyCapacity = capacity;
        this.dailyReserve = reserve;
    }

    public int capacity() {
        return dailyCapacity;
    }

    public int reserve() {
        return dailyReserve;
    }
}
