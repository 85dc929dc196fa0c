import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Draws a bar chart into an image with Java2D, so that a notebook cell can show numbers it just measured:
 * {@code display(Chart.bars(...))} renders as a PNG in IJava, JJava and rapaio alike. Not about concurrency.
 */
final class Chart {
    private static final int WIDTH = 640, HEIGHT = 360, LEFT = 90, RIGHT = 20, TOP = 50, BOTTOM = 60;
    private static final Color BAR = new Color(0x4C72B0), HIGHLIGHT = new Color(0xDD8452), INK = new Color(0x333333);

    private Chart() {}

    /** One bar per label, heights scaled to the largest value; bars whose label is in {@code highlighted} stand out. */
    static BufferedImage bars(String title, String categoryAxis, String valueAxis, List<String> labels,
            List<? extends Number> values, List<String> highlighted) {
        if (labels.size() != values.size() || labels.isEmpty()) {
            throw new IllegalArgumentException("need as many labels as values, and at least one");
        }
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);

        g.setColor(INK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, LEFT, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics metrics = g.getFontMetrics();

        double max = values.stream().mapToDouble(Number::doubleValue).max().orElse(0);
        double scale = max > 0 ? (HEIGHT - TOP - BOTTOM) / max : 0;
        int baseline = HEIGHT - BOTTOM;
        int slot = (WIDTH - LEFT - RIGHT) / labels.size();
        for (int i = 0; i < labels.size(); i++) {
            double value = values.get(i).doubleValue();
            int height = (int) Math.round(value * scale);
            int x = LEFT + i * slot + slot / 6;
            int width = slot * 2 / 3;
            g.setColor(highlighted.contains(labels.get(i)) ? HIGHLIGHT : BAR);
            g.fillRect(x, baseline - height, width, height);
            g.setColor(INK);
            String number = format(value);
            g.drawString(number, x + (width - metrics.stringWidth(number)) / 2, baseline - height - 5);
            g.drawString(labels.get(i), x + (width - metrics.stringWidth(labels.get(i))) / 2, baseline + 18);
        }
        g.drawString(categoryAxis, LEFT + (WIDTH - LEFT - RIGHT - metrics.stringWidth(categoryAxis)) / 2, HEIGHT - 15);
        g.setStroke(new BasicStroke(1.5f));
        g.drawLine(LEFT - 10, baseline, WIDTH - RIGHT, baseline);
        g.rotate(-Math.PI / 2);
        g.drawString(valueAxis, -(baseline + metrics.stringWidth(valueAxis)) / 2 - TOP / 2, LEFT - 40);
        g.dispose();
        return image;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.format("%,d", (long) value) : String.format("%,.2f", value);
    }
}
