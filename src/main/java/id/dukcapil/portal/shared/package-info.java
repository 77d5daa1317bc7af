/**
 * What every module shares: value objects, the injected clock, translations and the UI shell.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package id.dukcapil.portal.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
