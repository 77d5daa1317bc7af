package id.dukcapil.portal.recording;

import id.dukcapil.portal.audit.PersonalData;
import id.dukcapil.portal.audit.PersonalDataViews;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.recording.internal.VisitRepository;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.i18n.PortalMessages;
import id.dukcapil.portal.shared.pdf.PdfRenderer;
import id.dukcapil.portal.shared.pdf.VectorQrCode;
import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.staff.ServicePoints;
import id.dukcapil.portal.staff.StaffNames;
import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
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
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.of("id"));

    /** What the public page says of a proof: nothing more than the paper itself shows, the NIK masked. */
    public record CheckedProof(String number, String fullName, String maskedNik, String pointName, String recordedAt) {
    }

    private final VisitRepository visits;
    private final PopulationRegistry registry;
    private final ServicePoints servicePoints;
    private final PdfRenderer renderer;
    private final MessageSource messages;
    private final Clock clock;
    private final PublicAddress publicAddress;
    private final StaffNames staffNames;
    private final Signatory signatory;
    private final PersonalDataViews personalData;

    /**
     * Who signs the proof for the office, where the office chooses one ({@code portal.recording.proof.signatory-*}:
     * the position line, the name, the NIP); with none, the recording officer signs it as the one who recorded.
     */
    record Signatory(String position, String name, String staffNumber) {

        boolean chosen() {
            return !name.isBlank();
        }
    }

    @Autowired
    RecordingDocuments(VisitRepository visits, PopulationRegistry registry, ServicePoints servicePoints,
                       PdfRenderer renderer, MessageSource messages, Clock clock, PublicAddress publicAddress,
                       StaffNames staffNames, PersonalDataViews personalData,
                       @Value("${portal.recording.proof.signatory-position:}") String position,
                       @Value("${portal.recording.proof.signatory-name:}") String name,
                       @Value("${portal.recording.proof.signatory-nip:}") String staffNumber) {
        this(visits, registry, servicePoints, renderer, messages, clock, publicAddress, staffNames, personalData,
                new Signatory(position.strip(), name.strip(), staffNumber.strip()));
    }

    RecordingDocuments(VisitRepository visits, PopulationRegistry registry, ServicePoints servicePoints,
                       PdfRenderer renderer, MessageSource messages, Clock clock, PublicAddress publicAddress,
                       StaffNames staffNames, PersonalDataViews personalData, Signatory signatory) {
        this.personalData = personalData;
        this.visits = visits;
        this.registry = registry;
        this.servicePoints = servicePoints;
        this.renderer = renderer;
        this.messages = messages;
        this.clock = clock;
        this.publicAddress = publicAddress;
        this.staffNames = staffNames;
        this.signatory = signatory;
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

    /** The proof of recording, printed at the desk: the download is recorded before the file goes (issue 50). */
    public byte[] proof(Visit visit) {
        String birth = registry.findByNik(Nik.of(visit.nik())).map(resident -> resident.birthPlace() + ", "
                + DateTimeFormatter.ofPattern("d MMMM yyyy", PortalMessages.INDONESIAN).format(resident.birthDate()))
                .orElse("-");
        return proof(visit, birth, pointName(visit.servicePoint()), "perekaman/bukti-pdf");
    }

    /**
     * The same, where the register and the point are not at hand (a kecamatan's outpost, decision 200): the birth
     * line and the point's name as the day's package gave them, and the screen the download is recorded under.
     */
    public byte[] proof(Visit visit, String birth, String point, String screen) {
        if (visit.proofNumber() == null || visit.proofToken() == null) {
            throw new RuleViolation("recording.error.no-proof");
        }
        personalData.downloaded(screen, PersonalData.nik(visit.nik()));
        Locale id = PortalMessages.INDONESIAN;
        String url = publicAddress.base() + "/bukti/" + visit.proofToken();
        // The time of the recording itself, by the officer who made it, at the point: what the proof attests.
        Instant recordedAt = recordedAt(visit);
        String officer = officerName(visit);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("OFFICE", text("shared.report.office", id));
        parameters.put("TITLE", text("recording.proof.title", id));
        parameters.put("NUMBER", messages.getMessage("recording.proof.number", new Object[] {visit.proofNumber()}, id));
        parameters.put("BODY", messages.getMessage("recording.proof.body", new Object[] {visit.fullName(),
                visit.nik(), birth, point, WHEN.format(recordedAt.atZone(clock.getZone())), officer}, id));
        String placeAndDay = point + ", " + DAY.format(recordedAt.atZone(clock.getZone()));
        parameters.put("SIGNATURE", signatory.chosen()
                ? messages.getMessage("recording.proof.signed-office", new Object[] {placeAndDay,
                        signatory.position(), signatory.name(), signatory.staffNumber().isEmpty() ? "" :
                        messages.getMessage("recording.proof.nip", new Object[] {signatory.staffNumber()}, id)}, id)
                : messages.getMessage("recording.proof.signed-officer", new Object[] {placeAndDay, officer}, id));
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
        return visits.findByProofToken(token).map(id.dukcapil.portal.recording.internal.VisitEntity::toRecord).map(visit -> new CheckedProof(visit.proofNumber(), visit.fullName(),
                Nik.of(visit.nik()).masked(), pointName(visit.servicePoint()),
                WHEN.format(recordedAt(visit).atZone(clock.getZone()))));
    }

    private static Instant recordedAt(Visit visit) {
        return visit.recordedAt() != null ? visit.recordedAt()
                : visit.calledAt() != null ? visit.calledAt() : visit.startedAt();
    }

    private String officerName(Visit visit) {
        String by = visit.recordedBy();
        return by == null ? "-" : staffNames.of(List.of(by)).getOrDefault(by, by);
    }

    private String pointName(String point) {
        return servicePoints.byCode(point).map(ServicePoint::name).orElse(point);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
