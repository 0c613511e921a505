package io.studybot.core.conversation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Draws a learner's progress as a PNG: topics done per phase of the course as bars, and a calendar
 * of the last twelve weeks with the days they studied. Text in it is digits and Latin letters only,
 * so it renders the same with any font the machine has.
 */
final class ProgressPicture {
  static final int WIDTH = 720;
  static final int HEIGHT = 470;
  static final int WEEKS = 12;

  private static final Color BACKGROUND = new Color(0xFA, 0xFA, 0xF7);
  private static final Color INK = new Color(0x33, 0x33, 0x33);
  private static final Color TRACK = new Color(0xE3, 0xE3, 0xDE);
  private static final Color DONE = new Color(0x2E, 0x8B, 0x57);
  private static final Color EMPTY_DAY = new Color(0xEC, 0xEC, 0xE8);
  private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

  /** A phase's bar: how many of its topics are done. */
  record PhaseBar(int done, int total) {}

  private ProgressPicture() {}

  static byte[] render(List<PhaseBar> phases, Set<LocalDate> studyDays, LocalDate today) {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(BACKGROUND);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
      drawPhases(g, phases);
      drawCalendar(g, studyDays, today);
    } finally {
      g.dispose();
    }
    return png(image);
  }

  private static void drawPhases(Graphics2D g, List<PhaseBar> phases) {
    int top = 30;
    int rowHeight = Math.min(44, 150 / Math.max(1, phases.size()));
    for (int i = 0; i < phases.size(); i++) {
      PhaseBar phase = phases.get(i);
      int y = top + i * rowHeight;
      g.setColor(INK);
      g.drawString("P" + (i + 1), 24, y + 18);
      g.setColor(TRACK);
      g.fillRoundRect(70, y + 4, 520, 18, 9, 9);
      int filled = phase.total() == 0 ? 0 : Math.round(520f * phase.done() / phase.total());
      g.setColor(DONE);
      if (filled > 0) {
        g.fillRoundRect(70, y + 4, Math.max(filled, 9), 18, 9, 9);
      }
      g.setColor(INK);
      g.drawString(phase.done() + "/" + phase.total(), 606, y + 18);
    }
  }

  /** Twelve columns of weeks, Monday at the top, today's week last. */
  private static void drawCalendar(Graphics2D g, Set<LocalDate> studyDays, LocalDate today) {
    LocalDate firstMonday =
        today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(WEEKS - 1L);
    int left = 70;
    int top = 210;
    int cell = 28;
    int gap = 5;
    g.setColor(INK);
    g.drawString(MONTH_DAY.format(firstMonday), left, top - 10);
    g.drawString(MONTH_DAY.format(today), left + (WEEKS - 1) * (cell + gap) - 12, top - 10);
    for (int week = 0; week < WEEKS; week++) {
      for (int day = 0; day < 7; day++) {
        LocalDate date = firstMonday.plusWeeks(week).plusDays(day);
        if (date.isAfter(today)) {
          continue;
        }
        int x = left + week * (cell + gap);
        int y = top + day * (cell + gap);
        g.setColor(studyDays.contains(date) ? DONE : EMPTY_DAY);
        g.fillRoundRect(x, y, cell, cell, 5, 5);
        if (date.equals(today)) {
          g.setColor(INK);
          g.setStroke(new BasicStroke(2));
          g.drawRoundRect(x, y, cell, cell, 5, 5);
        }
      }
    }
    // Days studied of the days shown, in digits only.
    long shown = ChronoUnit.DAYS.between(firstMonday, today) + 1;
    long studied =
        studyDays.stream().filter(d -> !d.isBefore(firstMonday) && !d.isAfter(today)).count();
    g.setColor(INK);
    g.setFont(g.getFont().deriveFont(Font.BOLD, 22f));
    g.drawString(
        studied + "/" + shown, left + WEEKS * (cell + gap) + 24, top + 3 * (cell + gap) + 22);
  }

  private static byte[] png(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
