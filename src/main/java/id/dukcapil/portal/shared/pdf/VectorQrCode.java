package id.dukcapil.portal.shared.pdf;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

import com.google.zxing.common.BitMatrix;
import id.dukcapil.portal.shared.barcode.Codes;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.renderers.AbstractRenderer;
import net.sf.jasperreports.renderers.Graphics2DRenderable;

/**
 * A QR code for a template's image element, drawn as black squares in the PDF's own vector graphics (decision 037):
 * sharp at any zoom or printer, and no image to encode as PNG, decode again and deflate for each document.
 */
public final class VectorQrCode extends AbstractRenderer implements Graphics2DRenderable {

    private final BitMatrix modules;

    private VectorQrCode(BitMatrix modules) {
        this.modules = modules;
    }

    /** The QR code of the text, as {@link Codes#documentQrModules(String)} encodes it. */
    public static VectorQrCode of(String text) {
        return new VectorQrCode(Codes.documentQrModules(text));
    }

    @Override
    public void render(JasperReportsContext context, Graphics2D graphics, Rectangle2D area) {
        double module = Math.min(area.getWidth() / modules.getWidth(), area.getHeight() / modules.getHeight());
        // One path of the dark runs of each row: one fill for the whole code.
        Path2D.Double dark = new Path2D.Double(Path2D.WIND_NON_ZERO, modules.getWidth() * modules.getHeight() / 4);
        for (int y = 0; y < modules.getHeight(); y++) {
            int x = 0;
            while (x < modules.getWidth()) {
                if (!modules.get(x, y)) {
                    x++;
                    continue;
                }
                int runStart = x;
                while (x < modules.getWidth() && modules.get(x, y)) {
                    x++;
                }
                dark.append(new Rectangle2D.Double(area.getX() + runStart * module, area.getY() + y * module,
                        (x - runStart) * module, module), false);
            }
        }
        graphics.setColor(Color.BLACK);
        graphics.fill(dark);
    }
}
