package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.population.EnrolmentStatus;
import org.jspecify.annotations.Nullable;

/**
 * A card of the birthday print queue: the student, their school, and where their record stands in the central
 * enrolment (what the next action is: print, send, record the answer), if read.
 */
public record QueuedCard(Student student, String schoolName, @Nullable EnrolmentStatus enrolmentStatus) {

    public QueuedCard(Student student, String schoolName) {
        this(student, schoolName, null);
    }

    public QueuedCard withEnrolmentStatus(EnrolmentStatus status) {
        return new QueuedCard(student, schoolName, status);
    }
}
