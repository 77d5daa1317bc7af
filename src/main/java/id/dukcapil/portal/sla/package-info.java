/**
 * Step clocks for every SOP: a case enters and leaves each step at a time, by whom, at which service point, and
 * every step is held against its standard time ({@link StepClock}, {@link SlaStandards}, {@link StepReports}).
 */
@ApplicationModule(allowedDependencies = {"audit", "shared :: *", "staff"})
@NullMarked
package id.dukcapil.portal.sla;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
