/**
 * The SIAK extract: its columns and words, reading CSV and XLSX as a stream, and the rules every row and every
 * family must meet before the register takes them (docs/population-extract.md).
 */
@NullMarked
package id.dukcapil.portal.population.extract;

import org.jspecify.annotations.NullMarked;
