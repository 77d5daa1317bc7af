package id.dukcapil.portal.signing;

/** The Kepala Dinas's queue at a glance. */
public record QueueSummary(int waiting, int overdue) {
}
