package id.dukcapil.portal.recording.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import id.dukcapil.portal.recording.RecordingDocuments;

/** The public page that a proof of recording's QR code opens: genuine (what the paper says, the NIK masked) or not. */
@Route(value = "bukti/:token", autoLayout = false)
@AnonymousAllowed
class ProofView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final Paragraph verdict = new Paragraph();
    private final RecordingDocuments papers;

    ProofView(RecordingDocuments papers) {
        this.papers = papers;
        setMaxWidth("40em");
        getStyle().set("margin", "0 auto");
        verdict.setId("proof-verdict");
        add(new H2(getTranslation("recording.proof.page-title")), verdict);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getRouteParameters().get("token").orElse("");
        verdict.setText(papers.checked(token).map(proof -> getTranslation("recording.proof.genuine", proof.number(),
                proof.fullName(), proof.maskedNik(), proof.pointName(), proof.recordedAt()))
                .orElse(getTranslation("recording.proof.unknown")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("recording.proof.page-title");
    }
}
