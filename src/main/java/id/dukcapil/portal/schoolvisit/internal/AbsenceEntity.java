package id.dukcapil.portal.schoolvisit.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** An officer's leave, both days included: no visit on these days. */
@Entity
@Table(name = "schoolvisit_absence")
public class AbsenceEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    private String username;
    private LocalDate firstDay;
    private LocalDate lastDay;
    private String reason;
    @Version
    private long version;

    protected AbsenceEntity() {
        this.username = "";
        this.firstDay = LocalDate.EPOCH;
        this.lastDay = LocalDate.EPOCH;
        this.reason = "";
    }

    public AbsenceEntity(String username, LocalDate firstDay, LocalDate lastDay, String reason) {
        this.username = username;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.reason = reason;
    }
}
