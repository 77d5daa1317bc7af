package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.schoolvisit.internal.HandoverStore;
import id.dukcapil.portal.schoolvisit.internal.SchoolStore;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.i18n.PortalMessages;
import id.dukcapil.portal.shared.report.TableReport;
import id.dukcapil.portal.shared.report.TableReportFiles;
import id.dukcapil.portal.signing.DocumentId;
import id.dukcapil.portal.signing.DocumentSigned;
import id.dukcapil.portal.signing.SignableDocuments;
import id.dukcapil.portal.signing.SignatureBlock;
import id.dukcapil.portal.signing.SigningQueue;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The handover record (Berita Acara Serah Terima) as a document: the cards listed in a table report rendered by
 * Jasper, signed by the Kepala Dinas through the signing port; once signed, the signed PDF is the record.
 */
@Component
public class HandoverDocuments implements SignableDocuments {

    /** How the module names itself to the signing queue; the source id is the handover's id. */
    static final String SOURCE_TYPE = "SCHOOL_HANDOVER";
    static final String KIND = "BAST_KTP";
    static final String PREFIX = "BAST";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");

    private final HandoverStore handovers;
    private final SchoolStore schools;
    private final TableReportFiles files;
    private final SigningQueue signingQueue;
    private final MessageSource messages;

    HandoverDocuments(HandoverStore handovers, SchoolStore schools, TableReportFiles files, SigningQueue signingQueue,
                      MessageSource messages) {
        this.handovers = handovers;
        this.schools = schools;
        this.files = files;
        this.signingQueue = signingQueue;
        this.messages = messages;
    }

    /** The record: signed if the Kepala Dinas has signed it, else as it will be signed. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('" + Roles.FIELD_OFFICER + "','" + Roles.PRINT_OPERATOR + "','" + Roles.PLANNER + "')")
    public byte[] pdf(long handoverId) {
        Handover handover = handover(handoverId);
        if (handover.documentId() != null) {
            var signed = signingQueue.signedPdf(DocumentId.of(handover.documentId()));
            if (signed.isPresent()) {
                return signed.get();
            }
        }
        return files.pdf(report(handover), PortalMessages.INDONESIAN);
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
        return new Rendering.Pdf(files.pdf(report(handover), PortalMessages.INDONESIAN,
                new TableReportFiles.Signature(words, block.verificationUrl())));
    }

    @ApplicationModuleListener
    void on(DocumentSigned signed) {
        if (SOURCE_TYPE.equals(signed.sourceType())) {
            handovers.signed(Long.parseLong(signed.sourceId()), signed.signedAt());
        }
    }

    TableReport report(Handover handover) {
        Locale id = PortalMessages.INDONESIAN;
        School school = schools.find(handover.schoolId())
                .orElseThrow(() -> new RuleViolation("schoolvisit.error.school-not-found"));
        List<List<Object>> rows = new ArrayList<>();
        int n = 0;
        for (Student student : handover.students()) {
            rows.add(List.of(++n, student.fullName(), Nik.of(student.nik()).masked(), student.className(),
                    student.printedAt() == null ? "" : DATE.format(student.printedAt().atZone(OFFICE))));
        }
        String receipt = handover.received()
                ? text("schoolvisit.handover.pdf-received", id, handover.receivedBy(),
                        DATE.format(handover.receivedAt().atZone(OFFICE)))
                : text("schoolvisit.handover.pdf-footer", id);
        return new TableReport(handover.number().replace('/', '-'), text("schoolvisit.handover.pdf-title", id),
                text("schoolvisit.handover.pdf-subtitle", id, handover.number(), school.name(), school.npsn(),
                        DATE.format(handover.preparedAt().atZone(OFFICE)), handover.cards()),
                receipt,
                List.of(new TableReport.Table(text("schoolvisit.handover.pdf-cards", id),
                        List.of(text("schoolvisit.column.number", id), text("schoolvisit.column.name", id), "NIK",
                                text("schoolvisit.column.class", id), text("schoolvisit.column.printed", id)),
                        rows)));
    }

    private Handover handover(long handoverId) {
        return handovers.find(handoverId).orElseThrow(() -> new RuleViolation("schoolvisit.error.handover-not-found"));
    }

    private String text(String key, Locale locale, @Nullable Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
