# The image of either service, from its packaged Spring Boot jar:
#   ./mvnw -B -DskipTests package
#   docker build --build-arg SERVICE=menu-service  -t cachepair/menu-service:0.1.0-SNAPSHOT .
#   docker build --build-arg SERVICE=order-service -t cachepair/order-service:0.1.0-SNAPSHOT .
# (Not built on the project's machines: they have no Docker engine and no registry.)
#
# Runs under the pod security the operator sets: a numeric non-root user (the kubelet can only
# check runAsNonRoot against a numeric UID), no setuid binaries, no Linux capability (every port is
# above 1024). The operator mounts /data (an embedded H2 file, when used) and /tmp as volumes; both
# are writable by that user without them too.
FROM eclipse-temurin:17-jre
ARG SERVICE
RUN test -n "$SERVICE" || { echo "--build-arg SERVICE=menu-service|order-service is required" >&2; exit 1; } \
 && groupadd --system --gid 10001 cachepair \
 && useradd --system --uid 10001 --gid 10001 --home-dir /app --no-create-home \
      --shell /usr/sbin/nologin cachepair \
 && mkdir -p /app /data \
 && chown 10001:10001 /data
WORKDIR /app
COPY ${SERVICE}/target/${SERVICE}-*.jar app.jar
# The API port as the operator sets it, and an embedded database under the volume it mounts at
# /data (the jar's default ./data would be /app/data, which this user cannot write). The heap is
# a default the operator overrides from the resource (JAVA_TOOL_OPTIONS).
ENV SERVER_PORT=8080 \
    CACHEPAIR_DATA_DIR=/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
USER 10001:10001
EXPOSE 8080
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/app.jar"]
