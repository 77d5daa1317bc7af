package id.dukcapil.portal.booking;

import id.dukcapil.portal.staff.ServicePointKind;

/**
 * A point's daily printing capacity and the places of it only staff may book.
 */
public record PointSettings(int capacity, int reserve) {

    public static final int CAPACITY_MAX = 5_000;

    /** Until a planner sets them: what a printer at each kind of point manages in a day, a tenth kept back. */
    static PointSettings defaultFor(ServicePointKind kind) {
        int capacity = switch (kind) {
            case DINAS -> 150;
            case MPP -> 100;
            default -> 40;
        };
        return new PointSettings(capacity, capacity / 10);
    }
}
