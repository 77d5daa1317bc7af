/**
 * Reading spreadsheets as a stream: the first sheet of an XLSX workbook row by row, never whole, stopped at a row
 * limit (issue 41 item 7, decision 128).
 */
@NamedInterface("spreadsheet")
@NullMarked
package id.dukcapil.portal.shared.spreadsheet;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
