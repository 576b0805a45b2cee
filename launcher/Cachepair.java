import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The launcher's helper: everything {@code ./cachepair} needs that a portable shell cannot do well
 * (JSON, millisecond timing, and later keys and signatures), so that Java stays the only
 * requirement besides curl. Run it with the Java 17 source launcher: {@code java
 * launcher/Cachepair.java <command> [args]}; one file because the source launcher compiles one
 * file.
 *
 * <p>Each command is a small nested class registered in {@link #COMMANDS}: {@code json}, {@code
 * propagation}, {@code secrets} (the development token key and the cluster's TLS CA and member
 * certificates under {@code ./run/}, made on first use) and {@code token} (a JWT signed with the
 * development key). To add one, write a {@link Command}, read its flags with {@link Args}, find the
 * launcher's run directory with {@link Context#runDir()}, and register it here.
 *
 * <p>Output meant for the shell is one {@code key=value} per line (or one value per line for {@code
 * json get}); errors go to stderr with exit status 1, usage errors with 2.
 */
public final class Cachepair {

  /** The commands by name, in the order the usage text lists them. */
  static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("json", new JsonCommand());
    COMMANDS.put("propagation", new PropagationCommand());
    COMMANDS.put("secrets", new SecretsCommand());
    COMMANDS.put("token", new TokenCommand());
  }

  private Cachepair() {}

  public static void main(String[] argv) {
    if (argv.length == 0 || !COMMANDS.containsKey(argv[0])) {
      System.err.println("usage: java launcher/Cachepair.java <command> [args]");
      COMMANDS.forEach((name, c) -> System.err.println("  " + name + " " + c.usage()));
      System.exit(2);
    }
    Command command = COMMANDS.get(argv[0]);
    List<String> rest = List.of(argv).subList(1, argv.length);
    int status;
    try {
      status = command.run(new Context(), rest);
    } catch (UsageException e) {
      System.err.println(argv[0] + ": " + e.getMessage());
      System.err.println("usage: " + argv[0] + " " + command.usage());
      status = 2;
    } catch (Exception e) {
      System.err.println(argv[0] + ": " + e.getMessage());
      status = 1;
    }
    System.out.flush();
    System.exit(status);
  }

  /** One subcommand of the helper. */
  interface Command {

    /** The arguments it takes, for the usage text. */
    String usage();

    /**
     * Runs the command.
     *
     * @param context where the launcher keeps its state
     * @param args the arguments after the command name
     * @return the process exit status
     * @throws Exception anything that ends the command with status 1 and the exception's message
     */
    int run(Context context, List<String> args) throws Exception;
  }

  /** What the launcher tells every command: where its state lives. */
  static final class Context {

    /**
     * The launcher's run directory (PIDs, logs, and later development keys and certificates):
     * {@code CACHEPAIR_RUN_DIR} as the script exports it, else {@code ./run}.
     */
    Path runDir() {
      String dir = System.getenv("CACHEPAIR_RUN_DIR");
      return Path.of(dir == null || dir.isEmpty() ? "run" : dir).toAbsolutePath();
    }
  }

  /** A mistake in how the command was called (exit status 2). */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /** {@code --name value} flags and positional arguments, nothing more. */
  static final class Args {

    private final Map<String, String> flags = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    Args(List<String> args) {
      for (int i = 0; i < args.size(); i++) {
        String a = args.get(i);
        if (a.startsWith("--") && a.length() > 2) {
          if (i + 1 >= args.size()) {
            throw new UsageException(a + " needs a value");
          }
          flags.put(a.substring(2), args.get(++i));
        } else {
          positional.add(a);
        }
      }
    }

    String required(String name) {
      String v = flags.get(name);
      if (v == null) {
        throw new UsageException("--" + name + " is required");
      }
      return v;
    }

    String optional(String name, String fallback) {
      return flags.getOrDefault(name, fallback);
    }

    /** A comma-separated flag as a list; empty when absent. */
    List<String> list(String name) {
      String v = flags.get(name);
      return v == null || v.isEmpty() ? List.of() : Arrays.asList(v.split(","));
    }

    List<String> positional() {
      return positional;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // json

  /**
   * Reads JSON on stdin for the shell, which has no JSON of its own: {@code get PATH...} prints the
   * value at each dotted path ({@code items.0.name}) on a line of its own, empty when absent
   * (strings unquoted, line breaks in them as spaces; objects and arrays as compact JSON); {@code
   * edit [--keep k1,k2] KEY=STRING | KEY:=JSON ...} prints the object with only the kept fields and
   * the given ones set (e.g. a dish read back, re-priced, as a request body).
   */
  static final class JsonCommand implements Command {

    @Override
    public String usage() {
      return "get PATH... | edit [--keep k1,k2] KEY=STRING|KEY:=JSON...   (JSON on stdin)";
    }

    @Override
    public int run(Context context, List<String> argList) throws IOException {
      if (argList.isEmpty()) {
        throw new UsageException("get or edit?");
      }
      String mode = argList.get(0);
      Args args = new Args(argList.subList(1, argList.size()));
      Object doc = Json.parse(readAll(System.in));
      StringBuilder out = new StringBuilder();
      switch (mode) {
        case "get" -> {
          for (String path : args.positional()) {
            out.append(Json.text(Json.at(doc, path))).append('\n');
          }
        }
        case "edit" -> {
          if (!(doc instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("edit needs a JSON object on stdin");
          }
          Map<String, Object> edited = new LinkedHashMap<>();
          List<String> keep = args.list("keep");
          map.forEach(
              (k, v) -> {
                if (keep.isEmpty() || keep.contains((String) k)) {
                  edited.put((String) k, v);
                }
              });
          for (String assignment : args.positional()) {
            int raw = assignment.indexOf(":=");
            int eq = assignment.indexOf('=');
            if (eq < 1) {
              throw new UsageException("not KEY=STRING or KEY:=JSON: " + assignment);
            }
            if (raw > 0 && raw < eq) {
              edited.put(assignment.substring(0, raw), Json.parse(assignment.substring(raw + 2)));
            } else {
              edited.put(assignment.substring(0, eq), assignment.substring(eq + 1));
            }
          }
          out.append(Json.write(edited)).append('\n');
        }
        default -> throw new UsageException("unknown mode " + mode);
      }
      System.out.print(out);
      return 0;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // propagation

  /**
   * Measures how long a new dish takes to reach the order replicas, from one JVM with one HTTP
   * client, so that the figure is propagation and not process starts.
   *
   * <p>It waits until every {@code --poll} URL answers 404 (so a stale copy cannot pass for the new
   * dish), snapshots the services' own {@code cachepair.replication.lag} timer at each {@code
   * --metrics} URL, warms the client and the replicas' read path with GETs to each {@code --warmup}
   * URL (an existing dish) and keeps the median of those as the plain round trip, POSTs {@code
   * --body} to {@code --post}, then polls every replica back to back, one thread per replica, from
   * the moment the 201 arrived until its first 200.
   *
   * <p>Prints {@code key=value} lines: {@code post_status}, {@code post_ms}, {@code id}, {@code
   * version}, and per replica {@code i} (1-based, in {@code --poll} order) {@code seen_ms_i} (201
   * to first 200), {@code polls_i}, {@code rtt_ms_i} (median warm GET, {@code -} without {@code
   * --warmup}), {@code lag_ms_i} (what the replica's timer recorded for this write, {@code -} when
   * it did not move). Exits 1 when the POST is not a 201 or a replica does not serve the dish
   * within {@code --timeout} seconds.
   */
  static final class PropagationCommand implements Command {

    private static final int WARMUP_ROUNDS = 40;

    @Override
    public String usage() {
      return "--post URL --body JSON --poll URL[,URL...] [--metrics URL[,URL...]]"
          + " [--warmup URL[,URL...]] [--timeout S] [--token JWT]";
    }

    @Override
    public int run(Context context, List<String> argList) throws Exception {
      Args args = new Args(argList);
      URI post = URI.create(args.required("post"));
      String body = args.required("body");
      List<URI> polls = uris(args.list("poll"));
      List<URI> metrics = uris(args.list("metrics"));
      List<URI> warmups = uris(args.list("warmup"));
      if (polls.isEmpty()) {
        throw new UsageException("--poll needs at least one URL");
      }
      if (!metrics.isEmpty() && metrics.size() != polls.size()) {
        throw new UsageException("--metrics needs one URL per --poll URL");
      }
      if (!warmups.isEmpty() && warmups.size() != polls.size()) {
        throw new UsageException("--warmup needs one URL per --poll URL");
      }
      int timeoutSeconds = Integer.parseInt(args.optional("timeout", "30"));
      long timeoutNanos = Duration.ofSeconds(timeoutSeconds).toNanos();
      Http http = new Http(args.optional("token", null));

      awaitAbsent(http, polls, System.nanoTime() + timeoutNanos);
      List<double[]> before = new ArrayList<>();
      for (URI metric : metrics) {
        before.add(LagTimer.read(http, metric));
      }
      List<String> roundTrips = new ArrayList<>();
      for (URI warmup : warmups) {
        roundTrips.add(medianGetMillis(http, warmup));
      }

      ExecutorService pollers = Executors.newFixedThreadPool(polls.size());
      CountDownLatch go = new CountDownLatch(1);
      long[] answeredAt = new long[1];
      List<Future<long[]>> results = new ArrayList<>();
      for (URI poll : polls) {
        results.add(
            pollers.submit(
                () -> {
                  go.await();
                  long deadline = answeredAt[0] + timeoutNanos;
                  long count = 0;
                  do {
                    count++;
                    if (http.status(poll) == 200) {
                      return new long[] {System.nanoTime(), count};
                    }
                  } while (System.nanoTime() < deadline);
                  return new long[] {0, count};
                }));
      }

      long sent = System.nanoTime();
      HttpResponse<String> created = http.postJson(post, body);
      answeredAt[0] = System.nanoTime();
      if (created.statusCode() != 201) {
        pollers.shutdownNow();
        throw new IllegalStateException(
            "POST " + post + " answered " + created.statusCode() + ": " + created.body());
      }
      go.countDown();
      Object dish = Json.parse(created.body());
      print("post_status", created.statusCode());
      print("post_ms", millis(answeredAt[0] - sent));
      print("id", Json.text(Json.at(dish, "id")));
      print("version", Json.text(Json.at(dish, "version")));

      List<URI> missing = new ArrayList<>();
      for (int i = 0; i < polls.size(); i++) {
        long[] seen = results.get(i).get(timeoutSeconds + 15L, TimeUnit.SECONDS);
        int n = i + 1;
        print("seen_ms_" + n, seen[0] == 0 ? "-" : millis(seen[0] - answeredAt[0]));
        print("polls_" + n, seen[1]);
        print("rtt_ms_" + n, warmups.isEmpty() ? "-" : roundTrips.get(i));
        if (!metrics.isEmpty()) {
          print("lag_ms_" + n, LagTimer.growth(http, metrics.get(i), before.get(i)));
        }
        if (seen[0] == 0) {
          missing.add(polls.get(i));
        }
      }
      pollers.shutdownNow();
      if (!missing.isEmpty()) {
        throw new IllegalStateException(
            missing + " did not serve the new dish within " + timeoutSeconds + " s");
      }
      return 0;
    }

    private static void awaitAbsent(Http http, List<URI> polls, long deadline)
        throws IOException, InterruptedException {
      for (URI poll : polls) {
        int status;
        while ((status = http.status(poll)) != 404) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException(
                poll + " still answers " + status + " before the dish was added");
          }
          Thread.sleep(50);
        }
      }
    }

    /** Warms the path with GETs and returns the median of the second half, in milliseconds. */
    private static String medianGetMillis(Http http, URI uri)
        throws IOException, InterruptedException {
      long[] nanos = new long[WARMUP_ROUNDS];
      for (int i = 0; i < WARMUP_ROUNDS; i++) {
        long start = System.nanoTime();
        if (http.status(uri) != 200) {
          throw new IllegalStateException("warm-up URL " + uri + " does not answer 200");
        }
        nanos[i] = System.nanoTime() - start;
      }
      long[] late = Arrays.copyOfRange(nanos, WARMUP_ROUNDS / 2, WARMUP_ROUNDS);
      Arrays.sort(late);
      return millis(late[late.length / 2]);
    }

    private static List<URI> uris(List<String> values) {
      return values.stream().map(URI::create).toList();
    }

    private static String millis(long nanos) {
      return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    private static void print(String key, Object value) {
      System.out.println(key + "=" + value);
    }
  }

  /**
   * Reads a Micrometer timer from Spring's {@code /actuator/metrics/<name>}: count and total time
   * in seconds.
   */
  static final class LagTimer {

    private LagTimer() {}

    /** {count, totalSeconds}, or {-1, -1} when the metric cannot be read. */
    static double[] read(Http http, URI metric) {
      try {
        HttpResponse<String> r = http.get(metric);
        if (r.statusCode() != 200) {
          return new double[] {-1, -1};
        }
        double count = -1;
        double total = -1;
        Object doc = Json.parse(r.body());
        Object measurements = Json.at(doc, "measurements");
        if (measurements instanceof List<?> list) {
          for (Object m : list) {
            String statistic = Json.text(Json.at(m, "statistic"));
            Object value = Json.at(m, "value");
            if (value instanceof BigDecimal v && "COUNT".equals(statistic)) {
              count = v.doubleValue();
            } else if (value instanceof BigDecimal v && "TOTAL_TIME".equals(statistic)) {
              total = v.doubleValue();
            }
          }
        }
        return new double[] {count, total};
      } catch (IOException | RuntimeException e) {
        return new double[] {-1, -1};
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new double[] {-1, -1};
      }
    }

    /**
     * The mean lag of what the timer recorded since {@code before}, in milliseconds, waiting up to
     * a second for the replica's listener to record it; {@code -} when it did not move.
     */
    static String growth(Http http, URI metric, double[] before) throws InterruptedException {
      if (before[0] < 0) {
        return "-";
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
      double[] after;
      do {
        after = read(http, metric);
        if (after[0] > before[0]) {
          double ms = (after[1] - before[1]) / (after[0] - before[0]) * 1000.0;
          return String.format(Locale.ROOT, "%.1f", ms);
        }
        Thread.sleep(20);
      } while (System.nanoTime() < deadline);
      return "-";
    }
  }

  /** One HTTP client for a command's lifetime, with a timeout on every call. */
  static final class Http {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final String token;

    /** A client that sends {@code token} as its bearer token, when there is one. */
    Http(String token) {
      this.token = token;
    }

    int status(URI uri) throws IOException, InterruptedException {
      try {
        return client
            .send(request(uri).GET().build(), HttpResponse.BodyHandlers.discarding())
            .statusCode();
      } catch (IOException e) {
        return 0;
      }
    }

    HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
      return client.send(request(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postJson(URI uri, String json) throws IOException, InterruptedException {
      return client.send(
          request(uri)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(json))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(URI uri) {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT);
      return token == null ? request : request.header("Authorization", "Bearer " + token);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // secrets and tokens

  /**
   * Makes what a local pair needs to be private, once, under the run directory: the development
   * token key pair ({@code dev-jwt.key}, {@code dev-jwt.pub}; the services verify tokens with the
   * public key) and the cluster's TLS CA ({@code tls/ca.key}, {@code tls/ca.crt}) with one member
   * certificate per {@code --members} name in cert-manager's layout ({@code tls/<name>/tls.key},
   * {@code tls.crt}, {@code ca.crt}; serverAuth and clientAuth, for 127.0.0.1 and localhost).
   * Existing files are kept. Prints {@code jwt_public_key=} and one {@code tls_dir_<name>=} line.
   */
  static final class SecretsCommand implements Command {

    @Override
    public String usage() {
      return "--members NAME[,NAME...]";
    }

    @Override
    public int run(Context context, List<String> argList) throws Exception {
      Args args = new Args(argList);
      Path run = context.runDir();
      DevKeys.ensure(run);
      System.out.println("jwt_public_key=" + DevKeys.publicKey(run));
      DevCa ca = DevCa.ensure(run.resolve("tls"));
      for (String member : args.list("members")) {
        if (!member.matches("[a-z0-9-]+")) {
          throw new UsageException("member names are lowercase letters, digits and -: " + member);
        }
        System.out.println("tls_dir_" + member + "=" + ca.member(member));
      }
      return 0;
    }
  }

  /**
   * Prints a JWT signed with the development key: {@code --sub} (for orders, the customer), {@code
   * --scope} (space- or comma-separated: {@code menu:write}, {@code orders:admin}, {@code
   * cluster:read}, {@code cluster:admin}), {@code --ttl} in seconds (default 3600).
   */
  static final class TokenCommand implements Command {

    @Override
    public String usage() {
      return "--sub SUBJECT [--scope SCOPES] [--ttl SECONDS]";
    }

    @Override
    public int run(Context context, List<String> argList) throws Exception {
      Args args = new Args(argList);
      String subject = args.required("sub");
      String scope = args.optional("scope", "").replace(',', ' ').trim();
      long ttl = Long.parseLong(args.optional("ttl", "3600"));
      Path run = context.runDir();
      DevKeys.ensure(run);
      System.out.println(DevKeys.sign(run, subject, scope, ttl));
      return 0;
    }
  }

  /** The development token key pair under the run directory. */
  static final class DevKeys {

    private DevKeys() {}

    static Path privateKey(Path run) {
      return run.resolve("dev-jwt.key");
    }

    static Path publicKey(Path run) {
      return run.resolve("dev-jwt.pub");
    }

    static synchronized void ensure(Path run) throws IOException, GeneralSecurityException {
      if (Files.isRegularFile(privateKey(run)) && Files.isRegularFile(publicKey(run))) {
        return;
      }
      Files.createDirectories(run);
      KeyPair keys = Pem.rsa();
      Pem.writePrivate(privateKey(run), keys.getPrivate());
      Files.writeString(publicKey(run), Pem.pem("PUBLIC KEY", keys.getPublic().getEncoded()));
    }

    static String sign(Path run, String subject, String scope, long ttlSeconds)
        throws IOException, GeneralSecurityException {
      PrivateKey key = Pem.readPrivate(privateKey(run));
      long now = Instant.now().getEpochSecond();
      Map<String, Object> claims = new LinkedHashMap<>();
      claims.put("sub", subject);
      claims.put("scope", scope);
      claims.put("iat", BigDecimal.valueOf(now));
      claims.put("exp", BigDecimal.valueOf(now + ttlSeconds));
      String input =
          b64(Json.write(Map.of("alg", "RS256", "typ", "JWT")).getBytes(StandardCharsets.UTF_8))
              + "."
              + b64(Json.write(claims).getBytes(StandardCharsets.UTF_8));
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(key);
      signer.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + b64(signer.sign());
    }

    private static String b64(byte[] bytes) {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
  }

  /** The local cluster's CA, and member certificates it issues (X.509 built by hand, JDK only). */
  static final class DevCa {

    private static final String SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
    private final Path dir;
    private final PrivateKey key;
    private final X509Certificate cert;

    private DevCa(Path dir, PrivateKey key, X509Certificate cert) {
      this.dir = dir;
      this.key = key;
      this.cert = cert;
    }

    static synchronized DevCa ensure(Path dir) throws IOException, GeneralSecurityException {
      Path keyFile = dir.resolve("ca.key");
      Path certFile = dir.resolve("ca.crt");
      if (!Files.isRegularFile(keyFile) || !Files.isRegularFile(certFile)) {
        Files.createDirectories(dir);
        KeyPair keys = Pem.rsa();
        byte[] name = name("cachepair local CA");
        byte[] der =
            sign(
                keys.getPrivate(),
                name,
                name,
                keys.getPublic(),
                Der.concat(
                    extension("2.5.29.19", true, Der.seq(Der.bool(true))),
                    extension("2.5.29.15", true, Der.bits(5, 6))),
                3650);
        Pem.writePrivate(keyFile, keys.getPrivate());
        Files.writeString(certFile, Pem.pem("CERTIFICATE", der));
      }
      return new DevCa(dir, Pem.readPrivate(keyFile), Pem.readCert(certFile));
    }

    /** The member's folder, with a certificate made now when it has none. */
    Path member(String name) throws IOException, GeneralSecurityException {
      Path memberDir = dir.resolve(name);
      if (Files.isRegularFile(memberDir.resolve("tls.crt"))) {
        return memberDir;
      }
      Files.createDirectories(memberDir);
      KeyPair keys = Pem.rsa();
      byte[] san =
          Der.seq(
              Der.tag(0x87, new byte[] {127, 0, 0, 1}),
              Der.tag(0x82, "localhost".getBytes(StandardCharsets.US_ASCII)));
      byte[] der =
          sign(
              key,
              cert.getSubjectX500Principal().getEncoded(),
              name(name),
              keys.getPublic(),
              Der.concat(
                  extension("2.5.29.19", true, Der.seq()),
                  extension("2.5.29.15", true, Der.bits(0, 2)),
                  extension(
                      "2.5.29.37",
                      false,
                      Der.seq(Der.oid("1.3.6.1.5.5.7.3.1"), Der.oid("1.3.6.1.5.5.7.3.2"))),
                  extension("2.5.29.17", false, san)),
              825);
      Pem.writePrivate(memberDir.resolve("tls.key"), keys.getPrivate());
      Files.writeString(memberDir.resolve("tls.crt"), Pem.pem("CERTIFICATE", der));
      Files.copy(dir.resolve("ca.crt"), memberDir.resolve("ca.crt"));
      return memberDir;
    }

    private static byte[] sign(
        PrivateKey issuerKey,
        byte[] issuer,
        byte[] subject,
        PublicKey subjectKey,
        byte[] extensions,
        int days)
        throws GeneralSecurityException {
      ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
      byte[] algorithm = Der.seq(Der.oid(SHA256_WITH_RSA), new byte[] {0x05, 0x00});
      byte[] tbs =
          Der.seq(
              Der.tag(0xa0, Der.tag(0x02, new byte[] {2})),
              Der.tag(0x02, new BigInteger(63, new SecureRandom()).add(BigInteger.ONE).toByteArray()),
              algorithm,
              issuer,
              Der.seq(Der.time(now.minusHours(1)), Der.time(now.plusDays(days))),
              subject,
              subjectKey.getEncoded(),
              Der.tag(0xa3, Der.seq(extensions)));
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(issuerKey);
      signer.update(tbs);
      byte[] bitString = Der.concat(new byte[] {0}, signer.sign());
      byte[] der = Der.seq(tbs, algorithm, Der.tag(0x03, bitString));
      // parse it back: a malformed certificate fails here, not in a member's handshake
      CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
      return der;
    }

    private static byte[] extension(String oid, boolean critical, byte[] value) {
      return critical
          ? Der.seq(Der.oid(oid), Der.bool(true), Der.tag(0x04, value))
          : Der.seq(Der.oid(oid), Der.tag(0x04, value));
    }

    private static byte[] name(String commonName) {
      return Der.seq(
          Der.tag(
              0x31,
              Der.seq(Der.oid("2.5.4.3"), Der.tag(0x0c, commonName.getBytes(StandardCharsets.UTF_8)))));
    }
  }

  /** PEM files and RSA keys. */
  static final class Pem {

    private Pem() {}

    static KeyPair rsa() throws GeneralSecurityException {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    }

    static String pem(String type, byte[] der) {
      return "-----BEGIN "
          + type
          + "-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
          + "\n-----END "
          + type
          + "-----\n";
    }

    static void writePrivate(Path file, PrivateKey key) throws IOException {
      Files.writeString(file, pem("PRIVATE KEY", key.getEncoded()));
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the run directory's own permissions must do
      }
    }

    static PrivateKey readPrivate(Path file) throws IOException, GeneralSecurityException {
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(body(file, "PRIVATE KEY")));
    }

    static PublicKey readPublic(Path file) throws IOException, GeneralSecurityException {
      return KeyFactory.getInstance("RSA")
          .generatePublic(new X509EncodedKeySpec(body(file, "PUBLIC KEY")));
    }

    static X509Certificate readCert(Path file) throws IOException, GeneralSecurityException {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(file)));
    }

    private static byte[] body(Path file, String type) throws IOException {
      String text = Files.readString(file);
      return Base64.getMimeDecoder()
          .decode(
              text.replace("-----BEGIN " + type + "-----", "")
                  .replace("-----END " + type + "-----", "")
                  .trim());
    }
  }

  /** The few DER encodings a certificate needs. */
  static final class Der {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'");

    private Der() {}

    static byte[] seq(byte[]... parts) {
      return tag(0x30, concat(parts));
    }

    static byte[] bool(boolean value) {
      return tag(0x01, new byte[] {(byte) (value ? 0xff : 0)});
    }

    static byte[] time(ZonedDateTime when) {
      return tag(0x18, TIME.format(when).getBytes(StandardCharsets.US_ASCII));
    }

    /** A BIT STRING of named bits (KeyUsage), bit 0 the most significant of the first byte. */
    static byte[] bits(int... bits) {
      int highest = 0;
      for (int b : bits) {
        highest = Math.max(highest, b);
      }
      byte[] content = new byte[highest / 8 + 2];
      content[0] = (byte) (7 - highest % 8);
      for (int b : bits) {
        content[1 + b / 8] |= (byte) (0x80 >>> (b % 8));
      }
      return tag(0x03, content);
    }

    static byte[] oid(String dotted) {
      String[] arcs = dotted.split("\\.");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
      for (int i = 2; i < arcs.length; i++) {
        long arc = Long.parseLong(arcs[i]);
        int groups = 1;
        for (long v = arc >>> 7; v > 0; v >>>= 7) {
          groups++;
        }
        for (int g = groups - 1; g >= 0; g--) {
          int b = (int) ((arc >>> (7 * g)) & 0x7f);
          out.write(g == 0 ? b : b | 0x80);
        }
      }
      return tag(0x06, out.toByteArray());
    }

    static byte[] tag(int tag, byte[] content) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(tag);
      int length = content.length;
      if (length < 0x80) {
        out.write(length);
      } else {
        byte[] bytes = BigInteger.valueOf(length).toByteArray();
        int skip = bytes[0] == 0 ? 1 : 0;
        out.write(0x80 | (bytes.length - skip));
        out.write(bytes, skip, bytes.length - skip);
      }
      out.writeBytes(content);
      return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (byte[] p : parts) {
        out.writeBytes(p);
      }
      return out.toByteArray();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // JSON

  /**
   * A small strict JSON reader and writer (objects as ordered maps, numbers as {@link BigDecimal}),
   * because the source launcher has no libraries.
   */
  static final class Json {

    private final String s;
    private int i;

    private Json(String s) {
      this.s = s;
    }

    /** Parses one JSON document; {@link IllegalArgumentException} when it is not one. */
    static Object parse(String text) {
      Json p = new Json(text);
      p.space();
      Object v = p.value();
      p.space();
      if (p.i != p.s.length()) {
        throw p.error("trailing characters");
      }
      return v;
    }

    /** The value at a dotted path (array elements by index), or null. */
    static Object at(Object doc, String path) {
      Object v = doc;
      for (String key : path.isEmpty() ? new String[0] : path.split("\\.")) {
        if (v instanceof Map<?, ?> m) {
          v = m.get(key);
        } else if (v instanceof List<?> l
            && key.matches("\\d+")
            && Integer.parseInt(key) < l.size()) {
          v = l.get(Integer.parseInt(key));
        } else {
          return null;
        }
      }
      return v;
    }

    /** A value as the shell wants it: strings bare on one line, null empty, the rest as JSON. */
    static String text(Object v) {
      if (v == null) {
        return "";
      }
      if (v instanceof String str) {
        return str.replaceAll("[\\r\\n]", " ");
      }
      return write(v);
    }

    static String write(Object v) {
      StringBuilder b = new StringBuilder();
      write(b, v);
      return b.toString();
    }

    private static void write(StringBuilder b, Object v) {
      if (v == null) {
        b.append("null");
      } else if (v instanceof String str) {
        b.append('"');
        for (char c : str.toCharArray()) {
          switch (c) {
            case '"' -> b.append("\\\"");
            case '\\' -> b.append("\\\\");
            case '\n' -> b.append("\\n");
            case '\r' -> b.append("\\r");
            case '\t' -> b.append("\\t");
            default -> {
              if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
              } else {
                b.append(c);
              }
            }
          }
        }
        b.append('"');
      } else if (v instanceof BigDecimal d) {
        b.append(d.toString());
      } else if (v instanceof Map<?, ?> m) {
        b.append('{');
        String sep = "";
        for (Map.Entry<?, ?> e : m.entrySet()) {
          b.append(sep);
          write(b, e.getKey().toString());
          b.append(':');
          write(b, e.getValue());
          sep = ",";
        }
        b.append('}');
      } else if (v instanceof List<?> l) {
        b.append('[');
        String sep = "";
        for (Object e : l) {
          b.append(sep);
          write(b, e);
          sep = ",";
        }
        b.append(']');
      } else {
        b.append(v);
      }
    }

    private Object value() {
      if (i >= s.length()) {
        throw error("unexpected end");
      }
      char c = s.charAt(i);
      switch (c) {
        case '{':
          return object();
        case '[':
          return array();
        case '"':
          return string();
        case 't':
          return literal("true", Boolean.TRUE);
        case 'f':
          return literal("false", Boolean.FALSE);
        case 'n':
          return literal("null", null);
        default:
          return number();
      }
    }

    private Map<String, Object> object() {
      Map<String, Object> m = new LinkedHashMap<>();
      i++;
      space();
      if (peek('}')) {
        i++;
        return m;
      }
      while (true) {
        space();
        if (!peek('"')) {
          throw error("expected a string key");
        }
        String key = string();
        space();
        expect(':');
        space();
        if (m.containsKey(key)) {
          throw error("duplicate key " + key);
        }
        m.put(key, value());
        space();
        if (peek(',')) {
          i++;
        } else {
          expect('}');
          return m;
        }
      }
    }

    private List<Object> array() {
      List<Object> l = new ArrayList<>();
      i++;
      space();
      if (peek(']')) {
        i++;
        return l;
      }
      while (true) {
        space();
        l.add(value());
        space();
        if (peek(',')) {
          i++;
        } else {
          expect(']');
          return l;
        }
      }
    }

    private String string() {
      StringBuilder b = new StringBuilder();
      i++;
      while (true) {
        if (i >= s.length()) {
          throw error("unterminated string");
        }
        char c = s.charAt(i++);
        if (c == '"') {
          return b.toString();
        }
        if (c == '\\') {
          if (i >= s.length()) {
            throw error("unterminated escape");
          }
          char e = s.charAt(i++);
          switch (e) {
            case '"', '\\', '/' -> b.append(e);
            case 'b' -> b.append('\b');
            case 'f' -> b.append('\f');
            case 'n' -> b.append('\n');
            case 'r' -> b.append('\r');
            case 't' -> b.append('\t');
            case 'u' -> {
              if (i + 4 > s.length()) {
                throw error("short \\u escape");
              }
              b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
              i += 4;
            }
            default -> throw error("bad escape \\" + e);
          }
        } else if (c < 0x20) {
          throw error("control character in string");
        } else {
          b.append(c);
        }
      }
    }

    private BigDecimal number() {
      int start = i;
      while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
        i++;
      }
      try {
        return new BigDecimal(s.substring(start, i));
      } catch (NumberFormatException e) {
        throw error("bad value");
      }
    }

    private Object literal(String word, Object value) {
      if (!s.startsWith(word, i)) {
        throw error("bad literal");
      }
      i += word.length();
      return value;
    }

    private boolean peek(char c) {
      return i < s.length() && s.charAt(i) == c;
    }

    private void expect(char c) {
      if (!peek(c)) {
        throw error("expected '" + c + "'");
      }
      i++;
    }

    private void space() {
      while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
        i++;
      }
    }

    private IllegalArgumentException error(String what) {
      return new IllegalArgumentException("not JSON: " + what + " at offset " + i);
    }
  }

  private static String readAll(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }
}
