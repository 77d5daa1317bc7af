package id.dukcapil.portal.recording;

import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.recording.internal.VisitStore;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.i18n.PortalMessages;
import id.dukcapil.portal.shared.pdf.PdfRenderer;
import id.dukcapil.portal.shared.pdf.VectorQrCode;
import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.staff.ServicePoints;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import id.dukcapil.portal.shared.web.PublicAddress;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The papers of SOP C: the queue ticket for the thermal printer, and the proof of recording whose QR code opens the
 * public page that confirms it ({@code <public-url>/bukti/<token>}, {@link #checked}).
 */
@Component
public class RecordingDocuments {

    static final String TICKET = "recording/queue-ticket";
    static final String PROOF = "recording/proof-of-recording";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.of("id"));

    /** What the public page says of a proof: nothing more than the paper itself shows, the NIK masked. */
    public record CheckedProof(String number, String fullName, String maskedNik, String pointName, String recordedAt) {
    }

    private final VisitStore visits;
    private final PopulationRegistry registry;
    private final ServicePoints servicePoints;
    private final PdfRenderer renderer;
    private final MessageSource messages;
    private final Clock clock;
    private final PublicAddress publicAddress;

    RecordingDocuments(VisitStore visits, PopulationRegistry registry, ServicePoints servicePoints,
                       PdfRenderer renderer, MessageSource messages, Clock clock, PublicAddress publicAddress) {
        this.visits = visits;
        this.registry = registry;
        this.servicePoints = servicePoints;
        this.renderer = renderer;
        this.messages = messages;
        this.clock = clock;
        this.publicAddress = publicAddress;
    }

    public byte[] queueTicket(Visit visit) {
        if (visit.ticket() == null) {
            throw new RuleViolation("recording.error.no-ticket");
        }
        Locale id = PortalMessages.INDONESIAN;
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("OFFICE", text("shared.report.office", id));
        parameters.put("POINT", pointName(visit.servicePoint()));
        parameters.put("LABEL", text("recording.ticket.label", id));
        parameters.put("TICKET", visit.ticket());
        parameters.put("TIME", WHEN.format(clock.instant().atZone(clock.getZone())));
        parameters.put("NOTE", text("recording.ticket.note", id));
        parameters.put("QR", VectorQrCode.of("ANTREAN:" + visit.servicePoint() + ":" + visit.day() + ":" + visit.ticket()));
        return renderer.render(TICKET, parameters, List.of());
    }

    public byte[] proof(Visit visit) {
        if (visit.proofNumber() == null || visit.proofToken() == null) {
            throw new RuleViolation("recording.error.no-proof");
        }
        Locale id = PortalMessages.INDONESIAN;
        String url = publicAddress.base() + "/bukti/" + visit.proofToken();
        String birth = registry.findByNik(Nik.of(visit.nik())).map(resident -> resident.birthPlace() + ", "
                + DateTimeFormatter.ofPattern("d MMMM yyyy", id).format(resident.birthDate())).orElse("-");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("OFFICE", text("shared.report.office", id));
        parameters.put("TITLE", text("recording.proof.title", id));
        parameters.put("NUMBER", messages.getMessage("recording.proof.number", new Object[] {visit.proofNumber()}, id));
        parameters.put("BODY", messages.getMessage("recording.proof.body", new Object[] {visit.fullName(),
                visit.nik(), birth, pointName(visit.servicePoint()), WHEN.format(
                        (visit.calledAt() == null ? visit.startedAt() : visit.calledAt()).atZone(clock.getZone()))},
                id));
        parameters.put("VERIFY", text("recording.proof.verify", id));
        parameters.put("VERIFY_URL", url);
        parameters.put("QR", VectorQrCode.of(url));
        return renderer.render(PROOF, parameters, List.of());
    }

    /** The public page's answer for a proof's token; empty for a token no proof has. */
    @Transactional(readOnly = true)
    public Optional<CheckedProof> checked(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{24}")) {
            return Optional.empty();
        }
        return visits.byProofToken(token).map(visit -> new CheckedProof(visit.proofNumber(), visit.fullName(),
                Nik.of(visit.nik()).masked(), pointName(visit.servicePoint()),
                WHEN.format((visit.calledAt() == null ? visit.startedAt() : visit.calledAt()).atZone(clock.getZone()))));
    }

    private String pointName(String point) {
        return servicePoints.byCode(point).map(ServicePoint::name).orElse(point);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
