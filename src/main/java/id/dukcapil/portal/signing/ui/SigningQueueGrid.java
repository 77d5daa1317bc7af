package id.dukcapil.portal.signing.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import id.dukcapil.portal.signing.QueuedDocument;
import id.dukcapil.portal.signing.SignableDocuments;
import id.dukcapil.portal.signing.SigningQueue;
import java.time.Clock;

/**
 * The queue of documents waiting for the head's signature, a page at a time, overdue first: each document in its own
 * module's terms (a family card names its head of family, a handover its school), when it was queued and when it is
 * due. The view adds the rows' actions and chooses.
 */
class SigningQueueGrid extends Grid<QueuedDocument> {

    private final SigningQueue signingQueue;
    private final Clock clock;

    SigningQueueGrid(SigningQueue signingQueue, Clock clock) {
        this.signingQueue = signingQueue;
        this.clock = clock;
        setSelectionMode(Grid.SelectionMode.MULTI);
        addColumn(QueuedDocument::number).setHeader(getTranslation("signing.column.number")).setAutoWidth(true);
        // Their words wrap: measured to their full length they pushed the actions out of a 1440 px screen.
        addComponentColumn(this::kind).setHeader(getTranslation("signing.column.kind")).setWidth("12em")
                .setFlexGrow(1);
        addComponentColumn(this::holder).setHeader(getTranslation("signing.column.holder")).setWidth("12em")
                .setFlexGrow(2);
        addColumn(document -> SigningQueueView.TIME.format(document.queuedAt().atZone(clock.getZone())))
                .setHeader(getTranslation("signing.column.queued")).setWidth("7.5em").setFlexGrow(0);
        addComponentColumn(this::due).setHeader(getTranslation("signing.column.due")).setWidth("7.5em").setFlexGrow(0);
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        // A row keeps its key while queued, whatever else of it changes: what a click on its button names.
        setItemsPageable(page -> signingQueue.queue(page).getContent()).setIdentifierProvider(QueuedDocument::id);
        setEmptyStateText(getTranslation("signing.queue.empty"));
        setSizeFull();
        // Never squeezed to a strip by what stands above it (many interrupted batches): the page scrolls instead.
        setMinHeight("18rem");
    }

    private SignableDocuments.Heading heading(QueuedDocument document) {
        return signingQueue.heading(document, getLocale()).orElseGet(() -> new SignableDocuments.Heading(
                getTranslation("signing.origin.other"), document.holderName(), ""));
    }

    /** What the document is, and below it in small print where it comes from. */
    private Div kind(QueuedDocument document) {
        return twoLines(heading(document).kind(), origin(document));
    }

    /** Whose the document is, and below it in small print that holder's role and the document's subject. */
    private Div holder(QueuedDocument document) {
        SignableDocuments.Heading heading = heading(document);
        return twoLines(heading.holder(), heading.about());
    }

    private static Div twoLines(String first, String second) {
        Span small = new Span(second);
        small.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)")
                .set("color", "var(--lumo-secondary-text-color)");
        Div cell = new Div(new Span(first), small);
        cell.getStyle().set("white-space", "normal").set("line-height", "var(--lumo-line-height-xs)");
        return cell;
    }

    private Span due(QueuedDocument document) {
        Span due = new Span(SigningQueueView.TIME.format(document.dueAt().atZone(clock.getZone())));
        if (document.overdue(clock.instant())) {
            due.setText(due.getText() + " · " + getTranslation("signing.overdue"));
            due.getElement().getThemeList().add("badge error");
        }
        if (document.lastError() != null) {
            due.getElement().setAttribute("title", getTranslation("signing.last-error", document.lastError()));
        }
        return due;
    }

    /**
     * Where the document comes from in words, as its module names it ({@code signing.origin.<source type>});
     * a source its module gave no words reads as "another document" rather than as its internal code.
     */
    private String origin(QueuedDocument document) {
        String key = "signing.origin." + document.sourceType();
        String words = getTranslation(key, document.sourceId());
        return words.equals(key) ? getTranslation("signing.origin.other") : words;
    }
}
