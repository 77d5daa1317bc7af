package id.dukcapil.portal.audit;

import java.time.Instant;

/** The day's anchor was written to the anchors file; the ADMINs are to get it by e-mail, away from the database. */
public record AuditChainAnchored(AuditAnchor anchor, Instant at) {
}
