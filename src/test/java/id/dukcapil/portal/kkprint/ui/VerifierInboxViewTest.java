package id.dukcapil.portal.kkprint.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import id.dukcapil.portal.GridInput;
import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.kkprint.InboxRow;
import id.dukcapil.portal.kkprint.KkPrintTestSupport;
import id.dukcapil.portal.kkprint.RequestState;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** The verifier's inbox: the request beside the family now, problems highlighted, verify one or several. */
@WithUserDetails("verifikator")
class VerifierInboxViewTest extends PortalViewTest {

    @Autowired KkPrintTestSupport kk;
    @Autowired JdbcTemplate jdbc;

    @Test
    void the_verifier_sees_the_family_beside_the_request_and_verifies_it_for_signature() {
        String tracking = kk.forwarded();
        VerifierInboxView view = navigate(VerifierInboxView.class);
        test(view.grid).clickRow(rowOf(view, tracking).orElseThrow());

        assertThat(problems()).contains("Tidak ditemukan masalah.");
        assertThat(test(view.members).size()).isEqualTo(familySize(tracking));
        test(view.verify).click();

        assertThat(lastNotification()).isEqualTo("Terverifikasi; dikirim untuk TTE Kepala Dinas.");
        assertThat(kk.stateOf(tracking)).isEqualTo(RequestState.VERIFIED);
        assertThat(reviewTitle(view)).as("the next request opens beside the inbox (issue 54, item 10)")
                .isNotEmpty().doesNotStartWith(tracking);
        assertThat(kk.signingDocuments(tracking)).hasSize(1);
    }

    @Test
    void a_member_with_a_duplicate_record_and_data_changed_since_the_request_are_highlighted_and_block_verification() {
        String tracking = kk.forwarded();
        String nik = jdbc.queryForObject("""
                SELECT r.nik FROM population_resident r JOIN population_family f ON f.id = r.family_id
                WHERE f.kk_number = (SELECT kk_number FROM kkprint_request WHERE tracking_number = ?)
                  AND r.relationship <> 'HEAD' ORDER BY r.id LIMIT 1""", String.class, tracking);
        String name = jdbc.queryForObject("SELECT full_name FROM population_resident WHERE nik = ?", String.class, nik);
        jdbc.update("UPDATE population_resident SET enrolment_status = 'DUPLICATE_RECORD' WHERE nik = ?", nik);

        VerifierInboxView view = navigate(VerifierInboxView.class);
        test(view.grid).clickRow(rowOf(view, tracking).orElseThrow());

        assertThat(problems())
                .contains("Anggota " + name + " memiliki data ganda (duplicate record).")
                .contains("Data " + name + " berubah sejak permohonan.");
        long flagged = view.members.getListDataView().getItems()
                .filter(member -> "problem".equals(view.members.getPartNameGenerator().apply(member))).count();
        assertThat(flagged).isEqualTo(1);
        test(view.verify).click();
        assertThat(lastNotification()).isEqualTo("Anggota " + name + " memiliki data ganda (duplicate record).");
        assertThat(kk.stateOf(tracking)).isEqualTo(RequestState.FORWARDED);
    }

    @Test
    void the_verifier_sorts_the_inbox_by_number_and_by_time_in_step_in_the_database() {
        kk.forwarded();
        kk.forwarded();
        VerifierInboxView view = navigate(VerifierInboxView.class);
        var number = view.grid.getColumns().getFirst();
        view.grid.sort(GridSortOrder.asc(number).build());
        List<String> ascending = trackingNumbers(view);
        view.grid.sort(GridSortOrder.desc(number).build());
        assertThat(ascending).hasSizeGreaterThan(1).isSorted();
        assertThat(trackingNumbers(view)).isEqualTo(ascending.reversed());

        var clock = view.grid.getColumns().getLast();
        view.grid.sort(GridSortOrder.asc(clock).build());
        List<java.time.Instant> started = IntStream.range(0, test(view.grid).size())
                .mapToObj(row -> test(view.grid).getRow(row).stepStartedAt()).toList();
        assertThat(started).as("shortest time in step first: the latest start first")
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(view.grid.getColumns().get(2).isSortable()).as("a reason is words, not an order").isFalse();
    }

