package id.dukcapil.portal.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.recording.OutpostDayBundle.Operation;
import id.dukcapil.portal.recording.internal.DayCheckoutRepository;
import id.dukcapil.portal.recording.OutpostDayBundle.Step;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.secret.BundleSignature;
import id.dukcapil.portal.staff.StaffAccounts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 53's SOP C at a kecamatan cut from the Dinas (decision 200), over the API an outpost calls: the point's
 * registration operator takes the day with their own Dinas credentials, the Dinas's desks of the point refuse
 * meanwhile, and the outpost's steps come back signed: each applied once with the outpost's times, however often and
 * however partly the bundle arrives; a resident recorded at the Dinas meanwhile is kept for a supervisor; the day's
 * numbers go on without a gap afterwards.
 */
@PortalTest
class OutpostDayApiTests {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");
    private static final String PASSWORD = "Sandi-Kuat-2026";
    private static final AtomicInteger NEXT_CLIENT = new AtomicInteger((int) (System.nanoTime() % 200));
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEY = "5b0e6f9e-1c1a-4d4e-9f00-0123456789ab";

    @LocalServerPort int port;
    @Autowired RegistrationDesk registration;
    @Autowired OutpostDaySupervision outpostDays;
    @Autowired id.dukcapil.portal.staff.ServicePoints servicePoints;
    @Autowired OutpostDaySteps daySteps;
    @Autowired DayCheckoutRepository checkouts;
    @Autowired RecordingDesk recording;
    @Autowired StaffAccounts staffAccounts;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    private final HttpClient http = HttpClient.newHttpClient();
    /** An address of TEST-NET-3 no other test uses (203.0.113.10 to .99): this test's sign-ins are its own. */
    private final String client = "203.0.113." + (10 + NEXT_CLIENT.incrementAndGet() % 90);

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void a_days_steps_taken_at_the_outpost_arrive_once_with_their_times_and_the_numbers_go_on_after_them()
            throws Exception {
        LocalDate day = startDay(521);
        String point = staffAccounts.servicePoint();
        String registrar = staffAccounts.create(Set.of(Role.REGISTRATION_OPERATOR), PASSWORD, point);
        String recorder = staffAccounts.create(Set.of(Role.RECORDING_OPERATOR), PASSWORD, point);
        List<String> niks = residentsOfTheDistrict(day, 5);
        // The morning at the Dinas: number 1 and proof 1 given before the link went.
        Visit morning = SignedInAs.call(users, registrar, () -> RecordingTestSupport.queued(registration, niks.get(0)));
        SignedInAs.run(users, recorder, () -> recording.proofHanded(recording.recorded(
                recording.callNext("Meja 1").orElseThrow().id()).id()));
        clock.setInstant(clock.instant().plus(Duration.ofMinutes(30)));

        Answer out = post("/api/v1/outposts/days/checkout", registrar, checkout("Laptop Kecamatan", "K"), "id");

        assertThat(out.status()).as(out.body()).isEqualTo(201);
        OutpostDay taken = JSON.readValue(out.body(), OutpostDay.class);
        assertThat(taken.point()).isEqualTo(point);
        assertThat(taken.day()).isEqualTo(day);
        assertThat(taken.firstNumber()).as("the day's numbers go on after the Dinas's").isEqualTo(2);
        assertThat(taken.firstProof()).isEqualTo(2);
        assertThat(taken.prefix()).isEqualTo("K");
        assertThat(taken.residents()).extracting(OutpostDay.Packed::nik).contains(niks.get(1), niks.get(2),
                niks.get(3), niks.get(4));
        assertThat(taken.residents()).filteredOn(resident -> resident.nik().equals(niks.get(0)))
                .singleElement().satisfies(resident -> assertThat(resident.explanation()).isNotBlank());
        assertThat(taken.accounts()).extracting(account -> account.username()).contains(registrar, recorder);
        assertThat(taken.accounts()).allSatisfy(account -> assertThat(account.passwordHash()).startsWith("{bcrypt}"));
        assertThat(taken.secret()).matches("[0-9a-f]{64}");
        assertThat(morning.ticket()).isNotBlank();

        // The Dinas's desks of the point say so first, and move nothing while the day is out.
        assertThat(SignedInAs.call(users, registrar, registration::dayOut)).hasValueSatisfying(said -> assertThat(
                said.messageKeys()).containsExactly("recording.error.point-out"));
        assertThat(SignedInAs.call(users, recorder, recording::dayOut)).isPresent();
        assertThatThrownBy(() -> SignedInAs.call(users, registrar, () -> registration.begin(niks.get(1),
                clock.instant()))).isInstanceOf(RuleViolation.class)
                .satisfies(refused -> assertThat(((RuleViolation) refused).messageKeys())
                        .contains("recording.error.point-out"));
        assertThatThrownBy(() -> SignedInAs.call(users, recorder, () -> recording.callNext("Meja 1")))
                .isInstanceOf(RuleViolation.class);
        assertProblem(post("/api/v1/outposts/days/checkout", registrar, checkout("Laptop Lain", "L",
                "0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6"), "en"), 409,
                "POINT_OUT");

        Instant t = clock.instant().plus(Duration.ofMinutes(5));
        Day steps = new Day(t);
        UUID a = steps.begin(registrar, niks.get(1));
        steps.add(Step.DOCUMENTS_IN_ORDER, registrar, a);
        steps.queued(registrar, a, 2, "K-002", null);
        UUID b = steps.begin(registrar, niks.get(2));
        steps.add(new Operation(UUID.randomUUID(), Step.DOCUMENTS_RETURNED, steps.next(), registrar, b, null, null,
                null, "KK_COPY", null, null, false));
        UUID c = steps.begin(registrar, niks.get(3));
        steps.add(Step.DOCUMENTS_IN_ORDER, registrar, c);
        steps.queued(registrar, c, 3, "K-003", Priority.ELDERLY);
        steps.called(recorder, a, "Meja 1");
        steps.recorded(recorder, a, 2, "BPR-" + point + "-" + day.getYear() + "-000002");
        steps.add(Step.PROOF_HANDED, recorder, a);
        steps.called(recorder, c, "Meja 1");
        steps.add(new Operation(UUID.randomUUID(), Step.FAILED, steps.next(), recorder, c, null, null, null,
                "Pemindai iris mati", null, null, true));
        steps.add(Step.REQUEUED, registrar, c);
        steps.called(recorder, c, "Meja 2");
        steps.add(Step.ABSENT, recorder, c);
        UUID d = steps.begin(registrar, niks.get(4));
        steps.add(Step.DOCUMENTS_IN_ORDER, registrar, d);
        steps.queued(registrar, d, 4, "K-004", null);
        steps.called(recorder, d, "Meja 1");
        steps.recorded(recorder, d, 3, "BPR-" + point + "-" + day.getYear() + "-000003");
        // Meanwhile the resident of the last visit was recorded at another point (the register moved on).
        jdbc.update("UPDATE population_resident SET enrolment_status = 'BIOMETRICS_CAPTURED' WHERE nik = ?",
                niks.get(4));
        clock.setInstant(steps.next().plus(Duration.ofMinutes(30)));

        // A first arrival the Dinas crashed in after nine steps: those nine applied, the day still out.
        var checkout = checkouts.findById(taken.checkoutId()).orElseThrow();
        SignedInAs.run(users, registrar, () -> steps.operations.subList(0, 9)
                .forEach(operation -> daySteps.apply(checkout, operation)));
        assertThat(jdbc.queryForObject("SELECT state FROM recording_checkout WHERE id = ?", String.class,
                taken.checkoutId())).isEqualTo("OUT");
        OutpostDayBundle whole = new OutpostDayBundle(taken.checkoutId(), steps.operations);
        Answer all = checkIn(registrar, whole, taken.secret(), "id");
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(JSON.readTree(all.body()).get("alreadyApplied").asInt()).isEqualTo(9);
        assertThat(JSON.readTree(all.body()).get("toReconcile").asInt()).isOne();
        assertThat(JSON.readTree(all.body()).get("applied").asInt()).isEqualTo(steps.operations.size() - 10);
        Answer again = checkIn(registrar, whole, taken.secret(), "en");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("alreadyApplied").asInt()).isEqualTo(steps.operations.size());
        assertThat(JSON.readTree(again.body()).get("applied").asInt()).isZero();

