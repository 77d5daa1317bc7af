package id.dukcapil.portal.schoolvisit;

import org.jspecify.annotations.Nullable;

/** A field team's equipment kit, kept at a service point: SOP D's list, from the SIAK computer to the vehicle. */
public record Kit(String code, String name, String servicePoint, boolean underRepair, @Nullable String repairNote) {
}
