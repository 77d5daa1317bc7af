package id.dukcapil.portal.population.extract;

import id.dukcapil.portal.shared.Finding;
import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.RegionDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One family's rows of an extract (consecutive rows with the same KK number) and what the family rules found. A
 * family is loaded whole or not at all: one bad row refuses every row of its family (decision 097).
 *
 * @param familyFindings what is wrong with the family as a whole (no head, two heads, members at other addresses)
 */
public record ExtractFamily(String kkText, List<CheckedRow> rows, List<Finding> familyFindings) {

    public ExtractFamily {
        rows = List.copyOf(rows);
        familyFindings = List.copyOf(familyFindings);
    }

    public boolean good() {
        return familyFindings.isEmpty() && rows.stream().allMatch(CheckedRow::good);
    }

    public long firstLine() {
        return rows.getFirst().row().line();
    }

    /** The KK number, when the family's rows carry a valid one. */
    public Optional<KkNumber> kkNumber() {
        return KkNumber.check(kkText, RegionDirectory.ANY).optional();
    }

    /** This family refused for one more reason found when loading it (e.g. its KK number came earlier). */
    public ExtractFamily refusedFor(Finding finding) {
        List<Finding> findings = new ArrayList<>(familyFindings);
        findings.add(finding);
        return new ExtractFamily(kkText, rows, findings);
    }

    /** Every row of a refused family with its reasons: its own, else the family's, else the lines that refused it. */
    public List<Rejection> rejections() {
        String badLines = rows.stream().filter(row -> !row.good()).map(row -> String.valueOf(row.row().line()))
                .collect(Collectors.joining(", "));
        List<Rejection> rejections = new ArrayList<>();
        for (CheckedRow row : rows) {
            List<Finding> reasons = new ArrayList<>(row.findings());
            if (reasons.isEmpty()) {
                reasons.addAll(familyFindings);
            }
            if (reasons.isEmpty()) {
                reasons.add(Finding.of("extract.family.member-refused", badLines));
            }
            reasons.forEach(reason -> rejections.add(new Rejection(row.row(), reason)));
        }
        return rejections;
    }

    /** One reason a row was refused. */
    public record Rejection(ExtractRow row, Finding reason) {
    }
}
