package id.dukcapil.portal.recording.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A recording point's day taken to an outpost (issue 53, decision 200): while OUT the point's desks at the Dinas
 * change nothing; the bundle the outpost brings back is signed with this checkout's secret and turns it BACK. A point
 * has at most one day out: {@code out_point} is the point while OUT and unique.
 */
@Entity
@Table(name = "recording_checkout")
public class DayCheckoutEntity {

    /**
     * Where the day is: at the outpost; back at the Dinas with its bundle; or taken back by a supervisor without it
     * (the machine lost or broken): what that outpost still sends is kept for a supervisor, never applied.
     */
    public enum State { OUT, BACK, TAKEN_BACK }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    private String servicePoint;
    private LocalDate day;
    private String outpost;
    private String outpostKey;
    private String checkedOutBy;
    private Instant checkedOutAt;
    @Enumerated(EnumType.STRING)
    private State state;
    private @Nullable String outPoint;
    private String secret;
    private String prefix;
    private int firstNumber;
    private int firstProof;
    private int residents;
    private String operators;
    private @Nullable Instant checkedInAt;
    private @Nullable Integer journalEntries;
    private @Nullable String takenBackBy;
    private @Nullable Instant takenBackAt;
    private @Nullable String takenBackReason;
    @Version
    private long version;

    protected DayCheckoutEntity() {
        this.servicePoint = "";
        this.day = LocalDate.EPOCH;
        this.outpost = "";
        this.outpostKey = "";
        this.checkedOutBy = "";
        this.checkedOutAt = Instant.EPOCH;
        this.state = State.OUT;
        this.secret = "";
        this.prefix = "";
        this.operators = "";
    }

    public DayCheckoutEntity(String servicePoint, LocalDate day, String outpost, String outpostKey, String by,
                             Instant at, String secret, String prefix, int firstNumber, int firstProof, int residents,
                             java.util.List<String> operators) {
        this.servicePoint = servicePoint;
        this.day = day;
        this.outpost = outpost;
        this.outpostKey = outpostKey;
        this.checkedOutBy = by;
        this.checkedOutAt = at;
        this.state = State.OUT;
        this.outPoint = servicePoint;
        this.secret = secret;
        this.prefix = prefix;
        this.firstNumber = firstNumber;
        this.firstProof = firstProof;
        this.residents = residents;
        this.operators = String.join(",", operators);
    }

    /** The point's desk operators when the day went out (usernames): whose steps the bundle may carry. */
    public java.util.List<String> operators() {
        return operators.isEmpty() ? java.util.List.of() : java.util.List.of(operators.split(","));
    }

    /**
     * The bundle arrived: the day is the Dinas's again. A day taken back stays so (its state says it), and notes when
     * its outpost's bundle came. Once arrived, a bundle again changes nothing more.
     */
    public void checkedIn(Instant at) {
        if (state == State.OUT) {
            state = State.BACK;
            outPoint = null;
        }
        if (checkedInAt == null) {
            checkedInAt = at;
        }
    }

    /** The outpost's log joined into the Dinas's: once, at the first arrival. */
    public void journalJoined(int entries) {
        this.journalEntries = entries;
    }

    /** The outpost's log entries joined at the first arrival; 0 before. */
    public int journalEntries() {
        return journalEntries == null ? 0 : journalEntries;
    }

    /** A supervisor takes the day back without its bundle: the point's desks at the Dinas work again at once. */
    public void takenBack(String by, Instant at, String reason) {
        if (state == State.OUT) {
            state = State.TAKEN_BACK;
            outPoint = null;
            takenBackBy = by;
            takenBackAt = at;
            takenBackReason = reason;
        }
    }

    /** Who took the day back, when and why, in words; none if nobody did. */
    public @Nullable String takenBack() {
        return takenBackBy == null || takenBackAt == null ? null : "taken back at the Dinas by " + takenBackBy + " on "
                + java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
                .format(takenBackAt.atZone(java.time.ZoneId.of("Asia/Jakarta"))) + ": " + takenBackReason;
    }

    public @Nullable String takenBackBy() {
        return takenBackBy;
    }

    public long id() {
        if (id == null) {
            throw new IllegalStateException("Not saved yet");
        }
        return id;
    }

    public String servicePoint() {
        return servicePoint;
    }

    public LocalDate day() {
        return day;
    }

    public String outpost() {
        return outpost;
    }

    public String outpostKey() {
        return outpostKey;
    }

    public String checkedOutBy() {
        return checkedOutBy;
    }

    public Instant checkedOutAt() {
        return checkedOutAt;
    }

    public State state() {
        return state;
    }

    public String secret() {
        return secret;
    }

    /** The outpost's queue prefix: its tickets read {@code prefix-015}. */
    public String prefix() {
        return prefix;
    }

    public int firstNumber() {
        return firstNumber;
    }

    public int firstProof() {
        return firstProof;
    }

    public int residents() {
        return residents;
    }

    public @Nullable Instant checkedInAt() {
        return checkedInAt;
    }
}
