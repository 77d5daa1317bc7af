/**
 * SOP C, KTP-el recording at a service point: the registration desk (the resident in person, the requirement
 * documents, the biometric check, a queue number), the recording desk (call, recall, absent, record, send back),
 * the proof of recording, the waiting room's display board and the day's register (BHPPK) and report. Every step
 * timed (C1–C4) and audited.
 */
@ApplicationModule(allowedDependencies = {"audit", "notification", "population", "reports", "shared :: *", "sla", "staff"})
@NullMarked
package id.dukcapil.portal.recording;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
