package id.dukcapil.portal.population.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.population.ImportProgress;
import id.dukcapil.portal.population.ImportState;
import id.dukcapil.portal.population.Resident;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs imports to their end on the test's thread, as the command line does. */
final class ImportTestSupport {

    static final Actor ACTOR = Actor.system("import-test");

    private final ImportRunner runner;
    private final ImportStore store;

    ImportTestSupport(ImportRunner runner, ImportStore store) {
        this.runner = runner;
        this.store = store;
    }

    ImportProgress importText(String csv, String scope) {
        return importFile(write(csv, ".csv"), "ekstrak.csv", scope);
    }

    ImportProgress importFile(Path file, String fileName, String scope) {
        long id = register(file, fileName, scope);
        runner.run(id, ACTOR);
        return store.progress(id).orElseThrow();
    }

    /**
     * An import that stops before marking {@code gone} residents of its region gone (more than the share allowed
     * without asking, decision 128), confirmed for that number as the ADMIN would, and run on to its end.
     */
    ImportProgress importConfirmingGone(String csv, String scope, long gone) {
        long id = register(write(csv, ".csv"), "ekstrak.csv", scope);
        assertThat(runner.run(id, ACTOR)).isEqualTo(ImportState.AWAITING_CONFIRMATION);
        assertThat(store.progress(id).orElseThrow().goneToConfirm()).isEqualTo(gone);
        runner.confirmGone(id, gone, ACTOR);
        runner.run(id, ACTOR);
        return store.progress(id).orElseThrow();
    }

    long register(Path file, String fileName, String scope) {
        try {
            Path copy = Files.createTempFile("extract-", fileName);
            Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return runner.register(copy, fileName, scope, ACTOR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(String text, String suffix) {
        try {
            Path file = Files.createTempFile("extract-", suffix);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A resident without the register's ids, to compare what was loaded with what was written. */
    static Resident withoutIds(Resident r) {
        return new Resident(0, id.dukcapil.portal.population.FamilyId.of(0), r.nik(), r.fullName(), r.birthPlace(),
                r.birthDate(), r.sex(), r.religion(), r.maritalStatus(), r.relationship(), r.education(),
                r.occupation(), r.fatherName(), r.motherName(), r.email(), r.phone(), r.enrolmentStatus());
    }

    /** The cells of one line the extract writer wrote (quotes doubled inside quoted cells). */
    static java.util.List<String> splitCsv(String line) {
        java.util.List<String> cells = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
