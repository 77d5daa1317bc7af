package id.dukcapil.portal.shared.pdf;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Dimension2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.Serial;
import java.util.BitSet;

import com.google.zxing.common.BitMatrix;
import id.dukcapil.portal.shared.barcode.Codes;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.util.SimpleDimension2D;
import net.sf.jasperreports.renderers.AbstractRenderer;
import net.sf.jasperreports.renderers.DimensionRenderable;
import net.sf.jasperreports.renderers.Graphics2DRenderable;

/**
 * A QR code for a template's image element, drawn as black squares in the PDF's own vector graphics (decision 037):
 * sharp at any zoom or printer, and no image to encode as PNG, decode again and deflate for each document. Its size
 * is one point per module, so the element's scaling and alignment place it like an image.
 */
public final class VectorQrCode extends AbstractRenderer implements Graphics2DRenderable, DimensionRenderable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final int side;
    /** Dark modules, row by row (Jasper renderables are serializable; ZXing's matrix is not). */
    private final BitSet dark;

    private VectorQrCode(BitMatrix modules) {
        this.side = modules.getWidth();
        this.dark = new BitSet(side * side);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                dark.set(y * side + x, modules.get(x, y));
            }
        }
    }

    /** The QR code of the text, as {@link Codes#documentQrModules(String)} encodes it. */
    public static VectorQrCode of(String text) {
        return new VectorQrCode(Codes.documentQrModules(text));
    }

    @Override
    public Dimension2D getDimension(JasperReportsContext context) {
        return new SimpleDimension2D(side, side);
    }

    @Override
    public void render(JasperReportsContext context, Graphics2D graphics, Rectangle2D area) {
        double module = Math.min(area.getWidth(), area.getHeight()) / side;
        // One path of the dark runs of each row: one fill for the whole code, no seams between modules.
        Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO, side * side / 4);
        for (int y = 0; y < side; y++) {
            int rowEnd = (y + 1) * side;
            int runStart = dark.nextSetBit(y * side);
            while (runStart >= 0 && runStart < rowEnd) {
                int runEnd = Math.min(dark.nextClearBit(runStart), rowEnd);
                path.append(new Rectangle2D.Double(area.getX() + (runStart - y * side) * module,
                        area.getY() + y * module, (runEnd - runStart) * module, module), false);
                runStart = dark.nextSetBit(runEnd);
            }
        }
        graphics.setColor(Color.BLACK);
        graphics.fill(path);
    }
}
