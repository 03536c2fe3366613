# The simulator's image, built in two stages: Maven builds the jar and its libraries, and a
# plain JRE runs them as an unprivileged user. docker-compose.yml builds it as the `sim` service.
# Base images are pinned by version tag, as docker-compose.yml pins Prometheus and Grafana.

# Stage 1: build.
FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
# The poms first, then every dependency and plugin resolved into the image's Maven repository:
# this layer is rebuilt only when a pom changes, not when a source does. The project's own
# modules are built from source below, so they are excluded here. (dependency:go-offline also
# resolves optional dependencies of plugins, one of which Maven Central lacks.)
COPY pom.xml ./
COPY agents/pom.xml agents/
COPY sim/pom.xml sim/
COPY bench/pom.xml bench/
RUN mvn -B -ntp -q dependency:resolve dependency:resolve-plugins -DexcludeGroupIds=dev.ouroboros
# Then the sources.
COPY agents/src agents/src
COPY sim/src sim/src
COPY bench/src bench/src
COPY scenarios/scenario.schema.json scenarios/
RUN mvn -B -ntp -DskipTests package

# Stage 2: run.
FROM eclipse-temurin:17.0.13_11-jre
RUN groupadd --system ouroboros && useradd --system --gid ouroboros --home-dir /app ouroboros
WORKDIR /app
COPY --from=build /src/sim/target/ouroboros-sim.jar /app/ouroboros-sim.jar
COPY --from=build /src/sim/target/lib/ /app/lib/
USER ouroboros
# Inside a container the endpoints must bind to 0.0.0.0 (--metrics-host, --graph-host), which
# docker-compose.yml passes: metrics on 9464 (the default --metrics-port), the interaction graph
# on 9465 (the default --graph-port).
EXPOSE 9464 9465
# The JRE image has no curl or wget, but it has bash: ask the metrics server's /-/healthy.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/9464 && printf 'GET /-/healthy HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java","-jar","/app/ouroboros-sim.jar"]
