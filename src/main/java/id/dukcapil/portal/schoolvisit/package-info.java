/**
 * SOP D, recording at schools ("Sweet Seventeen"): schools and their students' rosters, the planners' visit
 * schedule with its teams and equipment kits, the field screen (recording status, the registry against the birth
 * certificate, the recording, printing at 17 on site), the birthday print queue and the collective handover to the
 * school. Every step timed (D1–D8) and audited.
 */
@ApplicationModule(allowedDependencies = {"audit", "blanko", "notification", "outside", "population", "reports", "shared :: *", "signing", "sla", "staff"})
@NullMarked
package id.dukcapil.portal.schoolvisit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
