package id.dukcapil.portal.population;

/** A family of the register, as other modules hold it: not a bare {@code long} that could be any row's id. */
public record FamilyId(long value) {

    public static FamilyId of(long value) {
        return new FamilyId(value);
    }
}
