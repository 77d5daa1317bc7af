package id.dukcapil.portal.schoolvisit;

/** A card of the birthday print queue: the student and their school. */
public record QueuedCard(Student student, String schoolName) {
}
