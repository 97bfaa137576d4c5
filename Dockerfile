# Builds and runs the complaint engine. Used by docker-compose.yml; not needed to run it locally.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/complaint-server/target/complaint-server.jar /app/complaint-server.jar
ENV AXONIQ_UPDATE_CHECKER_DISABLED=true
EXPOSE 8080
ENTRYPOINT ["java", "-Daxoniq.update-checker.disabled=true", "-jar", "/app/complaint-server.jar"]
