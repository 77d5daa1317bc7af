package id.dukcapil.portal.signing.ui;

import static id.dukcapil.portal.signing.SigningTestSupport.PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;

import com.vaadin.flow.component.html.Span;
import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.population.Family;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.signing.BatchSigning;
import id.dukcapil.portal.signing.DocumentSigned;
import id.dukcapil.portal.signing.SigningQueue;
import id.dukcapil.portal.signing.SigningTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A citizen, not signed in, on the page a family card's QR code opens. */
class VerifyViewTest extends PortalViewTest {

    @Autowired SigningTestSupport support;
    @Autowired SigningQueue signingQueue;
    @Autowired BatchSigning batches;

    @Test
    void the_qr_link_shows_a_valid_card_with_the_nik_partly_hidden() throws Exception {
        Family family = support.nextFamily();
        DocumentSigned signed = signFamily(family);
        Resident head = family.head().orElseThrow();

        navigate("verify/" + token(signed), VerifyView.class);

        String page = text();
        assertThat(page).contains("SAH", signed.number(), head.fullName(), head.nik().masked(),
                "Dr. H. Asep Sukmana, M.Si.");
        assertThat(page).doesNotContain(head.nik().value());
    }

    @Test
    void an_unknown_link_says_the_document_was_not_found() {
        navigate("verify/AAAAAAAAAAAAAAAAAAAA", VerifyView.class);

        assertThat(text()).contains("Dokumen tidak ditemukan.");
    }

    @Test
    void an_uploaded_signed_card_is_recognised_and_junk_is_named_for_what_it_is() throws Exception {
        DocumentSigned signed = signFamily(support.nextFamily());
        byte[] pdf = signingQueue.signedPdf(signed.documentId()).orElseThrow();
        VerifyView view = navigate(VerifyView.class);

        view.check(pdf, "192.0.2.20");
        assertThat(view.checkResult.getElement().getTextRecursively())
                .contains("Dokumen asli dan utuh dari Disdukcapil Kabupaten Bandung", signed.number());

        byte[] altered = pdf.clone();
        altered[altered.length / 3] ^= 0x01;
        view.check(altered, "192.0.2.20");
        assertThat(view.checkResult.getElement().getTextRecursively()).contains("sudah diubah setelah ditandatangani");

        view.check("GIF89a not a pdf at all".getBytes(), "192.0.2.20");
        assertThat(view.checkResult.getElement().getTextRecursively()).isEqualTo(
                "Berkas ini bukan PDF. Unggah berkas PDF dokumen yang ingin diperiksa.");
    }

    /** After an upload the page has one verdict in colour, the file's: no green "SAH" above a red result (issue 36). */
    @Test
    void a_file_checked_on_a_qr_page_is_not_contradicted_by_a_green_badge_above_it() throws Exception {
        DocumentSigned signed = signFamily(support.nextFamily());
        VerifyView view = navigate("verify/" + token(signed), VerifyView.class);
        assertThat(badges(view, "success")).containsExactly("SAH");

        view.check("%PDF-1.7 an unsigned file".getBytes(), "192.0.2.20");

        assertThat(badges(view, "success")).as("no green verdict left on the page").isEmpty();
        assertThat(badges(view, "error")).singleElement().asString().doesNotContain("SAH");
        assertThat(badges(view, "contrast")).containsExactly("Catatan Disdukcapil untuk kode QR ini: SAH");
    }

    private static java.util.List<String> badges(VerifyView view, String theme) {
        return view.getElement().getChildren().flatMap(child -> java.util.stream.Stream.concat(java.util.stream.Stream.of(child),
                        child.getChildren()))
                .filter(element -> java.util.Arrays.asList(String.valueOf(element.getAttribute("theme")).split("\\s+"))
                        .containsAll(java.util.List.of("badge", theme)))
                .map(com.vaadin.flow.dom.Element::getText).toList();
    }

    private DocumentSigned signFamily(Family family) throws Exception {
        long id = support.queueFamily(family);
        support.as("kadis", () -> batches.start(List.of(id), PASSPHRASE.toCharArray()))
                .completion().get(60, TimeUnit.SECONDS);
        return support.signedEvents(id).getFirst();
    }

    private String text() {
        return find(Span.class).all().stream().map(Span::getText).reduce("", (a, b) -> a + "\n" + b)
                + find(VerifyView.class).single().getElement().getTextRecursively();
    }

    private static String token(DocumentSigned signed) {
        return signed.verificationUrl().substring(signed.verificationUrl().lastIndexOf('/') + 1);
    }
}
