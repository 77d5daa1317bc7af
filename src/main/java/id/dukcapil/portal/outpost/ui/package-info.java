/** The field team's screen on an outpost node. */
@NullMarked
package id.dukcapil.portal.outpost.ui;

import org.jspecify.annotations.NullMarked;
