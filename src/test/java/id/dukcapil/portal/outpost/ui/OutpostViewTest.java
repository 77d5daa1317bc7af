package id.dukcapil.portal.outpost.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.GridTester;
import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.outpost.OfferedVisit;
import id.dukcapil.portal.outpost.TakenStudent;
import id.dukcapil.portal.schoolvisit.OutpostScenes;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The field team's outpost screen: the visit taken with the officer's own Dinas password, each student's step one
 * tap, a card's serial asked and checked at its field, the clock and the blank cards in sight, and the check-in
 * that gives the visit back to the Dinas.
 */
class OutpostViewTest extends PortalViewTest {

    @Autowired OutpostScenes scenes;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @LocalServerPort int port;

    @BeforeEach
    void no_visit_held() {
        // One outpost for the whole test JVM: a visit another test left out would hold it (one visit at a time).
        jdbc.update("UPDATE outpost_visit SET status = 'BACK' WHERE status <> 'BACK'");
    }

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void a_team_takes_its_visit_records_and_prints_by_tap_and_sends_it_back() {
        OutpostScenes.Scene scene = scenes.setOut(2, 1, 2);
        long young = scenes.studentId(scene.notRecorded().getFirst());
        long differs = scenes.studentId(scene.notRecorded().get(1));
        long ready = scenes.studentId(scene.printReady().getFirst());
        SignedInAs.run(users, scene.officer(), () -> {
            OutpostView view = navigate(OutpostView.class);
            assertThat(view.take.isVisible()).isTrue();
            assertThat(view.take.username.getValue()).isEqualTo(scene.officer());
            test(view.take.dinas).setValue("http://127.0.0.1:" + port);
            test(view.take.find).click();
            assertThat(view.take.password.isInvalid()).as("no password: said at its field").isTrue();
            test(view.take.password).setValue(OutpostScenes.PASSWORD);
            test(view.take.find).click();
            GridTester<?, OfferedVisit> offered = test(view.take.offered);
            assertThat(offered.size()).isOne();
            test((Button) offered.getCellComponent(0, 1)).click();
            assertThat(lastNotification()).contains(scene.school().name());

            assertThat(view.take.isVisible()).isFalse();
            assertThat(view.heading.getText()).contains(scene.school().name()).contains(scene.officer());
            assertThat(view.cards.getText()).contains("dibawa 2").contains("sisa 2");
            tap(view, young, "outpost-recorded-" + young);
            assertThat(lastNotification()).contains("direkam di sini");
            assertThat(standing(view, young)).as("what needs the centre waits, said so")
                    .contains("direkam di sini").contains("menunggu pusat")
                    .as("16 at the visit: the card waits for the birthday").contains("ulang tahun ke-17");
            // Steps 4 and 5: the registry differs from the birth certificate; what it says is written, with why.
            tap(view, differs, "outpost-corrected-" + differs);
            CorrectionDialog fix = find(CorrectionDialog.class).single();
            test(fix.fields.name).setValue("Nama Sesuai Akta");
            test(fix.save).click();
            assertThat(fix.fields.note.isInvalid()).as("no note: said at its field, nothing kept").isTrue();
            assertThat(fix.isOpened()).isTrue();
            test(fix.fields.note).setValue("Akta 6307-LT-0002: nama berbeda");
            test(fix.save).click();
            assertThat(fix.isOpened()).isFalse();
            assertThat(standing(view, differs)).contains("Nama Sesuai Akta").contains("diperbaiki dari akta")
                    .contains("menunggu pusat");
            tap(view, differs, "outpost-recorded-" + differs);
            tap(view, ready, "outpost-found_recorded-" + ready);
            tap(view, ready, "outpost-card_printed-" + ready);
            CardDialog card = find(CardDialog.class).single();
            test(card.serial).setValue("no spaces please");
            test(card.save).click();
            assertThat(card.serial.isInvalid()).isTrue();
            assertThat(card.isOpened()).isTrue();
            test(card.serial).setValue("KTP-0007");
            test(card.save).click();
            assertThat(card.isOpened()).isFalse();
            assertThat(view.handover.isVisible()).as("step 8 waits for the centre, said so").isTrue();
            assertThat(view.cards.getText()).contains("dicetak 1").contains("sisa 1")
                    .contains("Langkah menunggu dikirim ke Dinas: 5");

            clock.advance(Duration.ofHours(2));
            test(view.checkIn).click();
            CheckInDialog checkIn = find(CheckInDialog.class).single();
            assertThat(checkIn.cardsBack.getValue()).as("the cards left, unless some went missing").isOne();
            test(checkIn.password).setValue(OutpostScenes.PASSWORD);
            test(checkIn.send).click();
            assertThat(checkIn.isOpened()).isFalse();
            assertThat(view.take.isVisible()).isTrue();
            assertThat(view.lastBack.getText()).contains(scene.school().name()).contains("seimbang");
        });
        assertThat(jdbc.queryForObject("SELECT state FROM schoolvisit_student WHERE id = ?", String.class, ready))
                .isEqualTo("PRINTED");
        assertThat(jdbc.queryForObject("SELECT state FROM schoolvisit_student WHERE id = ?", String.class, young))
                .isEqualTo("WAITING");
        assertThat(jdbc.queryForObject("SELECT CONCAT(state, ' ', full_name) FROM schoolvisit_student WHERE id = ?",
                String.class, differs)).as("corrected in the register on check-in").isEqualTo("WAITING Nama Sesuai Akta");
    }

    /** The student's standing as the roster shows it. */
    private String standing(OutpostView view, long studentId) {
        GridTester<?, TakenStudent> roster = test(view.roster);
        for (int row = 0; row < roster.size(); row++) {
            if (roster.getRow(row).studentId() == studentId) {
                return roster.getCellComponent(row, 0).getElement().getTextRecursively();
            }
        }
        throw new AssertionError("student " + studentId + " not on the roster");
    }

    /** Clicks a step's button in the student's row. */
    private void tap(OutpostView view, long studentId, String buttonId) {
        GridTester<?, TakenStudent> roster = test(view.roster);
        for (int row = 0; row < roster.size(); row++) {
            if (roster.getRow(row).studentId() == studentId) {
                Component actions = roster.getCellComponent(row, 1);
                Button button = actions.getChildren().filter(child -> buttonId.equals(child.getId().orElse(null)))
                        .map(Button.class::cast).findFirst().orElseThrow(() -> new AssertionError(buttonId
                                + " not offered"));
                test(button).click();
                return;
            }
        }
        throw new AssertionError("student " + studentId + " not on the roster");
    }
}
