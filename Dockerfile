# The simulator's image, built in two stages: Maven builds the jar and its libraries, and a
# plain JRE runs them. docker-compose.yml builds it as the `sim` service.

# Stage 1: build.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# The poms first, so that a change to a source does not invalidate the dependency layer.
COPY pom.xml ./
COPY agents/pom.xml agents/
COPY sim/pom.xml sim/
COPY bench/pom.xml bench/
COPY agents/src agents/src
COPY sim/src sim/src
COPY bench/src bench/src
COPY scenarios/scenario.schema.json scenarios/
RUN mvn -B -ntp -DskipTests package

# Stage 2: run.
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/sim/target/ouroboros-sim.jar /app/ouroboros-sim.jar
COPY --from=build /src/sim/target/lib/ /app/lib/
# Inside a container the metrics endpoint must bind to 0.0.0.0 (--metrics-host), which
# docker-compose.yml passes; 9464 is the default --metrics-port.
EXPOSE 9464
ENTRYPOINT ["java","-jar","/app/ouroboros-sim.jar"]
