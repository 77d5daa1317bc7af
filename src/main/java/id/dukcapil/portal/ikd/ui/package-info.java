/** The IKD officer's desk. */
@NullMarked
package id.dukcapil.portal.ikd.ui;

import org.jspecify.annotations.NullMarked;
