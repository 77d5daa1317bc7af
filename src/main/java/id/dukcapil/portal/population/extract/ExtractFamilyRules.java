package id.dukcapil.portal.population.extract;

import id.dukcapil.portal.population.Relationship;
import id.dukcapil.portal.shared.Finding;
import id.dukcapil.portal.shared.Sex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules a family card must meet as a whole: exactly one head, every member at the head's address, a wife a
 * woman and a husband a man, at most one husband, and no NIK twice on the card.
 */
public final class ExtractFamilyRules {

    private ExtractFamilyRules() {
    }

    /** The family's findings, from the rows that met their own rules (a bad row is reported for itself). */
    public static List<Finding> check(List<CheckedRow> rows) {
        List<ExtractResident> members = rows.stream().filter(CheckedRow::good).map(CheckedRow::resident).toList();
        List<Finding> findings = new ArrayList<>();
        if (members.size() < rows.size()) {
            return findings;
        }
        List<ExtractResident> heads = members.stream().filter(m -> m.relationship() == Relationship.HEAD).toList();
        if (heads.isEmpty()) {
            findings.add(Finding.of("extract.family.no-head"));
        } else if (heads.size() > 1) {
            findings.add(Finding.of("extract.family.heads", heads.size()));
        } else {
            ExtractResident head = heads.getFirst();
            for (ExtractResident member : members) {
                if (!member.address().equals(head.address())) {
                    findings.add(Finding.of("extract.family.address", member.nik().value()));
                }
            }
        }
        Set<String> niks = new HashSet<>();
        int husbands = 0;
        for (ExtractResident member : members) {
            if (!niks.add(member.nik().value())) {
                findings.add(Finding.of("extract.family.nik-twice", member.nik().value()));
            }
            if (member.relationship() == Relationship.WIFE && member.sex() != Sex.FEMALE
                    || member.relationship() == Relationship.HUSBAND && member.sex() != Sex.MALE) {
                findings.add(Finding.of("extract.family.spouse-sex", member.nik().value()));
            }
            if (member.relationship() == Relationship.HUSBAND) {
                husbands++;
            }
        }
        if (husbands > 1) {
            findings.add(Finding.of("extract.family.husbands", husbands));
        }
        return findings;
    }
}
