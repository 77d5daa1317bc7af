package id.dukcapil.portal.signing.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import id.dukcapil.portal.signing.BatchSigning;
import java.time.ZoneId;
import java.util.function.LongConsumer;

/**
 * Batches running on another node now, and batches a crash interrupted with documents still open, each with its
 * resume button. A few lines high at most: after a crash there may be many, and the queue below is the day's work.
 */
class InterruptedBatches extends Div {

    private final BatchSigning batchSigning;
    private final ZoneId zone;
    private final LongConsumer resume;

    InterruptedBatches(BatchSigning batchSigning, ZoneId zone, LongConsumer resume) {
        this.batchSigning = batchSigning;
        this.zone = zone;
        this.resume = resume;
        getStyle().set("max-height", "10rem").set("overflow", "auto").set("flex-shrink", "0");
    }

    void show() {
        removeAll();
        for (var batch : batchSigning.runningElsewhere()) {
            Span text = new Span(getTranslation("signing.batch.running-elsewhere-now", batch.id(), batch.startedBy(),
                    SigningQueueView.TIME.format(batch.startedAt().atZone(zone)), batch.open()));
            text.setId("signing-running-elsewhere-" + batch.id());
            add(text);
        }
        for (var batch : batchSigning.interrupted()) {
            if (batch.open() == 0) {
                continue;
            }
            Span text = new Span(getTranslation("signing.batch.interrupted", batch.id(), batch.startedBy(),
                    SigningQueueView.TIME.format(batch.startedAt().atZone(zone)), batch.open()));
            Button again = new Button(getTranslation("signing.batch.resume"), click -> resume.accept(batch.id()));
            again.setId("signing-resume-" + batch.id());
            again.addThemeVariants(ButtonVariant.LUMO_SMALL);
            HorizontalLayout row = new HorizontalLayout(text, again);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            add(row);
        }
    }
}
