# Builds and runs the complaint engine. Used by docker-compose.yml; not needed to run it locally.
# Stage 1 builds with the Maven wrapper; stage 2 holds only a JRE and the jar, and runs as an unprivileged user.
# JDK 25: the jar targets Java 17 and runs on either, but on 25 the server used 13-25 % less CPU per intake (5 of 6
# alternating pairs, docs/performance.md, "2026-12-05, third session"); the test suite passes on both.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -DskipTests package

FROM eclipse-temurin:25-jre
RUN groupadd --system --gid 10001 complaints \
 && useradd --system --uid 10001 --gid complaints --home-dir /app --shell /usr/sbin/nologin complaints \
 && mkdir -p /app/var && chown -R complaints:complaints /app
WORKDIR /app
COPY --from=build --chown=complaints:complaints /src/complaint-server/target/complaint-server.jar /app/complaint-server.jar
USER complaints
ENV AXONIQ_UPDATE_CHECKER_DISABLED=true
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-Daxoniq.update-checker.disabled=true", "-jar", "/app/complaint-server.jar"]
