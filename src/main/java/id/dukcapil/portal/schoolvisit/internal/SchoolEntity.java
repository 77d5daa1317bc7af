package id.dukcapil.portal.schoolvisit.internal;

import id.dukcapil.portal.schoolvisit.School;
import id.dukcapil.portal.schoolvisit.SchoolForm;
import id.dukcapil.portal.schoolvisit.SchoolLevel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A school the field teams visit, as the planner edits it. {@code version} is the row's as read: a second planner's
 * edit over an older one is refused, not lost (the column was the store's hand-written version; JPA keeps it now).
 */
@Entity
@Table(name = "schoolvisit_school")
public class SchoolEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    private String npsn;
    private String name;
    @Enumerated(EnumType.STRING)
    private SchoolLevel level;
    private String address;
    private String villageCode;
    private String contactName;
    private String contactPhone;
    private @Nullable String contactEmail;
    private String servicePoint;
    // Step 1's clock, not the planner's edit: written by the repository's conditional statements (a roster received
    // while the form is open must not refuse its save, nor a save the roster), never by the entity.
    @Column(insertable = false, updatable = false)
    private @Nullable Instant coordinationBeganAt;
    @Version
    private int version;

    protected SchoolEntity() {
        this.npsn = "";
        this.name = "";
        this.level = SchoolLevel.SMA;
        this.address = "";
        this.villageCode = "";
        this.contactName = "";
        this.contactPhone = "";
        this.servicePoint = "";
    }

    /** A new school from a form its service has checked. */
    public SchoolEntity(SchoolForm checked) {
        this();
        edit(checked);
    }

    /** The planner's edit, checked by the service; the version decides at the flush whether it was the latest. */
    public void edit(SchoolForm checked) {
        this.npsn = checked.npsn();
        this.name = checked.name();
        this.level = Objects.requireNonNull(checked.level());
        this.address = checked.address();
        this.villageCode = checked.villageCode();
        this.contactName = checked.contactName();
        this.contactPhone = checked.contactPhone();
        this.contactEmail = checked.contactEmail();
        this.servicePoint = checked.servicePoint();
    }

    public long id() {
        if (id == null) {
            throw new IllegalStateException("Not saved yet");
        }
        return id;
    }

    public int version() {
        return version;
    }

    public School toRecord() {
        return new School(id(), npsn, name, level, address, villageCode, contactName, contactPhone, contactEmail,
                servicePoint, version);
    }
}
