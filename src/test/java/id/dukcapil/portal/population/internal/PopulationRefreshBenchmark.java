package id.dukcapil.portal.population.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.Benchmark;
import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.booking.BookingTestSupport;
import id.dukcapil.portal.booking.CitizenTokens;
import id.dukcapil.portal.population.ImportProgress;
import id.dukcapil.portal.population.ImportState;
import id.dukcapil.portal.population.demo.DemoExtract;
import id.dukcapil.portal.population.demo.DemoPopulationGenerator;
import id.dukcapil.portal.population.extract.ExtractColumn;
import id.dukcapil.portal.shared.region.Regions;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A refresh from a newer extract in which {@code benchmark.refresh.changed} people changed (issue 19: 100,000 ≤ 60 s),
 * and the citizens' bookings it must not hold up: booking p95 over HTTP at a steady rate without a refresh, then the
 * same rate during the refresh, in one run (target: within 2×). The first extract is imported first, not timed.
 * Size: {@code -Dbenchmark.refresh.changed=100000} (default; the extract holds about a third as many families),
 * {@code -Dbenchmark.refresh.bookings-per-second=10}; seed 2026, a district no demo family lives in.
 */
@Benchmark
@PortalTest
class PopulationRefreshBenchmark {

    private static final int CHANGED = Integer.getInteger("benchmark.refresh.changed", 100_000);
    private static final int RATE = Integer.getInteger("benchmark.refresh.bookings-per-second", 10);
    private static final int BASELINE_BOOKINGS = 20 * RATE;
    private static final int PEOPLE_PER_ACCOUNT = 10;
    private static final long SEED = 2026;
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");

    @LocalServerPort int port;
    @Autowired ImportRunner runner;
    @Autowired ImportStore store;
    @Autowired Regions regions;
    @Autowired BookingTestSupport bookings;
    @Autowired CitizenTokens tokens;

    @Test
    void a_refresh_of_changed_people_while_citizens_keep_booking() throws Exception {
        String district = regions.districtsOf("32.17").get(3).code();
        Path first = Files.createTempFile("benchmark-refresh-first-", ".csv");
        try (Writer out = Files.newBufferedWriter(first, StandardCharsets.UTF_8)) {
            // Three residents a family on average: half as many families hold half again as many people.
            DemoExtract.stream(new DemoPopulationGenerator(regions.villagesOf(district), SEED, TODAY), CHANGED / 2, out, OFFICE);
        }
        Path newer = Files.createTempFile("benchmark-refresh-newer-", ".csv");
        int changed = changeOccupations(first, newer, CHANGED);
        ImportTestSupport imports = new ImportTestSupport(runner, store);
        ImportProgress loaded = imports.importFile(first, "ekstrak.csv", district);
        assertThat(loaded.state()).isEqualTo(ImportState.FINISHED);
        report(String.format(Locale.ROOT, "first extract: %,d rows, %,d residents added (not timed)", loaded.rowsRead(),
                loaded.residentsAdded()));

        List<String> niks = bookings.printReadyNiks(BASELINE_BOOKINGS + 120 * RATE);
        LocalDate quietDay = bookings.workingDay(20);
        LocalDate busyDay = bookings.workingDayAfter(quietDay);
        bookings.quota("DINAS", quietDay, niks.size());
        bookings.quota("DINAS", busyDay, niks.size());
        List<HttpRequest> requests = bookingRequests(niks, quietDay, busyDay);
        Latencies warmUp = openLoop(requests.subList(0, RATE * 5), () -> true);
        assertThat(warmUp.statuses()).containsOnly(201);
        Latencies quiet = openLoop(requests.subList(RATE * 5, BASELINE_BOOKINGS), () -> true);
        assertThat(quiet.statuses()).containsOnly(201);

        long started = System.nanoTime();
        CompletableFuture<ImportProgress> refresh = CompletableFuture.supplyAsync(
                () -> imports.importFile(newer, "ekstrak-baru.csv", district));
        Latencies during = openLoop(requests.subList(BASELINE_BOOKINGS, requests.size()), () -> !refresh.isDone());
        ImportProgress refreshed = refresh.get();
        double seconds = seconds(started);
        assertThat(refreshed.state()).isEqualTo(ImportState.FINISHED);
        assertThat(refreshed.residentsChanged()).isEqualTo(changed);
        assertThat(during.statuses()).containsOnly(201);
        assertThat(during.count()).as("bookings prepared to last the whole refresh").isLessThan(requests.size() - BASELINE_BOOKINGS);

        report(String.format(Locale.ROOT, "refresh: %,d rows, %,d residents changed in %.1f s, %,.0f rows/s (target for "
                + "100,000 changed: 60 s)", refreshed.rowsRead(), refreshed.residentsChanged(), seconds,
                refreshed.rowsRead() / seconds));
        report(String.format(Locale.ROOT, "bookings at %d/s over HTTP without a refresh: %d, p50 %.0f ms, p95 %.0f ms; "
                + "during the refresh: %d, p50 %.0f ms, p95 %.0f ms: %.2f× (target ≤ 2×)", RATE, quiet.count(),
                quiet.percentile(50), quiet.percentile(95), during.count(), during.percentile(50), during.percentile(95),
                during.percentile(95) / quiet.percentile(95)));
        Files.delete(first);
        Files.delete(newer);
    }

