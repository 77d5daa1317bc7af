/**
 * PDF documents from the JasperReports templates under {@code reports/} (the one place that touches the Jasper API),
 * and their pages drawn as pictures for a screen.
 */
@NamedInterface("pdf")
@NullMarked
package id.dukcapil.portal.shared.pdf;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
