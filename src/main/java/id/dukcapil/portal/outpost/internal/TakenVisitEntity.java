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

    /**
     * Where the taken visit is: out here; its bundle sent and the Dinas's answer not in (no new step: the same bundle
     * goes again); back at the Dinas.
     */
    public enum Status { OUT, SENDING, BACK }

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
    private String secretSealed;
    @Enumerated(EnumType.STRING)
    private Status status;
    private @Nullable Instant backAt;
    private @Nullable String answer;
    private @Nullable String carriedAccounts;
    private @Nullable Integer sentOperations;
    private boolean sentReached;
    private long journalFrom;
    private String team;
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
        this.secretSealed = "";
        this.status = Status.OUT;
        this.team = "";
    }

    /** The visit as taken, the bundle's secret sealed with the outpost's data key. */
    /** @param journalFrom this node's audit log's position before the take */
    public TakenVisitEntity(URI dinas, OutpostPackage taken, DataKey vault, long journalFrom) {
        this.journalFrom = journalFrom;
        this.checkoutId = taken.checkoutId();
        this.dinasUrl = dinas.toString();
        this.visitId = taken.visit().id();
        this.schoolName = taken.visit().schoolName();
        this.visitDay = taken.visit().day();
        this.outpost = taken.outpost();
        this.checkedOutBy = taken.checkedOutBy();
        this.checkedOutAt = taken.checkedOutAt();
        this.cardsOut = taken.cardsOut();
        this.secretSealed = vault.seal(taken.secret(), "outpost_visit.secret:" + taken.checkoutId());
        this.status = Status.OUT;
        this.team = String.join(",", taken.visit().team());
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

    /** Its bundle of the first {@code operations} is on its way: no new step until the Dinas has answered. */
    public void sending(int operations) {
        if (status == Status.OUT) {
            this.status = Status.SENDING;
            this.sentOperations = operations;
        }
    }

    /**
     * A send of the bundle reached the Dinas and its answer was lost: the Dinas may have taken it, so from now on only
     * this bundle goes (a step taken after it would be refused there once the visit is back).
     */
    public void mayHaveArrived() {
        this.sentReached = true;
    }

    /**
     * The bundle never reached the Dinas, or the Dinas refused it whole: the team goes on working; unless an earlier
     * send of it may have arrived.
     */
    public void notSent() {
        if (status == Status.SENDING && !sentReached) {
            this.status = Status.OUT;
            this.sentOperations = null;
        }
    }

    /** This node's audit log's position before the take: the journal is what came after. */
    public long journalFrom() {
        return journalFrom;
    }

    /** The operations the bundle on its way holds, while SENDING. */
    public @Nullable Integer sentOperations() {
        return sentOperations;
    }

    /** The visit's team: only they take steps here (the Dinas refuses a bundle with anyone else's). */
    public List<String> team() {
        return team.isEmpty() ? List.of() : List.of(team.split(","));
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

    public String secret(DataKey vault) {
        return vault.open(secretSealed, "outpost_visit.secret:" + checkoutId);
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
