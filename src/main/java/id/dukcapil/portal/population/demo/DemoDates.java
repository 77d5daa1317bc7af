package id.dukcapil.portal.population.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/**
 * Random ages and dates as of the generator's reference day. Shares the generator's one random source with the other
 * parts: the population is repeatable only while every draw comes from it in the same order.
 */
final class DemoDates {

    private final SplittableRandom random;
    private final LocalDate today;

    DemoDates(SplittableRandom random, LocalDate today) {
        this.random = random;
        this.today = today;
    }

    LocalDate today() {
        return today;
    }

    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    /** A birth date of someone aged {@code minAge} to {@code maxAge} today. */
    LocalDate birthForAge(int minAge, int maxAge) {
        return dateBetween(today.minusYears(maxAge + 1L).plusDays(1), today.minusYears(minAge));
    }

    LocalDate dateBetween(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        return days <= 0 ? from : from.plusDays(random.nextLong(days + 1));
    }

    static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
