package id.dukcapil.portal.population.internal;

import id.dukcapil.portal.population.extract.ExtractRowRules;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.region.Region;
import id.dukcapil.portal.shared.region.Regions;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The region an import covers, a regency ({@code 32.04}) or a district ({@code 32.04.37}): its rows outside it are
 * refused, and its residents the extract does not list are marked gone. Refuses a scope that names no village.
 */
@Component
class ImportScope {

    private static final Pattern SCOPE = Pattern.compile("\\d{2}\\.\\d{2}(\\.\\d{2})?");

    private final Regions regions;

    ImportScope(Regions regions) {
        this.regions = regions;
    }

    /** @throws RuleViolation {@code population.import.scope} when the scope is malformed or has no village */
    Set<String> villagesOf(String scope) {
        if (!SCOPE.matcher(scope).matches()) {
            throw new RuleViolation("population.import.scope", scope);
        }
        List<Region> villages = scope.length() == 5 ? regions.villagesOfRegency(scope) : regions.villagesOf(scope);
        if (villages.isEmpty()) {
            throw new RuleViolation("population.import.scope", scope);
        }
        return villages.stream().map(Region::code).collect(Collectors.toSet());
    }

    /** The rules each row of an extract of this scope is checked by, as of {@code today}. */
    ExtractRowRules rules(String scope, LocalDate today, ZoneId zone) {
        return new ExtractRowRules(scope, villagesOf(scope), code -> regions.village(code).isPresent(), regions, today,
                zone);
    }
}
