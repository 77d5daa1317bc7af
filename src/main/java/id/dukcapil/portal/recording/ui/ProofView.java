package id.dukcapil.portal.recording.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import id.dukcapil.portal.recording.RecordingDocuments;
import id.dukcapil.portal.recording.RecordingDocuments.CheckedProof;
import id.dukcapil.portal.shared.ui.PublicPage;

/**
 * The public page that a proof of recording's QR code opens: genuine (what the paper says, the NIK masked) or not,
 * as a verdict in its colour over the paper's lines, in the public pages' frame (issue 36, item 9).
 */
@Route(value = "bukti/:token", autoLayout = false)
@AnonymousAllowed
class ProofView extends PublicPage implements BeforeEnterObserver, HasDynamicTitle {

    final Div verdict = new Div();
    private final RecordingDocuments papers;

    ProofView(RecordingDocuments papers) {
        super("public.brand", null, "40em");
        this.papers = papers;
        verdict.setId("proof-verdict");
        verdict.setWidthFull();
        add(new H2(getTranslation("recording.proof.page-title")), verdict);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        verdict.removeAll();
        papers.checked(event.getRouteParameters().get("token").orElse("")).ifPresentOrElse(this::genuine,
                () -> verdict.add(badge(getTranslation("recording.proof.unknown"), "error")));
    }

    private void genuine(CheckedProof proof) {
        verdict.add(badge(getTranslation("recording.proof.genuine"), "success"),
                line("recording.proof.field.number", proof.number()),
                line("recording.proof.field.name", proof.fullName()),
                line("recording.proof.field.nik", proof.maskedNik()),
                line("recording.proof.field.point", proof.pointName()),
                line("recording.proof.field.recorded-at", proof.recordedAt()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("recording.proof.page-title");
    }
}
