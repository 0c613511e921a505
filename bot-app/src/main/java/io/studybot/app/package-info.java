/** The composition root: configuration, start-up and shutdown, and the console adapter. */
package io.studybot.app;
