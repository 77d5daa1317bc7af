/** A report as tables, printed as a PDF and as an Excel workbook from the same figures. */
@NamedInterface("report")
@NullMarked
package id.dukcapil.portal.shared.report;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
