package id.dukcapil.portal.schoolvisit.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A school visit taken to an outpost (issue 53): while OUT the Dinas changes nothing of the visit; the bundle the
 * outpost brings back is signed with this checkout's secret and turns it BACK.
 */
@Entity
@Table(name = "schoolvisit_checkout")
public class CheckoutEntity {

    /**
     * Where the visit is: at the outpost; back at the Dinas with its bundle; or taken back by a supervisor without it
     * (the laptop lost or broken): what that outpost still sends goes to the reconciliation list.
     */
    public enum State { OUT, BACK, TAKEN_BACK }

    /** How the reconciliation list's Dinas version of an operation of a visit taken back begins. */
    public static final String TAKEN_BACK = "taken back at the Dinas by ";
    /** The reconciliation list's versions are kept in 300 characters. */
    private static final int VERSION_MAX = 300;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    private long visitId;
    private String outpost;
    private String checkedOutBy;
    private @Nullable String outpostKey;
    private Instant checkedOutAt;
    @Enumerated(EnumType.STRING)
    private State state;
    private String secret;
    private int cardsOut;
    private int cardsSpoiled;
    private @Nullable Integer journalEntries;
    private @Nullable Integer cardsBroughtBack;
    private @Nullable Instant checkedInAt;
    private @Nullable String takenBackBy;
    private @Nullable Instant takenBackAt;
    private @Nullable String takenBackReason;
    @Version
    private long version;

    protected CheckoutEntity() {
        this.outpost = "";
        this.checkedOutBy = "";
        this.checkedOutAt = Instant.EPOCH;
        this.state = State.OUT;
        this.secret = "";
    }

    public CheckoutEntity(long visitId, String outpost, String outpostKey, String by, Instant at, String secret,
                          int cardsOut) {
        this();
        this.visitId = visitId;
        this.outpost = outpost;
        this.outpostKey = outpostKey;
        this.checkedOutBy = by;
        this.checkedOutAt = at;
        this.secret = secret;
        this.cardsOut = cardsOut;
    }

    /** A supervisor takes the visit back without its bundle: the laptop was lost or broke. */
    public void takenBack(String by, Instant at, String reason) {
        if (state == State.OUT) {
            this.state = State.TAKEN_BACK;
            this.takenBackBy = by;
            this.takenBackAt = at;
            this.takenBackReason = reason;
        }
    }

    /** Who took the visit back, when and why, in words for the reconciliation list; none if nobody did. */
    public @Nullable String takenBack() {
        if (takenBackBy == null) {
            return null;
        }
        String words = TAKEN_BACK + takenBackBy + " at " + takenBackAt + ": " + takenBackReason;
        return words.length() <= VERSION_MAX ? words : words.substring(0, VERSION_MAX - 1) + "…";
    }

    /** A card spoiled on the outpost, counted against those taken out. */
    public void cardSpoiled() {
        cardsSpoiled++;
    }

    /**
     * The bundle arrived: the visit is the Dinas's again, with the blank cards the team brought back. Once back, a
     * bundle again changes nothing: the count is the first check-in's.
     */
    public void checkedIn(int broughtBack, Instant at) {
        if (state == State.OUT || state == State.TAKEN_BACK) {
            this.cardsBroughtBack = broughtBack;
            this.state = State.BACK;
            this.checkedInAt = at;
        }
    }

    public long id() {
        if (id == null) {
            throw new IllegalStateException("Not saved yet");
        }
        return id;
    }

    public long visitId() {
        return visitId;
    }

    public String outpost() {
        return outpost;
    }

    /** The outpost node's own key; none for a checkout made before outposts had one. */
    public @Nullable String outpostKey() {
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

    public int cardsOut() {
        return cardsOut;
    }

    /** The outpost's log joined into the Dinas's: once, at the first check-in. */
    public void journalJoined(int entries) {
        this.journalEntries = entries;
    }

    public @Nullable Integer journalEntries() {
        return journalEntries;
    }

    public int cardsSpoiled() {
        return cardsSpoiled;
    }

    /** The blank cards the team brought back, counted at the first check-in; 0 while out. */
    public int cardsBroughtBack() {
        return cardsBroughtBack == null ? 0 : cardsBroughtBack;
    }

    public @Nullable Instant checkedInAt() {
        return checkedInAt;
    }
}
