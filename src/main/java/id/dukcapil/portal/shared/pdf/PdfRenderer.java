package id.dukcapil.portal.shared.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.Deflater;

import com.lowagie.text.pdf.BaseFont;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperExportManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRBeanCollectionDataSource;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.fonts.FontFace;
import net.sf.jasperreports.engine.fonts.FontFamily;
import net.sf.jasperreports.engine.fonts.FontInfo;
import net.sf.jasperreports.engine.fonts.FontUtil;
import net.sf.jasperreports.engine.util.JRLoader;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Renders a JasperReports template to PDF. Templates live in {@code reports/<module>/<name>.jrxml} (packaged on the
 * class path under {@code reports/}) and are compiled once, on first use; the compiled report is shared by every
 * later render, which is thread-safe in Jasper.
 *
 * <p>Rows may be records (their components are the fields), maps or JavaBeans. Parameters are passed as given;
 * images as {@link java.awt.image.BufferedImage}.
 *
 * <p>Each PDF embeds a fresh subset of Dukcapil Sans (and Bold), DejaVu Sans cut to the Latin ranges (decision 036):
 * the subset keeps glyph-indexed tables as long as the font's glyph count, which for the whole DejaVu (6,000 glyphs)
 * made deflating them a third of a one-page document's export. They are also deflated at
 * {@link Deflater#BEST_SPEED}.
 */
@Component
public class PdfRenderer {

    /** The font family every template uses (jasperreports.properties: net.sf.jasperreports.default.font.name). */
    static final String FONT_FAMILY = "Dukcapil Sans";

    /** {@code module/name}: letters, digits and dashes only, so that a template name can never leave reports/. */
    private static final Pattern TEMPLATE_NAME = Pattern.compile("[a-z0-9-]+/[a-z0-9-]+");

    private final ConcurrentMap<String, JasperReport> compiled = new ConcurrentHashMap<>();

    /**
     * The fonts are set up before the first template, not when the bean is made: parsing the faces was start-up time
     * no request needs yet (decision 160), and the KK template's warm-up after readiness sets them up.
     */
    private final SingletonSupplier<FontFamily> fonts = SingletonSupplier.of(() -> compressFontsFast(FONT_FAMILY));

    /**
     * @param template   {@code module/name}, e.g. {@code signing/kartu-keluarga} for
     *                   {@code reports/signing/kartu-keluarga.jrxml}
     * @param parameters the template's parameters
     * @param rows       the detail rows (records, maps or beans); empty for a document without a detail band
     * @return the PDF bytes
     */
    public byte[] render(String template, Map<String, Object> parameters, Collection<?> rows) {
        fonts.get();
        JasperReport report = compiled(template);
        try {
            JasperPrint print = JasperFillManager.fillReport(report, new HashMap<>(parameters), dataSource(rows));
            return JasperExportManager.exportReportToPdf(print);
        } catch (JRException e) {
            throw new IllegalStateException("Cannot render " + template, e);
        }
    }

    /** Compiles a template ahead of its first use (at start-up), so that the first user does not wait for it. */
    public void warmUp(String template) {
        fonts.get();
        compiled(template);
    }

    JasperReport compiled(String template) {
        if (!TEMPLATE_NAME.matcher(template).matches()) {
            throw new IllegalArgumentException("Not a template name: " + template);
        }
        return compiled.computeIfAbsent(template, PdfRenderer::compile);
    }

    private static JasperReport compile(String template) {
        String resource = "reports/" + template + ".jrxml";
        try (InputStream in = PdfRenderer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No template " + resource);
            }
            return JasperCompileManager.compileReport(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JRException e) {
            throw new IllegalStateException("Cannot compile " + resource, e);
        }
    }

    /**
     * The PDF exporter takes each face's font from OpenPDF's font cache (keyed by file, encoding and embedding),
     * so the cached font it finds is the one set up here, whichever of the two creates it first.
     */
    static FontFamily compressFontsFast(String familyName) {
        FontInfo info = FontUtil.getInstance(DefaultJasperReportsContext.getInstance()).getFontInfo(familyName, null);
        if (info == null) {
            throw new IllegalStateException("No font family " + familyName);
        }
        FontFamily family = info.getFontFamily();
        Stream.of(family.getNormalFace(), family.getBoldFace(), family.getItalicFace(), family.getBoldItalicFace())
                .filter(face -> face != null && face.getTtf() != null)
                .map(FontFace::getTtf)
                .forEach(ttf -> {
                    try {
                        BaseFont.createFont(ttf, family.getPdfEncoding(), Boolean.TRUE.equals(family.isPdfEmbedded()),
                                true, JRLoader.loadBytesFromResource(ttf), null).setCompressionLevel(Deflater.BEST_SPEED);
                    } catch (IOException | JRException e) {
                        throw new IllegalStateException("Cannot load the font " + ttf, e);
                    }
                });
        return family;
    }

    private static net.sf.jasperreports.engine.JRDataSource dataSource(Collection<?> rows) {
        if (rows.isEmpty() || rows.stream().allMatch(row -> row instanceof Record || row instanceof Map<?, ?>)) {
            List<Map<String, ?>> maps = rows.stream().<Map<String, ?>>map(PdfRenderer::asMap).toList();
            return new JRMapCollectionDataSource(maps);
        }
        return new JRBeanCollectionDataSource(rows);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> asMap(Object row) {
        if (row instanceof Map<?, ?> map) {
            return (Map<String, ?>) map;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (RecordComponent component : row.getClass().getRecordComponents()) {
            try {
                fields.put(component.getName(), component.getAccessor().invoke(row));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("Cannot read " + component.getName() + " of " + row.getClass(), e);
            }
        }
        return fields;
    }
}
