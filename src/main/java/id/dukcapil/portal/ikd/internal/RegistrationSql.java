package id.dukcapil.portal.ikd.internal;

import java.time.Instant;

/**
 * A registration's birth, in SQL beside the repository: the unique open NIK decides between two registrations of one
 * NIK sent together. A persisted entity would lose that race with an exception that dooms the whole transaction,
 * and with it the failures the registration counts at the point (kept when it is refused, decision 130); one
 * {@code INSERT IGNORE} answers "not inserted" and the refusal is said in words.
 */
public interface RegistrationSql {

    /** A new REGISTERED registration; false if the NIK has an open or activated one already (nothing inserted). */
    boolean insertUnlessNikHeld(String code, String nik, String fullName, String email, String phone,
                                String servicePoint, Instant at);
}
