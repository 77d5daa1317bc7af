/** Demo profile: a few schools with a roster, a kit and a visit, so the demo shows SOP D. */
@NullMarked
package id.dukcapil.portal.schoolvisit.demo;

import org.jspecify.annotations.NullMarked;
