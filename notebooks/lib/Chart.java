import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Draws bar charts into an image with Java2D, so that a notebook cell can show numbers it just measured:
 * {@code display(Chart.bars(...))} renders as a PNG in IJava, JJava and rapaio alike. Each bar carries its number.
 * The image has its own light background, so it reads the same on a light and on a dark Jupyter theme. Not about
 * concurrency.
 */
final class Chart {
    private static final int WIDTH = 720, HEIGHT = 380, LEFT = 90, RIGHT = 20, TOP = 70, BOTTOM = 60;
    private static final Color BACKGROUND = new Color(0xF7F7F7), INK = new Color(0x222222);
    private static final List<Color> COLORS = List.of(new Color(0x4C72B0), new Color(0xDD8452), new Color(0x55A868),
            new Color(0xC44E52));

    private Chart() {}

    /** One bar per label, heights scaled to the largest value; bars whose label is in {@code highlighted} stand out. */
    static BufferedImage bars(String title, String categoryAxis, String valueAxis, List<String> labels,
            List<? extends Number> values, List<String> highlighted) {
        if (labels.size() != values.size() || labels.isEmpty()) {
            throw new IllegalArgumentException("need as many labels as values, and at least one");
        }
        List<List<? extends Number>> single = values.stream().<List<? extends Number>>map(List::of).toList();
        List<Integer> colors = labels.stream().map(label -> highlighted.contains(label) ? 1 : 0).toList();
        return draw(title, categoryAxis, valueAxis, labels, List.of(), single, colors);
    }

    /** Groups of bars: {@code values.get(g).get(s)} is series s in group g; a legend names the series. */
    static BufferedImage groups(String title, String categoryAxis, String valueAxis, List<String> groups,
            List<String> series, List<List<? extends Number>> values) {
        if (groups.size() != values.size() || groups.isEmpty() || series.size() > COLORS.size()
                || values.stream().anyMatch(group -> group.size() != series.size())) {
            throw new IllegalArgumentException("need one value per series in every group, and at most 4 series");
        }
        return draw(title, categoryAxis, valueAxis, groups, series, values, List.of());
    }

    private static BufferedImage draw(String title, String categoryAxis, String valueAxis, List<String> groups,
            List<String> series, List<List<? extends Number>> values, List<Integer> colorOfGroup) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(INK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, LEFT, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics metrics = g.getFontMetrics();
        for (int s = 0, x = LEFT; s < series.size(); x += metrics.stringWidth(series.get(s)) + 36, s++) {
            g.setColor(COLORS.get(s));
            g.fillRect(x, 40, 12, 12);
            g.setColor(INK);
            g.drawString(series.get(s), x + 16, 51);
        }

        double max = values.stream().flatMap(List::stream).mapToDouble(Number::doubleValue).max().orElse(0);
        double scale = max > 0 ? (HEIGHT - TOP - BOTTOM) / max : 0;
        int baseline = HEIGHT - BOTTOM;
        int slot = (WIDTH - LEFT - RIGHT) / groups.size();
        int barWidth = slot * 3 / 4 / values.get(0).size();
        for (int i = 0; i < groups.size(); i++) {
            int groupX = LEFT + i * slot + slot / 8;
            for (int s = 0; s < values.get(i).size(); s++) {
                double value = values.get(i).get(s).doubleValue();
                int height = (int) Math.round(value * scale);
                int x = groupX + s * barWidth;
                g.setColor(COLORS.get(colorOfGroup.isEmpty() ? s : colorOfGroup.get(i)));
                g.fillRect(x, baseline - height, barWidth - 2, height);
                g.setColor(INK);
                String number = format(value);
                g.drawString(number, x + (barWidth - metrics.stringWidth(number)) / 2, baseline - height - 5);
            }
            String label = groups.get(i);
            g.drawString(label, LEFT + i * slot + (slot - metrics.stringWidth(label)) / 2, baseline + 18);
        }
        g.drawString(categoryAxis, LEFT + (WIDTH - LEFT - RIGHT - metrics.stringWidth(categoryAxis)) / 2, HEIGHT - 15);
        g.setStroke(new BasicStroke(1.5f));
        g.drawLine(LEFT - 10, baseline, WIDTH - RIGHT, baseline);
        g.rotate(-Math.PI / 2);
        g.drawString(valueAxis, -(baseline + TOP + metrics.stringWidth(valueAxis)) / 2, LEFT - 40);
        g.dispose();
        return image;
    }

    private static String format(double value) {
        if (value == Math.rint(value)) {
            return String.format("%,d", (long) value);
        }
        return value >= 10 ? String.format("%,.0f", value) : String.format("%,.2f", value);
    }
}
