package id.dukcapil.portal.population;

import java.time.Instant;

/** A KTP-el printed for a resident: when, where, why. */
public record CardPrint(Instant printedAt, String servicePoint, CardPrintReason reason) {
}
