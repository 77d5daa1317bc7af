package id.dukcapil.portal.outpost.internal;

import id.dukcapil.portal.recording.OutpostDay;
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

/**
 * A recording point's day this outpost took from the Dinas ({@code outpost_day}, issue 53, decision 200): OUT while
 * the kecamatan's desks work on it here, SENDING while its bundle is on the way, BACK once the Dinas took it. It gives
 * the day's queue and proof numbers, one after the other from where the Dinas's stopped.
 */
@Entity
@Table(name = "outpost_day")
public class TakenDayEntity implements Persistable<Long> {

    /** As a taken visit's: out here; its bundle sent and the answer not in; back at the Dinas. */
    public enum Status { OUT, SENDING, BACK }

    @Id
    private long checkoutId;
    private String dinasUrl;
    private String point;
    private String pointName;
    private LocalDate day;
    private String outpost;
    private String checkedOutBy;
    private Instant checkedOutAt;
    private String prefix;
    private int nextNumber;
    private int nextProof;
    private String secretSealed;
    @Enumerated(EnumType.STRING)
    private Status status;
    private @Nullable Integer sentOperations;
    private boolean sentReached;
    private @Nullable Instant backAt;
    private @Nullable String answer;
    private String operators;
    private @Nullable String carriedAccounts;
    private long journalFrom;
    @Version
    @Column(nullable = false)
    private int version;
    private transient boolean fresh;

    protected TakenDayEntity() {
        this.dinasUrl = "";
        this.point = "";
        this.pointName = "";
        this.day = LocalDate.EPOCH;
        this.outpost = "";
        this.checkedOutBy = "";
        this.checkedOutAt = Instant.EPOCH;
        this.prefix = "";
        this.secretSealed = "";
        this.status = Status.OUT;
        this.operators = "";
    }

    /**
     * The day as taken, the bundle's secret sealed with the outpost's data key.
     *
     * @param journalFrom this node's audit log's position before the take
     */
    public TakenDayEntity(URI dinas, OutpostDay taken, DataKey vault, long journalFrom) {
        this.journalFrom = journalFrom;
        this.checkoutId = taken.checkoutId();
        this.dinasUrl = dinas.toString();
        this.point = taken.point();
        this.pointName = taken.pointName();
        this.day = taken.day();
        this.outpost = taken.outpost();
        this.checkedOutBy = taken.checkedOutBy();
        this.checkedOutAt = taken.checkedOutAt();
        this.prefix = taken.prefix();
        this.nextNumber = taken.firstNumber();
        this.nextProof = taken.firstProof();
        this.secretSealed = vault.seal(taken.secret(), "outpost_day.secret:" + taken.checkoutId());
        this.status = Status.OUT;
        this.operators = String.join(",", taken.accounts().stream().map(account -> account.username()).toList());
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

    /** The next queue number, taken: the day's numbers run on without a gap (the day's row is locked meanwhile). */
    public int takeNumber() {
        return nextNumber++;
    }

    /** The next proof-of-recording number in the point's year, taken. */
    public int takeProof() {
        return nextProof++;
    }

    /** A ticket as the board shows it: the outpost's prefix and the number. */
    public String ticket(int number) {
        return prefix + "-" + "%03d".formatted(number);
    }

    /** A proof's number as the Dinas's desks write it: the point, the year, the number in the year. */
    public String proofNumber(int number) {
        return "BPR-%s-%d-%06d".formatted(point, day.getYear(), number);
    }

    /** Its bundle of the first {@code operations} is on its way: no new step until the Dinas has answered. */
    public void sending(int operations) {
        if (status == Status.OUT) {
            this.status = Status.SENDING;
            this.sentOperations = operations;
        }
    }

    /** A send reached the Dinas and its answer was lost: from now on only this bundle goes. */
    public void mayHaveArrived() {
        this.sentReached = true;
    }

    /** The bundle never reached the Dinas, or was refused whole: the desks go on; unless a send may have arrived. */
    public void notSent() {
        if (status == Status.SENDING && !sentReached) {
            this.status = Status.OUT;
            this.sentOperations = null;
        }
    }

    /** The Dinas took the bundle: the day is its own again. */
    public void back(Instant at, String answered) {
        this.status = Status.BACK;
        this.backAt = at;
        this.answer = answered.length() <= 1000 ? answered : answered.substring(0, 999) + "…";
    }

    /** The accounts carried here with the day: closed when it goes back. */
    public void carried(List<String> usernames) {
        this.carriedAccounts = String.join(",", usernames);
    }

    /** This node's audit log's position before the take: the journal is what came after. */
    public long journalFrom() {
        return journalFrom;
    }

    /** The point's desk operators as packed: only they take steps here (the Dinas refuses anyone else's). */
    public List<String> operators() {
        return operators.isEmpty() ? List.of() : List.of(operators.split(","));
    }

    public List<String> carriedAccounts() {
        return carriedAccounts == null || carriedAccounts.isEmpty() ? List.of()
                : List.of(carriedAccounts.split(","));
    }

    public String secret(DataKey vault) {
        return vault.open(secretSealed, "outpost_day.secret:" + checkoutId);
    }

    public long checkoutId() {
        return checkoutId;
    }

    public URI dinasUrl() {
        return URI.create(dinasUrl);
    }

    public String point() {
        return point;
    }

    public String pointName() {
        return pointName;
    }

    public LocalDate day() {
        return day;
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

    public String prefix() {
        return prefix;
    }

    public Status status() {
        return status;
    }

    public @Nullable Integer sentOperations() {
        return sentOperations;
    }

    public boolean sentReached() {
        return sentReached;
    }

    public @Nullable Instant backAt() {
        return backAt;
    }

    public @Nullable String answer() {
        return answer;
    }
}
