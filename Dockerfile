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
# The jar extracted (application jar + lib/), the layout class-data sharing needs (docs/performance.md).
RUN java -Djarmode=tools -jar target/iot-cloud-certification-*.jar extract --destination /build/app \
 && mv /build/app/iot-cloud-certification-*.jar /build/app/app.jar

FROM eclipse-temurin:17-jre
# Japanese fonts for documents and notices rendered on the server; tzdata for Asia/Tokyo.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends fonts-ipaexfont tzdata curl \
 && rm -rf /var/lib/apt/lists/*
RUN useradd --system --home /app iotcert
WORKDIR /app
COPY --from=build /build/app/ /app/
# Class-data sharing (docs/performance.md, "Start-up and memory"): a training run starts the
# application once (default profile, its embedded H2 database in ./data, deleted after it) until its
# context is refreshed, and archives the classes it loaded; every start then maps them instead of
# loading and verifying them again. Made here, with the runtime's own JVM: an archive only fits the
# JVM that wrote it (another one ignores it with a warning and starts without).
RUN java -XX:ArchiveClassesAtExit=app.jsa -Dspring.context.exit=onRefresh -jar app.jar \
      --server.port=0 --iotcert.mail.catcher.enabled=false \
 && rm -rf data
USER iotcert
EXPOSE 8080
# An image is an installation: the postgres profile refuses to start without the administrator's and
# the payment system's secrets and never creates demo accounts. Override only for a demo.
ENV SPRING_PROFILES_ACTIVE=postgres
# UP: database, process engine and job executor (anonymous: the status only); as docker-compose.yml.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=4 CMD curl -fs http://localhost:8080/actuator/health || exit 1
# The heap: 512 MB holds the load of docs/performance.md (every figure measured with -Xmx512m);
# JAVA_OPTS replaces it (and anything else) for another size.
ENV JAVA_OPTS="-Xmx512m -XX:SharedArchiveFile=/app/app.jsa"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/app.jar"]
