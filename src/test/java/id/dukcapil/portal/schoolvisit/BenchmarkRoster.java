package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.population.Eligibility;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.schoolvisit.SchoolVisitTestSupport.Line;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Sex;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The roster benchmark's school file: 10,000 rows of generated registry residents (Kota Bandung's district 32.73.01,
 * apart from the demo regency's NIKs), every twentieth row bad, the bad ones taking turns through each refusal of
 * {@link RosterImport}.
 */
final class BenchmarkRoster {

    static final int ROWS = 10_000;
    /** One row in twenty: 5 %. */
    static final int BAD_EVERY = 20;
    static final String[] REFUSALS = {"schoolvisit.roster.bad-nik", "schoolvisit.roster.bad-birth-date",
            "schoolvisit.roster.bad-class", "schoolvisit.roster.nik-birth-date", "schoolvisit.roster.duplicate",
            "schoolvisit.roster.unknown-nik", "schoolvisit.roster.under-16"};
    private static final String DISTRICT = "327301";
    /** Birth dates spread over this many days, so that a NIK's serial stays small and every NIK is distinct. */
    private static final int BIRTH_DAYS = 600;
    private static final int INSERT_ROWS = 1_000;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private BenchmarkRoster() {
    }

    /** A generated resident of the registry: the n-th, 17 or older on the visit day, or under 16 if {@code young}. */
    private record Generated(Nik nik, String name, LocalDate birthDate) {

        static Generated nth(int n, LocalDate visitDay, boolean young) {
            LocalDate birthDate = (young ? visitDay.minusYears(14) : visitDay.minusYears(17))
                    .minusDays(n % BIRTH_DAYS);
            return new Generated(Nik.compose(DISTRICT, birthDate, Sex.MALE, 1 + n / BIRTH_DAYS), "Siswa Uji " + n,
                    birthDate);
        }

        Line line(String className) {
            return new Line(nik.value(), name, DATE.format(birthDate), className);
        }
    }

    /** The file's rows, its residents written to the registry first (again on a later run: kept as they are). */
    static List<Line> lines(JdbcTemplate jdbc, LocalDate visitDay) {
        List<Generated> residents = IntStream.range(0, ROWS)
                .mapToObj(n -> Generated.nth(n, visitDay, refusal(n).equals("schoolvisit.roster.under-16")))
                .toList();
        register(jdbc, residents);
        List<Line> lines = new ArrayList<>(ROWS);
        for (int n = 0; n < ROWS; n++) {
            Generated resident = residents.get(n);
            String className = "XII IPA " + (1 + n % 6);
            lines.add(switch (isBad(n) ? refusal(n) : "") {
                case "", "schoolvisit.roster.under-16" -> resident.line(className);
                case "schoolvisit.roster.bad-nik" -> new Line("3273" + n, resident.name(), "01/01/2009", className);
                case "schoolvisit.roster.bad-birth-date" ->
                        new Line(resident.nik().value(), resident.name(), "kemarin", className);
                case "schoolvisit.roster.bad-class" -> resident.line("");
                case "schoolvisit.roster.nik-birth-date" -> new Line(resident.nik().value(), resident.name(),
                        DATE.format(resident.birthDate().plusDays(1)), className);
                case "schoolvisit.roster.duplicate" -> residents.get(n - 1).line(className);
                case "schoolvisit.roster.unknown-nik" -> new Line(Nik.compose(DISTRICT, resident.birthDate(),
                        Sex.FEMALE, 9_999).value(), resident.name(), DATE.format(resident.birthDate()), className);
                default -> throw new IllegalStateException(refusal(n));
            });
        }
        return lines;
    }

    /** The rows the import keeps. */
    static List<Line> good(List<Line> lines) {
        return IntStream.range(0, lines.size()).filter(n -> !isBad(n)).mapToObj(lines::get).toList();
    }

    /** The baseline: the same good rows, as the registry has them, in JDBC batches of one plain INSERT each. */
    static void plainInsert(JdbcTemplate jdbc, long schoolId, List<Line> good) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate("""
                INSERT INTO schoolvisit_student (school_id, nik, full_name, birth_date, turns_17_on, class_name, state,
                  imported_at) VALUES (?, ?, ?, ?, ?, ?, 'ON_ROSTER', ?)""", good, 500, (statement, line) -> {
            LocalDate birthDate = LocalDate.parse(line.birthDate(), DATE);
            statement.setLong(1, schoolId);
            statement.setString(2, line.nik());
            statement.setString(3, line.name());
            statement.setDate(4, Date.valueOf(birthDate));
            statement.setDate(5, Date.valueOf(Eligibility.birthday(birthDate, 17)));
            statement.setString(6, line.className());
            statement.setTimestamp(7, now);
        });
    }

    private static boolean isBad(int n) {
        return n % BAD_EVERY == BAD_EVERY - 1;
    }

    private static String refusal(int n) {
        return isBad(n) ? REFUSALS[(n / BAD_EVERY) % REFUSALS.length] : "";
    }

    /** One family for all, its members in multi-row INSERTs; residents already there from a run before are kept. */
    private static void register(JdbcTemplate jdbc, List<Generated> residents) {
        jdbc.update("""
                INSERT IGNORE INTO population_family (kk_number, street, rt, rw, village_code)
                VALUES ('3273019999990001', 'Jl. Uji Sekolah', '001', '001', '3273010001')""");
        long family = jdbc.queryForObject("SELECT id FROM population_family WHERE kk_number = '3273019999990001'",
                Long.class);
        for (int from = 0; from < residents.size(); from += INSERT_ROWS) {
            List<Generated> batch = residents.subList(from, Math.min(residents.size(), from + INSERT_ROWS));
            StringBuilder sql = new StringBuilder("""
                    INSERT IGNORE INTO population_resident (family_id, nik, full_name, name_key, birth_place,
                      birth_date, sex, religion, marital_status, relationship, education, occupation,
                      enrolment_status) VALUES """);
            List<Object> args = new ArrayList<>(batch.size() * 5);
            for (int i = 0; i < batch.size(); i++) {
                Generated resident = batch.get(i);
                sql.append(i == 0 ? "" : ",").append("(?, ?, ?, ?, 'Bandung', ?, 'MALE', 'ISLAM', 'NEVER_MARRIED', "
                        + "'CHILD', 'SENIOR_SECONDARY', 'Pelajar/Mahasiswa', 'NOT_RECORDED')");
                args.addAll(Arrays.asList(family, resident.nik().value(), resident.name(),
                        Resident.nameKey(resident.name()), resident.birthDate()));
            }
            jdbc.update(sql.toString(), args.toArray());
        }
    }
}
