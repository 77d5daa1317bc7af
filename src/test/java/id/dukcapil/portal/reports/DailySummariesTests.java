package id.dukcapil.portal.reports;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.shared.i18n.PortalMessages;
import id.dukcapil.portal.sla.CaseRef;
import id.dukcapil.portal.sla.FinishedStep;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.sla.StepClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** The manager opens any day's summary of any point, for each procedure that has a daily output. */
@PortalTest
@WithUserDetails("manajer")
class DailySummariesTests {

    private static final LocalDate DAY = LocalDate.of(2035, 10, 2);
    private static final String POINT = "MPP-SOREANG";

    @Autowired DailySummaries summaries;
    @Autowired StepClock stepClock;

    @Test
    void the_kk_print_day_of_a_point_counts_the_requests_through_each_step_and_the_cards_printed() throws Exception {
        List<FinishedStep> steps = new ArrayList<>();
        step(steps, SopStep.B4_REQUEST_FORM, 3, 4, 6);
        step(steps, SopStep.B7_VERIFICATION, 2, 8);
        step(steps, SopStep.B10_ADM_PRINT, 1);
        stepClock.recordFinished(steps);

        assertThat(summaries.procedures()).containsExactly(Procedure.A_BOOKING, Procedure.B_KK_PRINT,
                Procedure.C_RECORDING, Procedure.D_SCHOOL_VISIT, Procedure.E_IKD_ACTIVATION);
        byte[] pdf = summaries.pdf(Procedure.B_KK_PRINT, POINT, DAY, PortalMessages.INDONESIAN);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Ringkasan harian cetak KK (SOP B)", "Permohonan masuk: 3", "Diverifikasi: 2",
                    "KK dicetak di Anjungan ADM: 1", "Langkah yang melewati waktu baku: 2",
                    "4–5. ", "4:00", "5:00");
        }
        byte[] counter = summaries.pdf(Procedure.A_BOOKING, POINT, DAY, PortalMessages.INDONESIAN);
        assertThat(new String(counter, 0, 5)).isEqualTo("%PDF-");
        try (PDDocument recording = Loader.loadPDF(summaries.pdf(Procedure.C_RECORDING, POINT, DAY,
                PortalMessages.INDONESIAN))) {
            assertThat(new PDFTextStripper().getText(recording)).contains("Laporan harian perekaman KTP-el (SOP C)",
                    "Register harian (BHPPK)");
        }
    }

    @Test
    void the_ikd_day_of_a_point_comes_from_the_ikd_module_with_each_steps_times_against_the_days_standards()
            throws Exception {
        List<FinishedStep> steps = new ArrayList<>();
        step(steps, SopStep.E3_SELFIE, 2, 3, 7);
        step(steps, SopStep.E4_SCAN_ACTIVATION_QR, 1, 2);
        step(steps, SopStep.E5_PIN_EMAIL_ACTIVATE, 4);
        stepClock.recordFinished(steps);

        byte[] pdf = summaries.pdf(Procedure.E_IKD_ACTIVATION, POINT, DAY, PortalMessages.INDONESIAN);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Laporan harian aktivasi IKD (SOP E)", "Ringkasan", "Per petugas",
                    "Kegagalan menurut alasan", "Waktu per langkah", "3. ", "4. ", "5. ", "5:00", "67 %");
        }
    }

    private static void step(List<FinishedStep> steps, SopStep step, int... minutes) {
        for (int m : minutes) {
            Instant start = DAY.atTime(10, steps.size()).atZone(GeneratedMonth.OFFICE).toInstant();
            steps.add(new FinishedStep(new CaseRef(step.procedure(), "RPT-" + System.nanoTime()), step, start,
                    start.plus(Duration.ofMinutes(m)), "verifikator", POINT));
        }
    }
}
