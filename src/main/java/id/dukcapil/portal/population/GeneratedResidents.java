package id.dukcapil.portal.population;

import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.Nik;

/**
 * Tells the residents the portal generated itself (the demo's regency) from residents loaded from a SIAK extract, so
 * that a demo convenience that hands out a NIK with its family card number can never hand out a real one
 * (issue 52 item 10).
 */
public interface GeneratedResidents {

    /**
     * Whether the portal's last generated regency has {@code nik} as a member of the family card {@code kkNumber}.
     * False when the register was never generated, or when the generation is too large to make again on a click.
     */
    boolean generated(Nik nik, KkNumber kkNumber);
}
