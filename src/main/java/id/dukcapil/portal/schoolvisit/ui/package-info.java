/** The planner's schools and visit calendar, the field officers' screen, the birthday print queue. */
@NullMarked
package id.dukcapil.portal.schoolvisit.ui;

import org.jspecify.annotations.NullMarked;
