/**
 * QR codes and Code 128 barcodes (ZXing) for tickets, documents and e-mails.
 */
@NamedInterface("barcode")
@NullMarked
package id.dukcapil.portal.shared.barcode;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
