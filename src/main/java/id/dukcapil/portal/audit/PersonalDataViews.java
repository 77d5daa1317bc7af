package id.dukcapil.portal.audit;

import id.dukcapil.portal.audit.internal.PersonalDataViewBuffer;
import id.dukcapil.portal.shared.web.ClientAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Who looked at whom (issue 41, decision 129): every screen that shows a resident's or a family's data, and every
 * download that holds it, tells this service whose data it was. Each is kept with the staff member, the screen, the
 * time and the client's address, for the ADMIN's question "who saw this NIK". Views are written in batches within a
 * second, outside the audit chain's lock, so a desk does not wait; a download is written before the file goes.
 */
@Service
public class PersonalDataViews {

    private final PersonalDataViewBuffer buffer;
    private final CurrentActor currentActor;
    private final Clock clock;

    PersonalDataViews(PersonalDataViewBuffer buffer, CurrentActor currentActor, Clock clock) {
        this.buffer = buffer;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** The screen (its route) showed the signed-in user these residents or families. */
    public void viewed(String screen, Collection<PersonalData> subjects) {
        List<PersonalDataAccess> rows = rows(PersonalDataAccess.Kind.VIEW, screen, subjects);
        if (!rows.isEmpty()) {
            buffer.add(rows);
        }
    }

    public void viewed(String screen, PersonalData... subjects) {
        viewed(screen, List.of(subjects));
    }

    /**
     * The signed-in user is given a file (by its name: {@code kk-pdf}, {@code register-xlsx}) holding these residents'
     * or families' data. Stored before this returns: call it before the file's bytes go out.
     */
    public void downloaded(String download, Collection<PersonalData> subjects) {
        List<PersonalDataAccess> rows = rows(PersonalDataAccess.Kind.DOWNLOAD, download, subjects);
        if (!rows.isEmpty()) {
            buffer.write(rows);
        }
    }

    public void downloaded(String download, PersonalData... subjects) {
        downloaded(download, List.of(subjects));
    }

    private List<PersonalDataAccess> rows(PersonalDataAccess.Kind kind, String screen, Collection<PersonalData> subjects) {
        // Who, when and from where are read here, on the request's thread: the writer's thread knows none of them.
        Actor actor = currentActor.get();
        Instant at = clock.instant();
        String address = ClientAddress.current().orElse(null);
        return new LinkedHashSet<>(subjects).stream()
                .filter(subject -> !subject.number().isBlank())
                .map(subject -> new PersonalDataAccess(0, at, kind, actor.id(), actor.name(), actor.servicePoint(),
                        screen, subject, address))
                .toList();
    }
}
