# StudyBot in a container: the jar is built in a Maven stage, and runs on a Java 17 JRE as a user
# without privileges. /data holds the embedded database (without STUDYBOT_DB_URL) and the log file.
#
#   docker build -t studybot .
#   docker run -e TELEGRAM_BOT_TOKEN=... -v studybot-data:/data -p 8080:8080 studybot
#
# docker-compose.yml runs it with PostgreSQL; see the README's "Running in production".

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# The tests need PostgreSQL and a Bot API emulator; CI runs them (.ci/run), the image only builds.
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
# curl for the health check below.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin studybot \
    && mkdir -p /app /data \
    && chown studybot:studybot /data
COPY --from=build /src/bot-app/target/studybot.jar /app/studybot.jar
ENV STUDYBOT_DATA_DIR=/data \
    STUDYBOT_HTTP_PORT=8080 \
    STUDYBOT_CONSOLE=false \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
VOLUME /data
EXPOSE 8080
USER studybot
WORKDIR /app
# 200 while the database answers and every platform is connected; 503 names what is not.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${STUDYBOT_HTTP_PORT}/health" || exit 1
ENTRYPOINT ["java", "-jar", "/app/studybot.jar"]
