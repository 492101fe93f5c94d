# Builds the application image: `docker compose up` uses it (see docker-compose.yml).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY dmn dmn
COPY forms forms
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
# Japanese fonts for documents and notices rendered on the server; tzdata for Asia/Tokyo.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends fonts-ipaexfont tzdata curl \
 && rm -rf /var/lib/apt/lists/*
RUN useradd --system --home /app iotcert
WORKDIR /app
COPY --from=build /build/target/iot-cloud-certification-*.jar app.jar
USER iotcert
EXPOSE 8080
# An image is an installation: the postgres profile refuses to start without the administrator's and
# the payment system's secrets and never creates demo accounts. Override only for a demo.
ENV SPRING_PROFILES_ACTIVE=postgres
# UP: database, process engine and job executor (anonymous: the status only); as docker-compose.yml.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=4 CMD curl -fs http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
