package id.dukcapil.portal.blanko;

/** What moved cards in or out of a service point's stock. */
public enum MovementKind {
    /** A delivery arrived (with its delivery reference). */
    RECEIPT,
    /** Cards sent to another service point. */
    TRANSFER_OUT,
    /** Cards received from another service point. */
    TRANSFER_IN,
    /** A card printed for a citizen. */
    PRINTED,
    /** A card spoiled in the printer (with a reason). */
    SPOILED,
    /** Cards a field team took to a school visit (SOP D). */
    TO_FIELD,
    /** The cards a school visit did not use, back in stock. */
    FROM_FIELD,
    /** A stock-take found a different count (with a reason; MANAGER or ADMIN). */
    CORRECTION;

    /** Whether the kind uses cards up: the rate the stock is consumed at. */
    public boolean consumption() {
        return this == PRINTED || this == SPOILED;
    }

    public String labelKey() {
        return "blanko.kind." + name();
    }
}
