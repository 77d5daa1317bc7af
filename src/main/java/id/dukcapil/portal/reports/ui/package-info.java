/** The reports dashboard. */
@NullMarked
package id.dukcapil.portal.reports.ui;

import org.jspecify.annotations.NullMarked;
