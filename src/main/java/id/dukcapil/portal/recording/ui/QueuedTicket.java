package id.dukcapil.portal.recording.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import id.dukcapil.portal.notification.OfficeChannels;
import id.dukcapil.portal.recording.RecordingDocuments;
import id.dukcapil.portal.recording.RegistrationDesk;
import id.dukcapil.portal.recording.Visit;
import java.io.ByteArrayInputStream;

/** A resident queued for recording: their number large, its ticket to print, and the offer to be told of their turn. */
class QueuedTicket extends Div {

    QueuedTicket(Visit queued, RecordingDocuments papers, RegistrationDesk desk, OfficeChannels officeChannels) {
        Span number = new Span(queued.ticket());
        number.setId("recording-ticket");
        // Its own line: the print link beside it read as one word with it ("001Cetak tiket antrean").
        number.getStyle().set("font-size", "4rem").set("font-weight", "700").set("display", "block");
        Anchor print = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] pdf = papers.queueTicket(queued);
            return new DownloadResponse(new ByteArrayInputStream(pdf), "antrean-" + queued.ticket() + ".pdf",
                    "application/pdf", pdf.length);
        }), getTranslation("recording.registration.print-ticket"));
        print.setTarget(AnchorTarget.BLANK);
        add(new Paragraph(getTranslation("recording.registration.queued", queued.fullName())), number, print,
                new TurnNoticeAsk(desk, officeChannels, queued));
    }
}
