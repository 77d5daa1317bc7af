package id.dukcapil.portal.population.demo;

import static id.dukcapil.portal.population.demo.DemoDates.later;

import id.dukcapil.portal.population.CardPrint;
import id.dukcapil.portal.population.CardPrintReason;
import id.dukcapil.portal.population.Eligibility;
import id.dukcapil.portal.population.internal.GeneratedFamily;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The KTP-el cards printed for a print-ready resident: the first after the 17th birthday (not before the national
 * roll-out), now and then a second one for a lost, damaged or changed card, each at a service point of the regency.
 */
final class DemoCardPrints {

    /** KTP-el recording began nationally in 2011; no card is older. */
    static final LocalDate KTP_EL_ROLLOUT = LocalDate.of(2011, 10, 1);
    private static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Jakarta");

    private final SplittableRandom random;
    private final DemoNumbering numbering;
    private final LocalDate today;

    DemoCardPrints(SplittableRandom random, DemoNumbering numbering, LocalDate today) {
        this.random = random;
        this.numbering = numbering;
        this.today = today;
    }

    void printFor(long residentId, LocalDate birthDate, int district, List<GeneratedFamily.Card> cards) {
        if (random.nextDouble() < 0.08) {
            return; // print-ready, waiting for a blanko
        }
        LocalDate first = later(KTP_EL_ROLLOUT, Eligibility.birthday(birthDate, Eligibility.KTP_AGE))
                .plusDays(random.nextInt(540));
        if (first.isAfter(today)) {
            return;
        }
        cards.add(card(residentId, first, district, CardPrintReason.FIRST));
        if (random.nextDouble() < 0.14) {
            LocalDate second = first.plusDays(200 + random.nextInt(8 * 365));
            if (!second.isAfter(today)) {
                CardPrintReason reason = DemoNames.pick(random,
                        List.of(CardPrintReason.LOST, CardPrintReason.DAMAGED, CardPrintReason.DATA_CHANGED));
                cards.add(card(residentId, second, district, reason));
            }
        }
    }

    private GeneratedFamily.Card card(long residentId, LocalDate day, int district, CardPrintReason reason) {
        double r = random.nextDouble();
        String servicePoint = r < 0.55 ? "UKL-" + numbering.districtDigits(district) : r < 0.85 ? "DINAS" : "MPP-SOREANG";
        var printedAt = day.atTime(8 + random.nextInt(7), random.nextInt(60), random.nextInt(60))
                .atZone(OFFICE_ZONE).toInstant();
        return new GeneratedFamily.Card(residentId, new CardPrint(printedAt, servicePoint, reason));
    }
}