        assertThat(jdbc.queryForList("""
                SELECT CONCAT(nik, ' ', state, ' ', COALESCE(ticket, '-')) FROM recording_visit
                WHERE service_point = ? AND day = ? ORDER BY id""", String.class, point, day)).containsExactly(
                niks.get(0) + " PROOF_HANDED 001", niks.get(1) + " PROOF_HANDED K-002",
                niks.get(2) + " DOCUMENTS_RETURNED -", niks.get(3) + " ABSENT K-003",
                niks.get(4) + " RECORDED K-004");
        assertThat(jdbc.queryForObject("SELECT recorded_at FROM recording_visit WHERE nik = ? AND day = ?",
                Instant.class, niks.get(1), day)).as("the outpost's time").isEqualTo(steps.at(a, Step.RECORDED));
        assertThat(jdbc.queryForObject("SELECT enrolment_status FROM population_resident WHERE nik = ?",
                String.class, niks.get(1))).isEqualTo("BIOMETRICS_CAPTURED");
        assertThat(jdbc.queryForObject("""
                SELECT CONCAT(outcome, ': ', dinas_version) FROM recording_outpost_operation
                WHERE checkout_id = ? AND kind = 'RECORDED' AND outcome = 'RECONCILE'""", String.class,
                taken.checkoutId())).isEqualTo("RECONCILE: KTP-el record already biometrics captured at the Dinas");
        // Step 3 of the recorded visit ran on the outpost's clock, from its call to its recording.
        assertThat(jdbc.queryForObject("""
                SELECT TIMESTAMPDIFF(SECOND, started_at, ended_at) FROM sla_step
                WHERE case_id = (SELECT CONCAT('C-', id) FROM recording_visit WHERE nik = ? AND day = ?)
                AND step = 'C3_RECORDING'""", Long.class, niks.get(1), day)).isEqualTo(60L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'recording.day.checked-in'"
                + " AND subject_id = ?", Integer.class, point)).isOne();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = "
                + "'recording.day.check-in-repeated' AND subject_id = ?", Integer.class, point)).isOne();

        // The day is the Dinas's again: its next number follows the outpost's last, without a gap.
        assertThat(SignedInAs.call(users, registrar, registration::dayOut)).isEmpty();
        String next = residentsOfTheDistrict(day, 1).getFirst();
        Visit afterwards = SignedInAs.call(users, registrar, () -> RecordingTestSupport.queued(registration, next));
        assertThat(afterwards.ticket()).endsWith("005");
    }

    @Test
    void a_bundle_forged_or_by_a_stranger_or_out_of_order_is_refused_whole_and_nothing_is_applied() throws Exception {
        LocalDate day = startDay(522);
        String point = staffAccounts.servicePoint();
        String registrar = staffAccounts.create(Set.of(Role.REGISTRATION_OPERATOR), PASSWORD, point);
        String otherPoint = staffAccounts.create(Set.of(Role.REGISTRATION_OPERATOR), PASSWORD,
                staffAccounts.servicePoint());
        List<String> niks = residentsOfTheDistrict(day, 1);
        OutpostDay taken = JSON.readValue(post("/api/v1/outposts/days/checkout", registrar,
                checkout("Laptop Uji", "P1"), "id").body(), OutpostDay.class);
        Day steps = new Day(clock.instant().plus(Duration.ofMinutes(1)));
        UUID visit = steps.begin(registrar, niks.getFirst());
        steps.add(Step.DOCUMENTS_IN_ORDER, registrar, visit);
        OutpostDayBundle bundle = new OutpostDayBundle(taken.checkoutId(), steps.operations);

        Answer forged = post("/api/v1/outposts/days/checkins", registrar, JSON.writeValueAsString(Map.of(
                "bundle", bundle, "signature", "0".repeat(64))), "en");
        assertProblem(forged, 422, "BUNDLE_SIGNATURE_INVALID");
        assertThat(detail(forged)).contains("nothing was applied");
        assertProblem(checkIn(registrar, new OutpostDayBundle(taken.checkoutId(), List.of(steps.operations.get(1))),
                taken.secret(), "en"), 422, "BUNDLE_STEP_INVALID");
        Operation stranger = new Operation(UUID.randomUUID(), Step.DOCUMENTS_IN_ORDER, steps.next(), otherPoint,
                visit, null, null, null, null, null, null, false);
        assertProblem(checkIn(registrar, new OutpostDayBundle(taken.checkoutId(), List.of(steps.operations.get(0),
                stranger)), taken.secret(), "id"), 422, "BUNDLE_STAFF_INVALID");
        assertProblem(checkIn(otherPoint, bundle, taken.secret(), "id"), 404, "CHECKOUT_NOT_FOUND");
        // A number not in the outpost's run (another prefix), or the same number twice.
        Operation otherPrefix = new Operation(UUID.randomUUID(), Step.QUEUED, steps.next(), registrar, visit, null,
                null, taken.firstNumber(), "X-00" + taken.firstNumber(), null, null, false);
        assertProblem(checkIn(registrar, new OutpostDayBundle(taken.checkoutId(), List.of(steps.operations.get(0),
                otherPrefix)), taken.secret(), "id"), 422, "BUNDLE_STEP_INVALID");
        UUID second = UUID.randomUUID();
        List<Operation> twice = List.of(steps.operations.get(0),
                new Operation(UUID.randomUUID(), Step.QUEUED, steps.next(), registrar, visit, null, null,
                        taken.firstNumber(), "P1-001", null, null, false),
                new Operation(UUID.randomUUID(), Step.BEGUN, steps.next(), registrar, second, niks.getFirst(),
                        steps.next(), null, null, null, null, false),
                new Operation(UUID.randomUUID(), Step.QUEUED, steps.next(), registrar, second, null, null,
                        taken.firstNumber(), "P1-001", null, null, false));
        assertProblem(checkIn(registrar, new OutpostDayBundle(taken.checkoutId(), twice), taken.secret(), "en"), 422,
                "BUNDLE_STEP_INVALID");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM recording_outpost_operation WHERE checkout_id = ?",
                Integer.class, taken.checkoutId())).isZero();

        assertThat(checkIn(registrar, bundle, taken.secret(), "id").status()).isEqualTo(200);
        Operation late = new Operation(UUID.randomUUID(), Step.CLOSED_UNFINISHED, steps.next(), registrar, visit,
                null, null, null, null, null, null, false);
        List<Operation> more = new ArrayList<>(steps.operations);
        more.add(late);
        Answer closed = checkIn(registrar, new OutpostDayBundle(taken.checkoutId(), more), taken.secret(), "id");
        assertProblem(closed, 409, "CHECKOUT_CLOSED");
        assertThat(detail(closed)).contains("sudah dikembalikan ke Dinas");
        assertThat(jdbc.queryForObject("SELECT state FROM recording_visit WHERE service_point = ? AND day = ?",
                String.class, point, day)).isEqualTo("BIOMETRIC_CHECK");
    }

    @Test
    void a_day_taken_back_keeps_what_its_outpost_sends_later_for_a_supervisor_and_a_clock_set_back_stops_nothing()
            throws Exception {
        LocalDate day = startDay(523);
        String point = staffAccounts.servicePoint();
        String registrar = staffAccounts.create(Set.of(Role.REGISTRATION_OPERATOR), PASSWORD, point);
        String recorder = staffAccounts.create(Set.of(Role.RECORDING_OPERATOR), PASSWORD, point);
        String supervisor = staffAccounts.create(Set.of(Role.PLANNER), PASSWORD);
        List<String> niks = residentsOfTheDistrict(day, 2);
        OutpostDay taken = JSON.readValue(post("/api/v1/outposts/days/checkout", registrar,
                checkout("Laptop Kecamatan", "K"), "id").body(), OutpostDay.class);
        // The outpost's clock set back three minutes between a call and the recording: the step ends where it began.
        Day steps = new Day(clock.instant().plus(Duration.ofMinutes(2)));
        UUID visit = steps.begin(registrar, niks.get(0));
        steps.add(Step.DOCUMENTS_IN_ORDER, registrar, visit);
        steps.queued(registrar, visit, taken.firstNumber(), "K-00" + taken.firstNumber(), null);
        steps.called(recorder, visit, "Meja 1");
        steps.add(new Operation(UUID.randomUUID(), Step.RECORDED, steps.at(visit, Step.CALLED).minusSeconds(180),
                recorder, visit, null, null, taken.firstProof(), "BPR-" + point + "-" + day.getYear() + "-00000"
                + taken.firstProof(), null, null, false));
        clock.setInstant(steps.next().plus(Duration.ofMinutes(5)));
        Answer answered = checkIn(registrar, new OutpostDayBundle(taken.checkoutId(), steps.operations),
                taken.secret(), "id");
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(JSON.readTree(answered.body()).get("applied").asInt()).isEqualTo(5);
        assertThat(jdbc.queryForObject("""
                SELECT TIMESTAMPDIFF(SECOND, started_at, ended_at) FROM sla_step
                WHERE case_id = (SELECT CONCAT('C-', id) FROM recording_visit WHERE nik = ? AND day = ?)
                AND step = 'C3_RECORDING'""", Long.class, niks.get(0), day)).isZero();

        // The next day's machine is lost with its day: a supervisor takes it back, the Dinas's desk works again.
        LocalDate next = startDay(524);
        OutpostDay lost = JSON.readValue(post("/api/v1/outposts/days/checkout", registrar,
                checkout("Laptop Kecamatan", "K"), "id").body(), OutpostDay.class);
        String pointName = servicePoints.byCode(point).orElseThrow().name();
        assertThat(SignedInAs.call(users, supervisor, outpostDays::out)).extracting(OutpostDaySupervision.DayOut::point)
                .as("shown by its name").contains(pointName);
        SignedInAs.run(users, supervisor, () -> outpostDays.takeBack(lost.checkoutId(), "Laptop dicuri dari kantor"));
        assertThat(SignedInAs.call(users, supervisor, outpostDays::out)).extracting(OutpostDaySupervision.DayOut::point)
                .doesNotContain(pointName);
        Visit atTheDinas = SignedInAs.call(users, registrar, () -> RecordingTestSupport.queued(registration,
                niks.get(1)));
        assertThat(atTheDinas.ticket()).isNotBlank();
        // What the lost machine sends afterwards is kept for a supervisor, never applied.
        Day late = new Day(clock.instant().plus(Duration.ofMinutes(1)));
        late.begin(registrar, niks.get(1));
        clock.setInstant(late.next().plus(Duration.ofMinutes(1)));
        Answer kept = checkIn(registrar, new OutpostDayBundle(lost.checkoutId(), late.operations), lost.secret(), "id");
        assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        assertThat(JSON.readTree(kept.body()).get("toReconcile").asInt()).isOne();
        assertThat(SignedInAs.call(users, supervisor, outpostDays::conflicts))
                .filteredOn(conflict -> conflict.point().equals(pointName) && conflict.day().equals(next))
                .singleElement().satisfies(conflict -> assertThat(conflict.dinasVersion())
                        .contains("taken back at the Dinas by " + supervisor, "Laptop dicuri dari kantor"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM recording_visit WHERE service_point = ? AND day = ?",
                Integer.class, point, next)).as("only the Dinas's own visit").isOne();
    }

    /** A day's steps on the outpost, one minute apart. */
    private static final class Day {

        final List<Operation> operations = new ArrayList<>();
        private Instant at;

        Day(Instant from) {
            this.at = from;
        }

        Instant next() {
            at = at.plus(Duration.ofMinutes(1));
            return at;
        }

        UUID begin(String staff, String nik) {
            UUID visit = UUID.randomUUID();
            Instant when = next();
            operations.add(new Operation(UUID.randomUUID(), Step.BEGUN, when, staff, visit, nik,
                    when.minusSeconds(90), null, null, null, null, false));
            return visit;
        }

        void add(Step step, String staff, UUID visit) {
            operations.add(Operation.of(step, next(), staff, visit));
        }

        void add(Operation operation) {
            operations.add(operation);
        }

        void queued(String staff, UUID visit, int number, String ticket, Priority priority) {
            operations.add(new Operation(UUID.randomUUID(), Step.QUEUED, next(), staff, visit, null, null, number,
                    ticket, null, priority, false));
        }

        void called(String staff, UUID visit, String desk) {
            operations.add(new Operation(UUID.randomUUID(), Step.CALLED, next(), staff, visit, null, null, null, desk,
                    null, null, false));
        }

        void recorded(String staff, UUID visit, int proof, String number) {
            operations.add(new Operation(UUID.randomUUID(), Step.RECORDED, next(), staff, visit, null, null, proof,
                    number, null, null, false));
        }

        Instant at(UUID visit, Step step) {
            return operations.stream().filter(operation -> operation.visitKey().equals(visit)
                    && operation.step() == step).findFirst().orElseThrow().at();
        }
    }

    private List<String> residentsOfTheDistrict(LocalDate day, int count) {
        return DayResidents.made(jdbc, day, count);
    }

    private LocalDate startDay(int daysAhead) {
        LocalDate day = LocalDate.now(OFFICE).plusDays(daysAhead);
        clock.setInstant(day.atTime(8, 0).atZone(OFFICE).toInstant());
        return day;
    }

    private static String checkout(String outpost, String prefix) {
        return checkout(outpost, prefix, KEY);
    }

    private static String checkout(String outpost, String prefix, String key) {
        return JSON.writeValueAsString(Map.of("outpost", outpost, "outpostKey", key, "prefix", prefix));
    }

    private Answer checkIn(String username, OutpostDayBundle bundle, String secret, String language) {
        return post("/api/v1/outposts/days/checkins", username, JSON.writeValueAsString(Map.of("bundle", bundle,
                "signature", BundleSignature.sign(bundle.canonical(), secret))), language);
    }

    private record Answer(int status, String body, java.net.http.HttpHeaders headers) {
    }

    private Answer post(String path, String username, String json, String language) {
        String basic = Base64.getEncoder().encodeToString((username + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Forwarded-For", client).header("Authorization", "Basic " + basic)
                .header("Accept-Language", language).header("Content-Type", "application/json")
                .header("Accept", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertProblem(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(answer.body()).get("code").asString()).isEqualTo(code);
    }

    private static String detail(Answer answer) {
        return JSON.readTree(answer.body()).get("detail").asString();
    }
}
