package io.studybot.content;

/**
 * Length rules. Lessons are read on a phone in a minute or two and must fit one Telegram message
 * (4,096 characters) once rendered; explanations and options must fit a chat bubble and a button.
 */
public final class ContentLimits {
  public static final int TITLE_MAX = 80;
  public static final int LESSON_ZH_MIN = 600;
  public static final int LESSON_ZH_MAX = 1500;
  public static final int LESSON_EN_MAX = 3600;
  public static final int POINTS_MIN = 2;
  public static final int POINTS_MAX = 5;
  public static final int LINKS_MIN = 1;
  public static final int LINKS_MAX = 3;
  public static final int CODE_MAX_LINES = 16;
  public static final int PROMPT_MAX = 400;
  public static final int CHOICE_MAX = 120;
  public static final int CHOICES_MIN = 3;
  public static final int CHOICES_MAX = 5;
  public static final int EXPLANATION_MAX = 200;
  public static final int QUESTIONS_MIN = 3;

  private ContentLimits() {}
}
