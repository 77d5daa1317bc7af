/**
 * MANAGER's view: the standard times in force (ADMIN changes them) and the steps now over their standard.
 */
@NullMarked
package id.dukcapil.portal.sla.ui;

import org.jspecify.annotations.NullMarked;
