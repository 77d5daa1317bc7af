package id.dukcapil.portal.booking.internal;

import id.dukcapil.portal.booking.OpeningHours;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The points' opening days and hours ({@code booking_opening_hours}); days kept as ISO numbers, "1,2,3,4,5,6". */
@Component
public class OpeningHoursStore {

    private final JdbcClient jdbc;

    OpeningHoursStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<OpeningHours> find(String point) {
        return jdbc.sql("SELECT days, opens, closes FROM booking_opening_hours WHERE service_point = ?").param(point)
                .query((rs, row) -> new OpeningHours(
                        Arrays.stream(rs.getString(1).split(",")).map(n -> DayOfWeek.of(Integer.parseInt(n)))
                                .collect(Collectors.toSet()),
                        rs.getObject(2, LocalTime.class), rs.getObject(3, LocalTime.class)))
                .optional();
    }

    public void save(String point, OpeningHours hours) {
        String days = hours.days().stream().sorted().map(day -> String.valueOf(day.getValue()))
                .collect(Collectors.joining(","));
        jdbc.sql("""
                INSERT INTO booking_opening_hours (service_point, days, opens, closes) VALUES (?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE days = VALUES(days), opens = VALUES(opens), closes = VALUES(closes)""")
                .params(point, days, hours.opens(), hours.closes()).update();
    }
}
