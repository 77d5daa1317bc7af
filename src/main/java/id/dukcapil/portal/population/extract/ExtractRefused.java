package id.dukcapil.portal.population.extract;

import id.dukcapil.portal.shared.Finding;

/** The whole file cannot be read as an extract (no header, a required column missing, not a CSV or XLSX file). */
public class ExtractRefused extends RuntimeException {

    private final transient Finding finding;

    public ExtractRefused(Finding finding) {
        super(finding.messageKey() + " " + finding.args());
        this.finding = finding;
    }

    public Finding finding() {
        return finding;
    }
}
