package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.audit.PersonalData;
import id.dukcapil.portal.audit.PersonalDataViews;
import id.dukcapil.portal.schoolvisit.internal.HandoverRepository;
import id.dukcapil.portal.schoolvisit.internal.StudentRepository;
import id.dukcapil.portal.schoolvisit.internal.SchoolRepository;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.i18n.PortalMessages;
import id.dukcapil.portal.shared.pdf.PdfRenderer;
import id.dukcapil.portal.shared.pdf.VectorQrCode;
import id.dukcapil.portal.shared.report.TableReportFiles;
import id.dukcapil.portal.signing.DocumentId;
import id.dukcapil.portal.signing.DocumentSigned;
import id.dukcapil.portal.signing.QueuedDocument;
import id.dukcapil.portal.signing.SignableDocuments;
import id.dukcapil.portal.signing.SignatureBlock;
import id.dukcapil.portal.signing.SigningQueue;
import id.dukcapil.portal.sla.SopStep;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The handover record (Berita Acara Serah Terima) as a document: the cards listed, rendered by Jasper
 * ({@code reports/schoolvisit/handover-record.jrxml}), signed by the Kepala Dinas through the signing port; once signed, the signed PDF is the record.
 */
@Component
public class HandoverDocuments implements SignableDocuments {

    /** How the module names itself to the signing queue; the source id is the handover's id. */
    static final String SOURCE_TYPE = "SCHOOL_HANDOVER";
    static final String KIND = "BAST_KTP";
    static final String PREFIX = "BAST";
    static final String TEMPLATE = "schoolvisit/handover-record";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");

    private final HandoverRepository handovers;
    private final StudentRepository students;
    private final SchoolRepository schools;
    private final PdfRenderer renderer;
    private final SigningQueue signingQueue;
    private final MessageSource messages;
    private final SchoolVisitClocks clocks;
    private final PersonalDataViews personalData;

    HandoverDocuments(HandoverRepository handovers, StudentRepository students, SchoolRepository schools, PdfRenderer renderer, SigningQueue signingQueue,
                      MessageSource messages, SchoolVisitClocks clocks, PersonalDataViews personalData) {
        this.personalData = personalData;
        this.clocks = clocks;
        this.handovers = handovers;
        this.students = students;
        this.schools = schools;
        this.renderer = renderer;
        this.signingQueue = signingQueue;
        this.messages = messages;
    }

    /**
     * The record: signed if the Kepala Dinas has signed it, else as it will be signed. It lists every student whose
     * card it hands over: each is recorded as downloaded before the file goes (decision 129, issue 50).
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('" + Roles.FIELD_OFFICER + "','" + Roles.PRINT_OPERATOR + "','" + Roles.PLANNER + "')")
    public byte[] pdf(long handoverId) {
        Handover handover = handover(handoverId);
        personalData.downloaded("cetak-sekolah/serah-terima-pdf",
                handover.students().stream().map(student -> PersonalData.nik(student.nik())).toList());
        if (handover.documentId() != null) {
            var signed = signingQueue.signedPdf(DocumentId.of(handover.documentId()));
            if (signed.isPresent()) {
                return signed.get();
            }
        }
        return render(handover, null);
    }

    @Override
    public String sourceType() {
        return SOURCE_TYPE;
    }

    @Override
    public Rendering render(String sourceId, SignatureBlock block) {
        Handover handover = handover(Long.parseLong(sourceId));
        String words = messages.getMessage("schoolvisit.handover.signature", new Object[] {block.documentNumber(),
                block.signerPosition(), block.signerName(), block.verificationUrl()}, PortalMessages.INDONESIAN);
        return new Rendering.Pdf(render(handover, new TableReportFiles.Signature(words, block.verificationUrl())));
    }

    /** The record as the signing queue names it: the school it goes to, by name and NPSN, and its number. */
    @Override
    public Heading heading(QueuedDocument record, Locale locale) {
        return new Heading(text("signing.verify.kind." + KIND, locale), record.holderName(),
                text("schoolvisit.signing.about", locale, record.holderId(), record.subject()));
    }

    /**
     * The Kepala Dinas signed the record: the cards may go to the school, step 8 starts (the signing itself is timed
     * apart, decision 126). Recorded once, however often the event is delivered. Only the records' events get a
     * publication (the condition, issue 56), not every signed document's.
     */
    @ApplicationModuleListener(condition = "#signed.sourceType() == '" + SOURCE_TYPE + "'")
    void on(DocumentSigned signed) {
        long id = Long.parseLong(signed.sourceId());
        var record = handovers.findById(id);
        if (record.isPresent() && record.get().signed(signed.signedAt())) {
            String point = schools.find(record.get().schoolId()).map(School::servicePoint).orElse(null);
            clocks.enterAs(SchoolVisitClocks.handover(id), SopStep.D8_HANDOVER, signed.signedAt(),
                    signed.signedBy(), point);
        }
    }

    /** A card's line of the record. */
    public record Line(String no, String name, String nik, String className, String printed) {
    }

    byte[] render(Handover handover, TableReportFiles.@Nullable Signature signature) {
        Locale id = PortalMessages.INDONESIAN;
        School school = schools.find(handover.schoolId())
                .orElseThrow(() -> new RuleViolation("schoolvisit.error.school-not-found"));
        List<Line> lines = new ArrayList<>();
        for (Student student : handover.students()) {
            lines.add(new Line(String.valueOf(lines.size() + 1), student.fullName(), Nik.of(student.nik()).masked(),
                    student.className(),
                    student.printedAt() == null ? "" : DATE.format(student.printedAt().atZone(OFFICE))));
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("OFFICE", text("shared.report.office", id));
        parameters.put("TITLE", text("schoolvisit.handover.pdf-title", id));
        parameters.put("NUMBER", text("schoolvisit.handover.pdf-number", id, handover.number()));
        parameters.put("INTRO", text("schoolvisit.handover.pdf-intro", id,
                DATE.format(handover.preparedAt().atZone(OFFICE)), handover.cards(), school.name(), school.npsn(),
                school.address()));
        parameters.put("H_NO", text("schoolvisit.column.number", id));
        parameters.put("H_NAME", text("schoolvisit.column.name", id));
        parameters.put("H_NIK", "NIK");
        parameters.put("H_CLASS", text("schoolvisit.column.class", id));
        parameters.put("H_PRINTED", text("schoolvisit.column.printed", id));
        parameters.put("GIVER", text("schoolvisit.handover.pdf-giver", id));
        parameters.put("RECEIVER", handover.received()
                ? text("schoolvisit.handover.pdf-received", id, handover.receivedBy(),
                        DATE.format(handover.receivedAt().atZone(OFFICE)), school.name())
                : text("schoolvisit.handover.pdf-receiver", id, school.name()));
        if (signature != null) {
            parameters.put("SIGNATURE", signature.words());
            parameters.put("QR", VectorQrCode.of(signature.verificationUrl()));
        }
        return renderer.render(TEMPLATE, parameters, lines);
    }

    private Handover handover(long handoverId) {
        return handovers.findById(handoverId).map(record -> record.toRecord(students.onHandover(handoverId)))
                .orElseThrow(() -> new RuleViolation("schoolvisit.error.handover-not-found"));
    }

    private String text(String key, Locale locale, @Nullable Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