    private List<String> trackingNumbers(VerifierInboxView view) {
        var grid = test(view.grid);
        return IntStream.range(0, grid.size()).mapToObj(row -> grid.getRow(row).trackingNumber()).toList();
    }

    @Test
    void a_request_opens_beside_the_inbox_with_one_click_and_with_enter_on_its_focused_row() {
        String first = kk.forwarded();
        String second = kk.forwarded();
        VerifierInboxView view = navigate(VerifierInboxView.class);

        test(view.grid).clickRow(rowOf(view, first).orElseThrow());
        assertThat(reviewTitle(view)).startsWith(first + " · ");
        assertThat(view.grid.getSelectedItems()).as("opening is not selecting for a batch").isEmpty();

        GridInput.enterOn(view.grid, test(view.grid).getRow(rowOf(view, second).orElseThrow()));
        assertThat(reviewTitle(view)).startsWith(second + " · ");

        GridInput.doubleClick(view.grid, test(view.grid).getRow(rowOf(view, first).orElseThrow()));
        assertThat(reviewTitle(view)).startsWith(first + " · ");
    }

    private String reviewTitle(VerifierInboxView view) {
        return view.reviewPanel.getChildren().filter(H4.class::isInstance).map(title -> ((H4) title).getText())
                .findFirst().orElse("");
    }

    @Test
    void several_selected_requests_are_verified_at_once_each_still_checked() {
        String first = kk.forwarded();
        String second = kk.forwarded();
        String changed = kk.forwarded();
        jdbc.update("""
                UPDATE population_family SET street = CONCAT(street, ' (baru)')
                WHERE kk_number = (SELECT kk_number FROM kkprint_request WHERE tracking_number = ?)""", changed);
        VerifierInboxView view = navigate(VerifierInboxView.class);
        test(view.grid).select(rowOf(view, first).orElseThrow());
        test(view.grid).select(rowOf(view, second).orElseThrow());
        test(view.grid).select(rowOf(view, changed).orElseThrow());

        test(view.grid).clickRow(rowOf(view, first).orElseThrow()); // one of them opened, the others not
        test(view.verifySelected).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).id("verify-selected-confirm");
        assertThat(confirm.getElement().getProperty("header")).isEqualTo("Verifikasi 3 permohonan sekaligus?");
        assertThat(confirm.getElement().getProperty("message")).startsWith("2 di antaranya belum Anda buka.");
        assertThat(kk.stateOf(first)).as("nothing verified before the confirmation").isEqualTo(RequestState.FORWARDED);
        test(confirm).confirm();

        assertThat(lastNotification()).startsWith("2 permohonan terverifikasi.")
                .contains(changed + ": Data keluarga berubah sejak permohonan: verifikasi satu per satu.");
        assertThat(kk.stateOf(first)).isEqualTo(RequestState.VERIFIED);
        assertThat(kk.stateOf(second)).isEqualTo(RequestState.VERIFIED);
        assertThat(kk.stateOf(changed)).isEqualTo(RequestState.FORWARDED);
    }

    private String problems() {
        return find(Div.class).id("review-problems").getChildren().map(line -> ((Paragraph) line).getText())
                .collect(Collectors.joining("\n"));
    }

    private int familySize(String tracking) {
        return jdbc.queryForObject("""
                SELECT COUNT(*) FROM population_resident r JOIN population_family f ON f.id = r.family_id
                WHERE f.kk_number = (SELECT kk_number FROM kkprint_request WHERE tracking_number = ?)""",
                Integer.class, tracking);
    }

    private Optional<Integer> rowOf(VerifierInboxView view, String tracking) {
        int size = test(view.grid).size();
        for (int row = 0; row < size; row++) {
            InboxRow item = test(view.grid).getRow(row);
            if (item.trackingNumber().equals(tracking)) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }
}
