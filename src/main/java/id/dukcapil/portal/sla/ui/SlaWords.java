package id.dukcapil.portal.sla.ui;

import id.dukcapil.portal.shared.ui.VaadinTexts;
import id.dukcapil.portal.sla.StepStandard;
import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.staff.ServicePoints;
import id.dukcapil.portal.staff.StaffNames;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Puts the SLA's kept ids into words: a staff member by name, an API client by its kind ("ikd-gateway:1" reads
 * "Gateway IKD"), a service point by name, and a standard seeded from the SOP as "set by the SOP" rather than by
 * the planning file it came from and the year-2000 day it is valid from.
 */
final class SlaWords {

    /** Who the Liquibase seed names as the author of the SOP's own standard times. */
    static final String SEEDED_FROM_SOP = "SOP.md";
    /** The prefixes of API clients' actor ids (kkprint's {@code ApiClientAuthentication}). */
    private static final Map<String, String> CLIENT_KINDS = Map.of("ikd-gateway:", "sla.actor.ikd-gateway",
            "kiosk:", "sla.actor.kiosk");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern(VaadinTexts.DATE_FORMAT);

    private final StaffNames staffNames;
    private final ServicePoints servicePoints;
    private final Function<String, String> translate;
    private final Map<String, String> knownNames = new HashMap<>();
    private final Map<String, String> pointNames = new HashMap<>();

    SlaWords(StaffNames staffNames, ServicePoints servicePoints, Function<String, String> translate) {
        this.staffNames = staffNames;
        this.servicePoints = servicePoints;
        this.translate = translate;
    }

    /** Looks the names of a page's actors up at once, so that each row does not ask the database. */
    void learn(Collection<String> actorIds) {
        var unknown = actorIds.stream().filter(id -> !knownNames.containsKey(id)).distinct().toList();
        if (!unknown.isEmpty()) {
            Map<String, String> found = staffNames.of(unknown);
            unknown.forEach(id -> knownNames.put(id, found.getOrDefault(id, id))); // a job keeps its id
        }
    }

    String actor(@Nullable String id) {
        if (id == null) {
            return "";
        }
        for (var kind : CLIENT_KINDS.entrySet()) {
            if (id.startsWith(kind.getKey())) {
                return translate.apply(kind.getValue());
            }
        }
        learn(List.of(id));
        return knownNames.get(id);
    }

    String servicePoint(@Nullable String code) {
        if (code == null) {
            return "";
        }
        return pointNames.computeIfAbsent(code, key -> servicePoints.byCode(code).map(ServicePoint::name).orElse(code));
    }

    String validFrom(StepStandard standard) {
        return setBySop(standard) ? translate.apply("sla.standard.since-sop") : DAY.format(standard.validFrom());
    }

    String changedBy(StepStandard standard) {
        return setBySop(standard) ? translate.apply("sla.standard.set-by-sop") : actor(standard.changedBy());
    }

    private static boolean setBySop(StepStandard standard) {
        return SEEDED_FROM_SOP.equals(standard.changedBy());
    }
}
