package id.dukcapil.portal.population.internal;

import id.dukcapil.portal.shared.jdbc.Slices;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.instant;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.population.Address;
import id.dukcapil.portal.population.CardPrint;
import id.dukcapil.portal.population.CardPrintReason;
import id.dukcapil.portal.population.ChangeReason;
import id.dukcapil.portal.population.Education;
import id.dukcapil.portal.population.Eligibility;
import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.population.Family;
import id.dukcapil.portal.population.FamilyId;
import id.dukcapil.portal.population.MaritalStatus;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.population.Relationship;
import id.dukcapil.portal.population.Religion;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.population.ResidentCorrection;
import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.Sex;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The local adapter of the population register: plain JDBC on the {@code population_*} tables, because the
 * queries are few and fixed and the same tables take millions of generated rows in bulk.
 *
 * <p>Reads run without a transaction of their own (they join the caller's, if any): every connection reads
 * committed rows (decision 047), so a read-only transaction gave each statement no other view and cost five round
 * trips per read (autocommit and read-only switched on and off, a commit), once per document of a signing batch and
 * once per booking request. Without one, each statement borrows a pooled connection of its own: a read never
 * runs one statement while another's result is open.
 *
 * <p>A resident marked gone by an import (died, moved out, no longer in SIAK's extract) is no longer found: their
 * row, cards and audit trail stay (decision 099).
 */
@Component
class LocalPopulationRegistry implements PopulationRegistry {

    private static final String RESIDENT = """
            SELECT id, family_id, nik, full_name, birth_place, birth_date, sex, religion, marital_status, relationship,
                   education, occupation, father_name, mother_name, email, phone, enrolment_status
            FROM population_resident""";
    /** Card order: the head first, then by relationship, the elder before the younger. */
    private static final Comparator<Resident> CARD_ORDER = Comparator.comparing(Resident::relationship)
            .thenComparing(Resident::birthDate).thenComparing(Resident::id);

    private final JdbcClient jdbc;
    private final AuditLog auditLog;
    private final Clock clock;

    LocalPopulationRegistry(JdbcClient jdbc, AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    public Optional<Resident> findByNik(Nik nik) {
        return jdbc.sql(RESIDENT + " WHERE nik = ? AND gone_on IS NULL").param(nik.value()).query(LocalPopulationRegistry::resident)
                .optional();
    }

    @Override
    public Optional<Family> findFamily(KkNumber kkNumber) {
        return family("kk_number = ?", kkNumber.value());
    }

    @Override
    public Optional<Resident> findMember(KkNumber kkNumber, Nik nik) {
        return jdbc.sql(RESIDENT + " WHERE nik = ? AND gone_on IS NULL"
                        + " AND family_id = (SELECT id FROM population_family WHERE kk_number = ?)")
                .params(nik.value(), kkNumber.value()).query(LocalPopulationRegistry::resident).optional();
    }

    @Override
    public Optional<Family> findFamily(FamilyId familyId) {
        return family("id = ?", familyId.value());
    }

    /** The family row first, then its members: one statement at a time, so one pooled connection at a time. */
    private Optional<Family> family(String condition, Object key) {
        return jdbc.sql("SELECT id, kk_number, street, rt, rw, village_code FROM population_family WHERE " + condition)
                .param(key)
                .query((rs, row) -> new FamilyRow(rs.getLong(1), KkNumber.of(rs.getString(2)),
                        new Address(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6))))
                .optional()
                .map(family -> new Family(FamilyId.of(family.id()), family.kkNumber(), family.address(), members(family.id())));
    }

    private record FamilyRow(long id, KkNumber kkNumber, Address address) {
    }

    private List<Resident> members(long familyId) {
        List<Resident> members = new ArrayList<>(jdbc.sql(RESIDENT + " WHERE family_id = ? AND gone_on IS NULL").param(familyId)
                .query(LocalPopulationRegistry::resident).list());
        members.sort(CARD_ORDER);
        return members;
    }

    @Override
    public Slice<Resident> findByName(String namePrefix, Pageable page) {
        String key = Resident.nameKey(namePrefix);
        if (key.isEmpty()) {
            return new SliceImpl<>(List.of(), page, false);
        }
        // One row more than the page tells whether there is a next page, without counting.
        List<Resident> rows = jdbc.sql(RESIDENT + " WHERE name_key LIKE ? AND gone_on IS NULL ORDER BY name_key, id LIMIT ? OFFSET ?")
                .params(key + "%", page.getPageSize() + 1, page.getOffset())
                .query(LocalPopulationRegistry::resident).list();
        return Slices.of(rows, page);
    }

    @Override
    public List<Resident> ofDistrict(String districtCode, LocalDate bornOnOrBefore, int limit) {
        if (!districtCode.matches("\\d{2}\\.\\d{2}\\.\\d{2}")) {
            throw new IllegalArgumentException("Not a kecamatan's code: " + districtCode);
        }
        return jdbc.sql(RESIDENT + " WHERE gone_on IS NULL AND birth_date <= ? AND family_id IN"
                        + " (SELECT id FROM population_family WHERE village_code LIKE ?) ORDER BY nik LIMIT ?")
                .params(bornOnOrBefore, districtCode + ".%", limit).query(LocalPopulationRegistry::resident).list();
    }

    @Override
    public List<CardPrint> cardHistory(Nik nik) {
        return jdbc.sql("""
                        SELECT c.printed_at, c.service_point, c.reason FROM population_card_print c
                        JOIN population_resident r ON r.id = c.resident_id WHERE r.nik = ? ORDER BY c.printed_at, c.id""")
                .param(nik.value())
                .query((rs, row) -> new CardPrint(instant(rs.getObject(1, LocalDateTime.class)), rs.getString(2),
                        CardPrintReason.valueOf(rs.getString(3))))
                .list();
    }

    @Override
    @Transactional
    public Resident correct(Nik nik, ResidentCorrection correction, ChangeReason reason, String note) {
        Resident before = locked(nik);
        Resident after = new Resident(before.id(), before.familyId(), before.nik(),
                or(correction.fullName(), before.fullName()), or(correction.birthPlace(), before.birthPlace()),
                or(correction.birthDate(), before.birthDate()), or(correction.sex(), before.sex()),
                before.religion(), or(correction.maritalStatus(), before.maritalStatus()), before.relationship(),
                or(correction.education(), before.education()), or(correction.occupation(), before.occupation()),
                orNullable(correction.fatherName(), before.fatherName()),
                orNullable(correction.motherName(), before.motherName()),
                orNullable(correction.email(), before.email()), orNullable(correction.phone(), before.phone()),
                before.enrolmentStatus());
        List<String> changes = new ArrayList<>();
        diff(changes, "full_name", before.fullName(), after.fullName());
        diff(changes, "birth_place", before.birthPlace(), after.birthPlace());
        diff(changes, "birth_date", before.birthDate(), after.birthDate());
        diff(changes, "sex", before.sex(), after.sex());
        diff(changes, "marital_status", before.maritalStatus(), after.maritalStatus());
        diff(changes, "education", before.education(), after.education());
        diff(changes, "occupation", before.occupation(), after.occupation());
        diff(changes, "father_name", before.fatherName(), after.fatherName());
        diff(changes, "mother_name", before.motherName(), after.motherName());
        diff(changes, "email", before.email(), after.email());
        diff(changes, "phone", before.phone(), after.phone());
        if (changes.isEmpty()) {
            throw new RuleViolation("population.change.nothing");
        }
        jdbc.sql("""
                        UPDATE population_resident SET full_name = ?, name_key = ?, birth_place = ?, birth_date = ?, sex = ?,
                            marital_status = ?, education = ?, occupation = ?, father_name = ?, mother_name = ?, email = ?,
                            phone = ?
                        WHERE id = ?""")
                .params(after.fullName(), Resident.nameKey(after.fullName()), after.birthPlace(), after.birthDate(),
                        after.sex().name(), after.maritalStatus().name(), after.education().name(), after.occupation(),
                        after.fatherName(), after.motherName(), after.email(), after.phone(), after.id())
                .update();
        registerChangedLocally(after.id());
        audit("population.resident.corrected", nik, reason, String.join("; ", changes), note);
        return after;
    }

    @Override
    @Transactional
    public Resident changeEnrolmentStatus(Nik nik, EnrolmentStatus status, String note) {
        Resident before = locked(nik);
        if (!before.enrolmentStatus().canMoveTo(status)) {
            throw new RuleViolation("population.enrolment.not-allowed", before.enrolmentStatus().name(), status.name());
        }
        jdbc.sql("UPDATE population_resident SET enrolment_status = ? WHERE id = ?").params(status.name(), before.id())
                .update();
        registerChangedLocally(before.id());
        audit("population.enrolment.changed", nik, ChangeReason.ENROLMENT,
                "enrolment_status: " + before.enrolmentStatus() + " → " + status, note);
        return before.withEnrolmentStatus(status);
    }

    @Override
    @Transactional
    public CardPrint recordCardPrint(Nik nik, String servicePoint, CardPrintReason reason) {
        Resident resident = locked(nik);
        Eligibility.cardPrinting(resident.enrolmentStatus()).orThrow();
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO population_card_print (resident_id, printed_at, service_point, reason) VALUES (?, ?, ?, ?)")
                .params(resident.id(), LocalDateTime.ofInstant(now, ZoneOffset.UTC), servicePoint, reason.name())
                .update();
        auditLog.record(AuditRecord.success("population.card.printed", "Resident", nik.value())
                .withDetail("reason=" + reason + "; service_point=" + servicePoint));
        return new CardPrint(now.truncatedTo(ChronoUnit.MILLIS), servicePoint, reason);
    }

    private Resident locked(Nik nik) {
        return jdbc.sql(RESIDENT + " WHERE nik = ? AND gone_on IS NULL FOR UPDATE").param(nik.value())
                .query(LocalPopulationRegistry::resident).optional()
                .orElseThrow(() -> new RuleViolation("population.nik.unknown", nik.masked()));
    }

    private void audit(String action, Nik nik, ChangeReason reason, String beforeAfter, String note) {
        auditLog.record(AuditRecord.success(action, "Resident", nik.value())
                .withDetail("reason=" + reason + "; " + beforeAfter + (note.isBlank() ? "" : "; note: " + note)));
    }

    private static void diff(List<String> changes, String field, @Nullable Object before, @Nullable Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(field + ": " + before + " → " + after);
        }
    }

    private static <T> T or(@Nullable T value, T current) {
        return value != null ? value : current;
    }

    private static <T> @Nullable T orNullable(@Nullable T value, @Nullable T current) {
        return value != null ? value : current;
    }

    static Resident resident(ResultSet rs, int row) throws SQLException {
        return new Resident(rs.getLong(1), FamilyId.of(rs.getLong(2)), Nik.of(rs.getString(3)), rs.getString(4), rs.getString(5),
                rs.getObject(6, LocalDate.class), Sex.valueOf(rs.getString(7)), Religion.valueOf(rs.getString(8)),
                MaritalStatus.valueOf(rs.getString(9)), Relationship.valueOf(rs.getString(10)),
                Education.valueOf(rs.getString(11)), rs.getString(12), rs.getString(13), rs.getString(14),
                rs.getString(15), rs.getString(16), EnrolmentStatus.valueOf(rs.getString(17)));
    }


    /**
     * The family's stored extract fingerprint no longer says what the register holds: the next refresh compares its
     * members again, so the extract stays the register's truth (decisions 099, 107).
     */
    private void registerChangedLocally(long residentId) {
        jdbc.sql("UPDATE population_family SET fingerprint = NULL WHERE id = "
                + "(SELECT family_id FROM population_resident WHERE id = ?)").params(residentId).update();
    }
}
