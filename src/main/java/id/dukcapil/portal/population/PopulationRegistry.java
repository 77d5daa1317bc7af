package id.dukcapil.portal.population;

import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.Nik;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;

/**
 * The port to the population register (SIAK). The portal's local adapter keeps the data in its own tables; an
 * adapter to the real SIAK could replace it without touching a caller. Callers guard access themselves (the
 * adapter also serves system jobs with no signed-in user). The eligibility questions are answered here, from
 * {@link Eligibility}, so every adapter answers them alike.
 */
public interface PopulationRegistry {

    Optional<Resident> findByNik(Nik nik);

    Optional<Family> findFamily(KkNumber kkNumber);

    /**
     * The resident the NIK names, if a member of the family with this KK number: what proves a person who knows
     * both numbers, in one read instead of the whole family's (a booking asks it on every request, decision 109).
     */
    Optional<Resident> findMember(KkNumber kkNumber, Nik nik);

    /** By the registry's own id, for screens that must not show the KK number. */
    Optional<Family> findFamily(FamilyId familyId);

    /** Residents whose name starts with the prefix (case, accents and punctuation ignored), in name order. */
    Slice<Resident> findByName(String namePrefix, Pageable page);

    /** The KTP-el cards printed for a resident, oldest first. */
    List<CardPrint> cardHistory(Nik nik);

    /**
     * The residents of a kecamatan (its dotted code, {@code 32.04.37}) born on or before the date, by NIK, at most
     * {@code limit}: what a recording point's day takes to an outpost (issue 53).
     */
    List<Resident> ofDistrict(String districtCode, LocalDate bornOnOrBefore, int limit);

    /** Sets what the correction names, audited with before, after, reason and note. */
    Resident correct(Nik nik, ResidentCorrection correction, ChangeReason reason, String note);

    /** Moves the KTP-el record one step of its lifecycle ({@link EnrolmentStatus#next()}), audited. */
    Resident changeEnrolmentStatus(Nik nik, EnrolmentStatus status, String note);

    /** Records a printed KTP-el; only a print-ready record is printed. Audited. */
    CardPrint recordCardPrint(Nik nik, String servicePoint, CardPrintReason reason);

    default Verdict ktpRecordingEligibility(Nik nik, LocalDate on) {
        return findByNik(nik)
                .map(resident -> Eligibility.ktpRecording(resident.birthDate(), resident.maritalStatus(), on))
                .orElseGet(() -> unknown(nik));
    }

    default Verdict printEligibility(Nik nik) {
        return findByNik(nik).map(resident -> Eligibility.cardPrinting(resident.enrolmentStatus()))
                .orElseGet(() -> unknown(nik));
    }

    default Verdict kkPrintRequestEligibility(Nik requester, KkNumber kkNumber) {
        Optional<Resident> resident = findByNik(requester);
        if (resident.isEmpty()) {
            return unknown(requester);
        }
        return findFamily(kkNumber).map(family -> Eligibility.kkPrintRequest(resident.get(), family))
                .orElseGet(() -> Verdict.no("population.kk.unknown", kkNumber.masked()));
    }

    default Verdict schoolRecordingEligibility(Nik nik, LocalDate visitDate) {
        return findByNik(nik).map(resident -> Eligibility.schoolRecording(resident.birthDate(), visitDate))
                .orElseGet(() -> unknown(nik));
    }

    private static Verdict unknown(Nik nik) {
        return Verdict.no("population.nik.unknown", nik.masked());
    }
}
