package id.dukcapil.portal.population.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/**
 * A regency the portal generated itself ({@code population_generation}): the generator's inputs, so that the same
 * residents can be made again. Written once, never changed (no version: there is no second write to refuse).
 */
@Entity
@Immutable
@Table(name = "population_generation")
public class GenerationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    private String regency;
    private long seed;
    private LocalDate asOf;
    private int families;
    private Instant generatedAt;

    protected GenerationEntity() {
        this.regency = "";
        this.asOf = LocalDate.EPOCH;
        this.generatedAt = Instant.EPOCH;
    }

    public GenerationEntity(String regency, long seed, LocalDate asOf, int families, Instant generatedAt) {
        this.regency = regency;
        this.seed = seed;
        this.asOf = asOf;
        this.families = families;
        this.generatedAt = generatedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    public @Nullable Long id() {
        return id;
    }

    public String regency() {
        return regency;
    }

    public long seed() {
        return seed;
    }

    public LocalDate asOf() {
        return asOf;
    }

    public int families() {
        return families;
    }
}
