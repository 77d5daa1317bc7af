package id.dukcapil.portal.reports;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.TestDays;
import id.dukcapil.portal.shared.i18n.PortalMessages;
import id.dukcapil.portal.sla.CaseRef;
import id.dukcapil.portal.sla.FinishedStep;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.sla.StepClock;
import id.dukcapil.portal.staff.ServicePoint;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** The manager opens any day's summary of any point, for each procedure that has a daily output. */
@PortalTest
@WithUserDetails("manajer")
class DailySummariesTests {

    private static final String POINT = "MPP-SOREANG";

    @Autowired DailySummaries summaries;
    @Autowired StepClock stepClock;
    @Autowired TestClock clock;

    /** A working day of a month of this class's own, years ahead: no other test's steps in its summaries. */
    private LocalDate day;

    @BeforeEach
    void a_day_of_its_own() {
        day = TestDays.firstMonday(TestDays.monthOfItsOwn(clock, 9, Month.OCTOBER));
    }

    @Test
    void the_kk_print_day_at_the_dinas_counts_the_requests_received_once_each_and_the_cards_printed() throws Exception {
        // Three requests received (steps 1–5 are the IKD app's: the portal sees a request at step 6), one sent back
        // into step 6 by the verifier and not received twice; two verified; one printed at a kiosk.
        List<FinishedStep> steps = new ArrayList<>();
        String sentBack = "RPT-" + System.nanoTime();
        steps.add(at(sentBack, SopStep.B6_OPERATOR_CHECK, 0, 3));
        steps.add(at("RPT-" + System.nanoTime(), SopStep.B6_OPERATOR_CHECK, 1, 4));
        steps.add(at("RPT-" + System.nanoTime(), SopStep.B6_OPERATOR_CHECK, 2, 6));
        steps.add(at(sentBack, SopStep.B7_VERIFICATION, 10, 2));
        steps.add(at(sentBack, SopStep.B6_OPERATOR_CHECK, 20, 3));
        steps.add(at(sentBack, SopStep.B7_VERIFICATION, 30, 8));
        steps.add(at(sentBack, SopStep.B10_ADM_PRINT, 50, 1));
        stepClock.recordFinished(steps);
        // Two more received into the operators' inbox: one taken 30 minutes later and checked in 4, one still waiting.
        // Step 6 starts when an operator takes the request; the wait before is a figure of its own.
        CaseRef taken = new CaseRef(Procedure.B_KK_PRINT, "RPT-" + System.nanoTime());
        stepClock.queue(taken, SopStep.B6_OPERATOR_CHECK, at(10, 40), "ikd-gateway", ServicePoint.DINAS);
        stepClock.take(taken, SopStep.B6_OPERATOR_CHECK, at(11, 10), "operator");
        stepClock.leave(taken, SopStep.B6_OPERATOR_CHECK, at(11, 14), "operator");
        stepClock.queue(new CaseRef(Procedure.B_KK_PRINT, "RPT-" + System.nanoTime()), SopStep.B6_OPERATOR_CHECK,
                at(10, 50), "ikd-gateway", ServicePoint.DINAS);

        assertThat(summaries.procedures()).containsExactly(Procedure.A_BOOKING, Procedure.B_KK_PRINT,
                Procedure.C_RECORDING, Procedure.D_SCHOOL_VISIT, Procedure.E_IKD_ACTIVATION);
        byte[] pdf = summaries.pdf(Procedure.B_KK_PRINT, ServicePoint.DINAS, day, PortalMessages.INDONESIAN);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Ringkasan harian cetak KK (SOP B)", "Permohonan masuk: 5", "Diverifikasi: 2",
                    "KK dicetak di Anjungan ADM: 1", "Langkah yang melewati waktu baku: 2", "6. ", "7. ", "10. ",
                    "Ditinggalkan", "Menunggu diambil petugas sebelum langkah 6: 1 diambil, median 30:00, "
                            + "terlama 30:00; masih menunggu: 1");
        }
        byte[] counter = summaries.pdf(Procedure.A_BOOKING, POINT, day, PortalMessages.INDONESIAN);
        assertThat(new String(counter, 0, 5)).isEqualTo("%PDF-");
        try (PDDocument recording = Loader.loadPDF(summaries.pdf(Procedure.C_RECORDING, POINT, day,
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

        byte[] pdf = summaries.pdf(Procedure.E_IKD_ACTIVATION, POINT, day, PortalMessages.INDONESIAN);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Laporan harian aktivasi IKD (SOP E)", "Ringkasan", "Per petugas",
                    "Kegagalan menurut alasan", "Waktu per langkah", "3. ", "4. ", "5. ", "5:00", "67 %");
        }
    }

    /** A step of SOP B at the Dinas, {@code minute} minutes after ten, lasting {@code minutes}. */
    private FinishedStep at(String caseId, SopStep step, int minute, int minutes) {
        Instant start = day.atTime(10, minute).atZone(GeneratedMonth.OFFICE).toInstant();
        return new FinishedStep(new CaseRef(step.procedure(), caseId), step, start, start.plus(Duration.ofMinutes(minutes)),
                "operator", ServicePoint.DINAS);
    }

    private Instant at(int hour, int minute) {
        return day.atTime(hour, minute).atZone(GeneratedMonth.OFFICE).toInstant();
    }

    private void step(List<FinishedStep> steps, SopStep step, int... minutes) {
        for (int m : minutes) {
            Instant start = day.atTime(10, steps.size()).atZone(GeneratedMonth.OFFICE).toInstant();
            steps.add(new FinishedStep(new CaseRef(step.procedure(), "RPT-" + System.nanoTime()), step, start,
                    start.plus(Duration.ofMinutes(m)), "verifikator", POINT));
        }
    }
}
