package id.dukcapil.portal.outpost.internal;

import id.dukcapil.portal.schoolvisit.OutpostPackage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Persistable;

/** A school visit this outpost checked out of the Dinas ({@code outpost_visit}): OUT until the Dinas took it back. */
@Entity
@Table(name = "outpost_visit")
public class TakenVisitEntity implements Persistable<Long> {

    /** Where the taken visit is. */
    public enum Status { OUT, BACK }

    @Id
    private long checkoutId;
    private String dinasUrl;
    private long visitId;
    private String schoolName;
    private LocalDate visitDay;
    private String outpost;
    private String checkedOutBy;
    private Instant checkedOutAt;
    private int cardsOut;
    private String secret;
    @Enumerated(EnumType.STRING)
    private Status status;
    private @Nullable Instant backAt;
    private @Nullable String answer;
    private @Nullable String carriedAccounts;
    @Version
    @Column(nullable = false)
    private int version;
    private transient boolean fresh;

    protected TakenVisitEntity() {
        this.dinasUrl = "";
        this.schoolName = "";
        this.visitDay = LocalDate.EPOCH;
        this.outpost = "";
        this.checkedOutBy = "";
        this.checkedOutAt = Instant.EPOCH;
        this.secret = "";
        this.status = Status.OUT;
    }

    public TakenVisitEntity(URI dinas, OutpostPackage taken) {
        this.checkoutId = taken.checkoutId();
        this.dinasUrl = dinas.toString();
        this.visitId = taken.visit().id();
        this.schoolName = taken.visit().schoolName();
        this.visitDay = taken.visit().day();
        this.outpost = taken.outpost();
        this.checkedOutBy = taken.checkedOutBy();
        this.checkedOutAt = taken.checkedOutAt();
        this.cardsOut = taken.cardsOut();
        this.secret = taken.secret();
        this.status = Status.OUT;
        this.fresh = true;
    }

    @Override
    public Long getId() {
        return checkoutId;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    public void back(Instant at, String answer) {
        this.status = Status.BACK;
        this.backAt = at;
        this.answer = answer.length() > 1000 ? answer.substring(0, 1000) : answer;
    }

    /** The team's accounts carried here with the visit. */
    public void carried(List<String> usernames) {
        this.carriedAccounts = String.join(",", usernames);
    }

    public List<String> carriedAccounts() {
        return carriedAccounts == null || carriedAccounts.isEmpty() ? List.of()
                : List.of(carriedAccounts.split(","));
    }

    public long checkoutId() {
        return checkoutId;
    }

    public URI dinasUrl() {
        return URI.create(dinasUrl);
    }

    public long visitId() {
        return visitId;
    }

    public String schoolName() {
        return schoolName;
    }

    public LocalDate visitDay() {
        return visitDay;
    }

    public String outpost() {
        return outpost;
    }

    public String checkedOutBy() {
        return checkedOutBy;
    }

    public Instant checkedOutAt() {
        return checkedOutAt;
    }

    public int cardsOut() {
        return cardsOut;
    }

    public String secret() {
        return secret;
    }

    public Status status() {
        return status;
    }

    public @Nullable Instant backAt() {
        return backAt;
    }

    public @Nullable String answer() {
        return answer;
    }
}
