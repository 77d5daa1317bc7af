package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.population.CardPrintReason;
import id.dukcapil.portal.population.ChangeReason;
import id.dukcapil.portal.population.Eligibility;
import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.population.ResidentCorrection;
import id.dukcapil.portal.schoolvisit.OutpostBundle.Kind;
import id.dukcapil.portal.schoolvisit.OutpostBundle.Operation;
import id.dukcapil.portal.schoolvisit.internal.CheckoutEntity;
import id.dukcapil.portal.schoolvisit.internal.CheckoutRepository;
import id.dukcapil.portal.schoolvisit.internal.SchoolVisitEntity;
import id.dukcapil.portal.schoolvisit.internal.SchoolVisitRepository;
import id.dukcapil.portal.schoolvisit.internal.StudentEntity;
import id.dukcapil.portal.schoolvisit.internal.StudentRepository;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.sla.SopStep;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What an outpost's operation changes once the Dinas applies it (decision 196), on arrival or later from the
 * reconciliation list: the student and the register as the Dinas's own desks change them, the step clocks at the
 * outpost's time and by its officer, the visit's blank cards.
 */
@Component
class OutpostEffects {

    private final CheckoutRepository checkouts;
    private final StudentRepository students;
    private final SchoolVisitRepository visits;
    private final PopulationRegistry registry;
    private final SchoolVisitClocks clocks;

    OutpostEffects(CheckoutRepository checkouts, StudentRepository students, SchoolVisitRepository visits,
                   PopulationRegistry registry, SchoolVisitClocks clocks) {
        this.checkouts = checkouts;
        this.students = students;
        this.visits = visits;
        this.registry = registry;
        this.clocks = clocks;
    }

    /**
     * The operation's effect, in the caller's transaction.
     *
     * @param student the student it is of; none for a spoiled card
     */
    void apply(CheckoutEntity checkout, SchoolVisit visit, @Nullable Student student, Operation operation) {
        Instant at = operation.happenedAt();
        String by = operation.staff();
        if (operation.kind() == Kind.CARD_SPOILED) {
            checkout.cardSpoiled();
            checkouts.saveAndFlush(checkout);
            SchoolVisitEntity spoiledAt = visits.findById(visit.id()).orElseThrow();
            spoiledAt.spoilCard();
            visits.saveAndFlush(spoiledAt);
            return;
        }
        if (student == null) {
            throw new IllegalArgumentException("a student's step names its student");
        }
        var caseRef = SchoolVisitClocks.student(student.id());
        StudentEntity entity = students.load(student.id());
        String reference = "SOP D " + TeamVisits.reference(visit.id()) + " (" + checkout.outpost() + ")";
        switch (operation.kind()) {
            case FOUND_RECORDED -> {
                entity.begin(visit.id());
                entity.foundRecorded(by, at);
                students.change(entity);
                clocks.enterAs(caseRef, SopStep.D3_RECORDING_STATUS, at, by, visit.servicePoint());
                clocks.leaveAs(caseRef, SopStep.D3_RECORDING_STATUS, at, by);
                Resident resident = resident(student);
                if (Eligibility.schoolCardPrinting(resident.birthDate(), resident.enrolmentStatus(), visit.day())
                        .eligible()) {
                    clocks.enterAs(caseRef, SopStep.D7_PRINT, at, by, visit.servicePoint());
                }
            }
            case CORRECTED -> {
                // The outpost reports one time for steps 3 to 5: the record of step 5, the correction, carries it.
                entity.begin(visit.id());
                entity.notRecorded();
                entity.registryDiffers();
                OutpostBundle.Correction correction = operation.correction();
                Resident before = resident(student);
                ResidentCorrection change = correction.certificate().correctionOf(before);
                // The register saying what the certificate says already (corrected at a Dinas desk meanwhile):
                // nothing is written twice, the student goes on to the recording as the outpost did.
                Resident after = change.equals(ResidentCorrection.none()) ? before
                        : registry.correct(before.nik(), change, ChangeReason.BIRTH_CERTIFICATE,
                        reference + ": " + correction.note().strip());
                entity.corrected(after.birthDate(), after.fullName());
                students.change(entity);
                clocks.enterAs(caseRef, SopStep.D5_SIAK_UPDATE, at, by, visit.servicePoint());
                clocks.leaveAs(caseRef, SopStep.D5_SIAK_UPDATE, at, by);
                // Step 6 begins, as at the Dinas's desk: a Dinas desk can record them later if the laptop did not.
                clocks.enterAs(caseRef, SopStep.D6_RECORDING, at, by, visit.servicePoint());
            }
            case RECORDED -> {
                // The outpost reports one time for steps 3 to 6: the record of step 6 carries it. A student whose
                // registry the outpost corrected (step 5) is at step 6 already.
                if (student.fieldStep() == null) {
                    entity.begin(visit.id());
                    entity.notRecorded();
                    entity.registryMatches();
                }
                entity.recorded(by, at);
                students.change(entity);
                Nik nik = Nik.of(student.nik());
                registry.changeEnrolmentStatus(nik, EnrolmentStatus.BIOMETRICS_CAPTURED, reference);
                registry.changeEnrolmentStatus(nik, EnrolmentStatus.SENT_FOR_ENROLMENT, reference);
                // Begun at the correction (step 5), or now, with the recording's own time.
                if (clocks.open(caseRef).filter(open -> open.step() == SopStep.D6_RECORDING).isEmpty()) {
                    clocks.enterAs(caseRef, SopStep.D6_RECORDING, at, by, visit.servicePoint());
                }
                clocks.leaveAs(caseRef, SopStep.D6_RECORDING, at, by);
            }
            case CARD_PRINTED -> {
                SchoolVisitEntity printingAt = visits.findById(visit.id()).orElseThrow();
                printingAt.useCard();
                visits.saveAndFlush(printingAt);
                entity.printed(by, at);
                students.change(entity);
                registry.recordCardPrint(Nik.of(student.nik()), visit.servicePoint(), CardPrintReason.FIRST);
                // A card the Dinas put in step 7 only after the outpost had printed it (applied later from the
                // reconciliation list): the step ends as it was entered; the student and the audit keep the card's
                // own time.
                Instant ended = clocks.open(caseRef).filter(open -> open.step() == SopStep.D7_PRINT)
                        .map(open -> open.startedAt()).filter(at::isBefore).orElse(at);
                if (!clocks.leaveIfOpen(caseRef, SopStep.D7_PRINT, ended)) {
                    clocks.enterAs(caseRef, SopStep.D7_PRINT, at, by, visit.servicePoint());
                    clocks.leaveAs(caseRef, SopStep.D7_PRINT, at, by);
                }
            }
            default -> {
                // Absent or refused: the student stays on the roster for another day; the operation and its audit
                // entry are the visit's record of it.
            }
        }
    }


    private Resident resident(Student student) {
        return registry.findByNik(Nik.of(student.nik()))
                .orElseThrow(() -> new RuleViolation("population.nik.unknown", Nik.of(student.nik()).masked()));
    }
}
