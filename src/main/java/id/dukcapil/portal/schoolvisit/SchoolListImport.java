package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.schoolvisit.internal.SchoolRepository;
import id.dukcapil.portal.shared.RuleViolation;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Schools from an Excel list (NPSN, name, level, address, village code, contact, phone, e-mail), each row checked as
 * the planner's form checks it: a new NPSN is created, a known one updated; a bad row is listed with its reasons and
 * the good rows are saved (decision 093).
 */
@Service
public class SchoolListImport {

    public static final int MAX_ROWS = 2_000;
    /** The columns the import reads, in order: the template's headings. */
    static final List<String> COLUMNS = List.of("NPSN", "Nama", "Jenjang (SMA/SMK/MA/SLB)", "Alamat", "Kode desa",
            "Narahubung", "Telepon", "E-mail");

    private final Schools schools;
    private final SchoolRepository store;
    private final AuditLog auditLog;

    SchoolListImport(Schools schools, SchoolRepository store, AuditLog auditLog) {
        this.schools = schools;
        this.store = store;
        this.auditLog = auditLog;
    }

    /** What the import did: rows read, schools added and updated, each bad row with its reasons. */
    public record Report(int rows, int added, int updated, List<RosterReport.BadRow> badRows) {
    }

    /** An empty list with the columns the import reads, for the planner to fill in. */
    @PreAuthorize(Schools.PLANNERS)
    public byte[] template() {
        return ImportTemplate.workbook("Sekolah", COLUMNS);
    }

    /**
     * The list is streamed and refused past {@link #MAX_ROWS} rows before any school is saved (decision 128). Each row
     * in a transaction of its own: a refused row (a RuleViolation) rolls back only itself, and the rows
     * before it stay saved.
     */
    @PreAuthorize(Schools.PLANNERS)
    public Report importList(String servicePoint, InputStream file) {
        int rows = 0;
        int added = 0;
        int updated = 0;
        List<RosterReport.BadRow> bad = new ArrayList<>();
        for (ImportSheet.Line line : ImportSheet.read(file, COLUMNS.size(), MAX_ROWS)) {
            if (line.cell(0).isEmpty() && line.cell(1).isEmpty()) {
                continue;
            }
            rows++;
            String email = line.cell(7);
            SchoolForm form = new SchoolForm(line.cell(0), line.cell(1), level(line.cell(2)), line.cell(3),
                    line.cell(4), line.cell(5), line.cell(6), email.isEmpty() ? null : email, servicePoint);
            Optional<School> known = store.byNpsn(form.npsn().strip());
            try {
                if (known.isPresent()) {
                    schools.update(known.get().id(), known.get().version(), form);
                    updated++;
                } else {
                    schools.create(form);
                    added++;
                }
            } catch (RuleViolation violation) {
                bad.add(new RosterReport.BadRow(line.row(), form.npsn(), violation.messageKeys().getFirst(),
                        List.of(violation.args())));
            }
        }
        auditLog.record(AuditRecord.success("schoolvisit.schools.imported", "ServicePoint", servicePoint)
                .withDetail("rows=" + rows + "; added=" + added + "; updated=" + updated + "; bad=" + bad.size()));
        return new Report(rows, added, updated, List.copyOf(bad));
    }

    private static @Nullable SchoolLevel level(String text) {
        try {
            return text.isEmpty() ? null : SchoolLevel.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
