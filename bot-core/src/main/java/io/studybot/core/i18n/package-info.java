/** Every user-facing string, in Chinese and English, chosen by the learner's language. */
package io.studybot.core.i18n;
