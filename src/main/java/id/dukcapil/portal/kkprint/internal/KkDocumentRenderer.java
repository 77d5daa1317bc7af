package id.dukcapil.portal.kkprint.internal;

import id.dukcapil.portal.population.Family;
import id.dukcapil.portal.population.Resident;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.stereotype.Component;

/**
 * The electronic family card handed to the Kepala Dinas for signature: the card as the registry has it at
 * verification. The only class that touches PDFBox here.
 */
@Component
public class KkDocumentRenderer {

    public byte[] render(Family family, String trackingNumber, LocalDate on) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()));
            document.addPage(page);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font plain = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                text.beginText();
                text.setLeading(16);
                text.newLineAtOffset(40, page.getMediaBox().getHeight() - 50);
                text.setFont(bold, 16);
                text.showText("KARTU KELUARGA  No. " + family.kkNumber().value());
                text.newLine();
                text.setFont(plain, 10);
                text.showText("%s RT %s / RW %s, %s".formatted(family.address().street(), family.address().rt(),
                        family.address().rw(), family.address().villageCode()));
                text.newLine();
                text.newLine();
                for (Resident member : family.members()) {
                    text.showText("%s  %-40s  %s  %s  %s".formatted(member.nik().value(), member.fullName(),
                            member.birthDate(), member.relationship().name(), member.maritalStatus().name()));
                    text.newLine();
                }
                text.newLine();
                text.showText("Permohonan " + trackingNumber + " - dicetak " + on);
                text.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
