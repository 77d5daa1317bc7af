package id.dukcapil.portal.schoolvisit.internal;

import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/**
 * An officer of a visit's team, with the visit's day: the table's unique key on officer and day holds one visit per
 * officer and day even when two planners book at once.
 */
@Embeddable
public record TeamMember(String username, LocalDate day) {
}
