package id.dukcapil.portal.reports;

import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.sla.Procedure;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Every procedure's daily summary, whichever module makes it. */
@Service
@PreAuthorize("hasAnyRole('" + Roles.MANAGER + "', '" + Roles.ADMIN + "', '" + Roles.HEAD + "')")
public class DailySummaries {

    private final List<DailySummarySource> sources;

    DailySummaries(List<DailySummarySource> sources) {
        this.sources = sources.stream().sorted(Comparator.comparing(DailySummarySource::procedure)).toList();
    }

    /** The procedures with a daily summary, in SOP order. */
    public List<Procedure> procedures() {
        return sources.stream().map(DailySummarySource::procedure).toList();
    }

    public byte[] pdf(Procedure procedure, String servicePoint, LocalDate day, Locale locale) {
        return sources.stream().filter(source -> source.procedure() == procedure).findFirst()
                .orElseThrow(() -> new RuleViolation("reports.daily.none", procedure.name()))
                .pdf(servicePoint, day, locale);
    }

    public static String fileName(Procedure procedure, String servicePoint, LocalDate day) {
        return "ringkasan-" + procedure.name().substring(0, 1).toLowerCase(Locale.ROOT) + "-" + servicePoint + "-" + day
                + ".pdf";
    }
}
