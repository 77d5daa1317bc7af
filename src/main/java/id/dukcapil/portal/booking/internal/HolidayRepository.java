package id.dukcapil.portal.booking.internal;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The national holidays, by day. */
public interface HolidayRepository extends JpaRepository<HolidayEntity, LocalDate> {

    List<HolidayEntity> findByDayBetweenOrderByDay(LocalDate from, LocalDate to);
}
