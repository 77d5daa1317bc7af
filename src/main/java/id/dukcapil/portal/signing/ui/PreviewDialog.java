package id.dukcapil.portal.signing.ui;

import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import id.dukcapil.portal.shared.pdf.PdfPages;
import id.dukcapil.portal.shared.ui.Downloads;
import id.dukcapil.portal.signing.QueuedDocument;
import id.dukcapil.portal.signing.SignableDocuments;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.function.Supplier;

/**
 * The document as it will be signed, its pages drawn as pictures (a framed PDF depends on the browser's viewer and
 * stayed blank), beside the facts of its case; the PDF itself opens in a tab of its own ({@code file}, which the
 * signing queue records as downloaded). The view adds what the head decides to its footer.
 */
class PreviewDialog extends Dialog {

    /** Sharp enough to read a family card's smallest print on a 1440 px screen; a card has one page, a report few. */
    private static final int PREVIEW_DPI = 110;
    private static final int PREVIEW_PAGES = 5;

    PreviewDialog(QueuedDocument document, byte[] pdf, List<SignableDocuments.Detail> details,
                  Supplier<byte[]> file) {
        setHeaderTitle(getTranslation("signing.preview.title", document.number()));
        setWidth("min(96vw, 84em)");
        Div pages = new Div();
        pages.addClassName("signing-preview-pages");
        int number = 0;
        for (byte[] png : PdfPages.png(pdf, PREVIEW_DPI, PREVIEW_PAGES)) {
            number++;
            Image page = new Image(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                    new ByteArrayInputStream(png), "halaman.png", "image/png", png.length)).inline(),
                    getTranslation("signing.preview.page", number, document.number()));
            page.setWidthFull();
            pages.add(page);
        }
        FlexLayout content = new FlexLayout(pages, detailsOf(details));
        content.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        content.getStyle().set("gap", "var(--lumo-space-m)");
        pages.getStyle().set("flex", "3 1 32em").set("min-width", "0");
        DownloadHandler handler = Downloads.named(document.number() + ".pdf", "application/pdf", file).inline();
        Anchor open = new Anchor(handler, getTranslation("signing.preview.open"));
        open.setTarget(AnchorTarget.BLANK);
        add(content);
        getFooter().add(open);
    }

    private Div detailsOf(List<SignableDocuments.Detail> details) {
        Div panel = new Div();
        panel.addClassName("signing-preview-details");
        panel.getStyle().set("flex", "1 1 18em").set("min-width", "0").set("overflow-wrap", "anywhere");
        panel.add(new H3(getTranslation("signing.preview.details")));
        if (details.isEmpty()) {
            panel.add(new Paragraph(getTranslation("signing.preview.no-details")));
        }
        for (SignableDocuments.Detail detail : details) {
            Span label = new Span(detail.label());
            label.getStyle().set("display", "block").set("font-weight", "600");
            Paragraph line = new Paragraph(label, new Span(detail.value()));
            line.getStyle().set("margin", "0 0 var(--lumo-space-s)");
            panel.add(line);
        }
        return panel;
    }
}