    /** The newer extract: the first one with the occupation of its first {@code count} residents changed. */
    private static int changeOccupations(Path first, Path newer, int count) throws Exception {
        int changed = 0;
        try (BufferedReader in = Files.newBufferedReader(first, StandardCharsets.UTF_8);
             BufferedWriter out = Files.newBufferedWriter(newer, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            out.write(header);
            out.newLine();
            int occupation = ImportTestSupport.splitCsv(header).indexOf(ExtractColumn.OCCUPATION.header());
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (changed < count) {
                    List<String> cells = new ArrayList<>(ImportTestSupport.splitCsv(line));
                    cells.set(occupation, cells.get(occupation).equals("Guru") ? "Wiraswasta" : "Guru");
                    line = String.join(",", cells.stream().map(cell -> '"' + cell.replace("\"", "\"\"") + '"').toList());
                    changed++;
                }
                out.write(line);
                out.newLine();
            }
        }
        return changed;
    }

    /** One booking per NIK from a phone of its own; the first ones for the quiet day, the rest for the busy one. */
    private List<HttpRequest> bookingRequests(List<String> niks, LocalDate quietDay, LocalDate busyDay) {
        URI uri = URI.create("http://localhost:" + port + "/api/v1/bds/bookings");
        List<HttpRequest> requests = new ArrayList<>();
        String token = null;
        for (int i = 0; i < niks.size(); i++) {
            if (i % PEOPLE_PER_ACCOUNT == 0) {
                token = tokens.issueToken(bookings.citizen()).token();
            }
            requests.add(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").header("Idempotency-Key", "refresh-" + i)
                    .header("X-Forwarded-For", "100.65.%d.%d".formatted(i / 250, i % 250 + 1))
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"nik":"%s","kkNumber":"%s","servicePoint":"DINAS","date":"%s"}""".formatted(niks.get(i),
                            bookings.kkOf(niks.get(i)), i < BASELINE_BOOKINGS ? quietDay : busyDay)))
                    .build());
        }
        return requests;
    }

    /**
     * The requests fall due at RATE a second whatever the answers (phones do not wait for each other), while
     * {@code going} holds; each latency counts from the moment the request was due.
     */
    private static Latencies openLoop(List<HttpRequest> requests, BooleanSupplier going) throws Exception {
        List<Future<long[]>> answers = new ArrayList<>();
        long begin = System.nanoTime();
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                     .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < requests.size() && going.getAsBoolean(); i++) {
                long due = begin + Math.round(i * 1e9 / RATE);
                LockSupport.parkNanos(due - System.nanoTime());
                HttpRequest request = requests.get(i);
                answers.add(threads.submit(() -> {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    return new long[] {response.statusCode(), System.nanoTime() - due};
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            double[] millis = new double[answers.size()];
            for (int i = 0; i < answers.size(); i++) {
                long[] answer = answers.get(i).get();
                statuses.add((int) answer[0]);
                millis[i] = answer[1] / 1e6;
            }
            return new Latencies(statuses, millis);
        }
    }

    record Latencies(List<Integer> statuses, double[] millis) {

        int count() {
            return millis.length;
        }

        double percentile(int p) {
            double[] sorted = millis.clone();
            Arrays.sort(sorted);
            return sorted[Math.max(0, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void report(String line) {
        System.out.println("BENCHMARK [population refresh, " + CHANGED + " changed] " + line);
    }
}
