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

    /** Where the visit is: at the outpost, or back at the Dinas. */
    public enum State { OUT, BACK }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    private long visitId;
    private String outpost;
    private String checkedOutBy;
    private Instant checkedOutAt;
    @Enumerated(EnumType.STRING)
    private State state;
    private String secret;
    private int cardsOut;
    private int cardsSpoiled;
    private @Nullable Integer journalEntries;
    private @Nullable Integer cardsBroughtBack;
    private @Nullable Instant checkedInAt;
    @Version
    private long version;

    protected CheckoutEntity() {
        this.outpost = "";
        this.checkedOutBy = "";
        this.checkedOutAt = Instant.EPOCH;
        this.state = State.OUT;
        this.secret = "";
    }

    public CheckoutEntity(long visitId, String outpost, String by, Instant at, String secret, int cardsOut) {
        this();
        this.visitId = visitId;
        this.outpost = outpost;
        this.checkedOutBy = by;
        this.checkedOutAt = at;
        this.secret = secret;
        this.cardsOut = cardsOut;
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
        if (state == State.OUT) {
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
