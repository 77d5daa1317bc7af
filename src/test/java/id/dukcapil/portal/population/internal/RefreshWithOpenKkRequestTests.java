package id.dukcapil.portal.population.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.kkprint.IntakeForm;
import id.dukcapil.portal.kkprint.KkPrintIntake;
import id.dukcapil.portal.kkprint.KkPrintReason;
import id.dukcapil.portal.kkprint.KkPrintTestSupport;
import id.dukcapil.portal.kkprint.OperatorInbox;
import id.dukcapil.portal.kkprint.Review;
import id.dukcapil.portal.kkprint.VerifierInbox;
import id.dukcapil.portal.kkprint.api.ApiClientAuthentication;
import id.dukcapil.portal.population.ImportState;
import id.dukcapil.portal.population.extract.ExtractColumn;
import id.dukcapil.portal.shared.Finding;
import id.dukcapil.portal.shared.region.Regions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A refresh that changes a family whose KK print request waits for the verifier: the verifier's review says the
 * family was updated from SIAK while the request was open, above what changed.
 */
@PortalTest
class RefreshWithOpenKkRequestTests {

    @Autowired ImportRunner runner;
    @Autowired ImportStore store;
    @Autowired Regions regions;
    @Autowired KkPrintTestSupport kkPrint;
    @Autowired KkPrintIntake intake;
    @Autowired OperatorInbox operatorInbox;
    @Autowired VerifierInbox verifierInbox;
    @Autowired JdbcTemplate jdbc;

    @Test
    void the_verifier_sees_that_an_import_changed_the_family_of_a_request_in_verification() throws Exception {
        String district = regions.districtsOf("32.17").get(9).code();
        ExtractRows first = new ExtractRows(district, regions.villagesOf(district).getFirst().code(), 100);
        List<Map<ExtractColumn, String>> family = first.family();
        family.getFirst().put(ExtractColumn.EMAIL, "kepala.keluarga@example.com");
        ImportTestSupport imports = new ImportTestSupport(runner, store);
        assertThat(imports.importText(first.csv(','), district).state()).isEqualTo(ImportState.FINISHED);
        String tracking = KkPrintTestSupport.as(new ApiClientAuthentication(kkPrint.gateway()), () -> intake.submit(
                new IntakeForm(family.getFirst().get(ExtractColumn.NIK), family.getFirst().get(ExtractColumn.KK_NUMBER),
                        KkPrintReason.BIRTH.name(), "Kelahiran anak kedua", null), KkPrintTestSupport.CLIENT)).trackingNumber();
        long id = kkPrint.idOf(tracking);
        kkPrint.asStaff("operator", () -> {
            operatorInbox.claim(id);
            operatorInbox.forward(id);
            return null;
        });

        ExtractRows newer = new ExtractRows(district, regions.villagesOf(district).getFirst().code(), 500);
        family.forEach(newer::again);
        newer.rowAt(2).put(ExtractColumn.FULL_NAME, "Nama Anak Sesuai Akta");
        assertThat(imports.importText(newer.csv(','), district).residentsChanged()).isEqualTo(1);
        awaitMarked(id);

        Review review = kkPrint.asStaff("verifikator", () -> verifierInbox.review(id));
        assertThat(review.changes()).isNotEmpty();
        assertThat(review.changes().getFirst().messageKey()).isEqualTo("kkprint.change.registry-refreshed");
        assertThat(review.changes().stream().map(Finding::messageKey)).hasSizeGreaterThan(1);
    }

    /** kkprint hears of the import after its commit, on its own thread (an application module listener). */
    private void awaitMarked(long id) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(until)) {
            if (jdbc.queryForObject("SELECT registry_refreshed_at IS NOT NULL FROM kkprint_request WHERE id = ?",
                    Boolean.class, id)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("kkprint did not mark the request within 30 s");
    }
}
