package id.dukcapil.portal.population;

import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.Nik;
import java.util.List;

/**
 * An import of a SIAK extract changed residents already in the register (their data, their family, or that they
 * are gone) and family cards (their address, their members). Procedure modules listen to show the change to the
 * desk that holds an open case of one of them (a KK request in verification, a booking).
 *
 * @param importId the import, for the audit log's record of each change
 */
public record PopulationChanged(long importId, List<Nik> residents, List<KkNumber> families) {

    public PopulationChanged {
        residents = List.copyOf(residents);
        families = List.copyOf(families);
    }
}
