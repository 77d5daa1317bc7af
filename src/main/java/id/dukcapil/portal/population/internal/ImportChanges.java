package id.dukcapil.portal.population.internal;

import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.population.PopulationChanged;
import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.Nik;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells what an import changed in the register: an audit entry for each family and resident changed, with before and
 * after (the SOPs' log), and {@link PopulationChanged} events for the modules that hold copies of residents.
 */
@Component
class ImportChanges {

    /** Numbers (NIKs or KK numbers) per event: about 30 characters each once serialized. */
    static final int NUMBERS_PER_EVENT = 60;

    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;

    ImportChanges(AuditLog auditLog, ApplicationEventPublisher events) {
        this.auditLog = auditLog;
        this.events = events;
    }

    /** An entry for a family or resident the import changed, its changes as {@code field: before → after}. */
    void audit(Actor actor, String action, String subjectType, String subject, long importId, List<String> changes) {
        String detail = "reason=IMPORT; import=" + importId + "; " + String.join("; ", changes);
        auditLog.record(actor, AuditRecord.success(action, subjectType, subject).withDetail(detail));
    }

    /** The entry for a portion of the extract written. */
    void loaded(Actor actor, long importId, String detail) {
        auditLog.record(actor, AuditRecord.success("population.import.loaded", "PopulationImport",
                String.valueOf(importId)).withDetail(detail));
    }

    /**
     * Publishes the change in events of at most {@link #NUMBERS_PER_EVENT} numbers each: the event publication
     * registry keeps each event serialized in 4,000 characters, and a chunk may change 1,500 residents.
     */
    void announce(long importId, List<Nik> residents, List<KkNumber> families) {
        for (int from = 0; from < residents.size(); from += NUMBERS_PER_EVENT) {
            events.publishEvent(new PopulationChanged(importId,
                    residents.subList(from, Math.min(residents.size(), from + NUMBERS_PER_EVENT)), List.of()));
        }
        for (int from = 0; from < families.size(); from += NUMBERS_PER_EVENT) {
            events.publishEvent(new PopulationChanged(importId, List.of(),
                    families.subList(from, Math.min(families.size(), from + NUMBERS_PER_EVENT))));
        }
    }
}
