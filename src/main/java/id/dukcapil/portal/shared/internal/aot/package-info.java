/**
 * Spring's AOT processing, taken only where it holds (decision 162): the build records the profiles and every setting
 * the bean definitions were made with; a start with other settings starts without the AOT-processed code.
 */
@NullMarked
package id.dukcapil.portal.shared.internal.aot;

import org.jspecify.annotations.NullMarked;
