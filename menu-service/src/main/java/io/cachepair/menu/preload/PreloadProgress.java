package io.cachepair.menu.preload;

import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Where the preload is, readable from any thread: what readiness and the logs say while the menu is
 * not ready yet.
 */
@Component
class PreloadProgress {

  /** The preload's phases, in order. */
  enum Phase {
    NOT_STARTED,
    GENERATING,
    WAITING_FOR_CACHES,
    SEEDING,
    PRELOADING,
    RECONCILING,
    RESEEDING,
    DONE,
    REFUSED,
    FAILED
  }

  private volatile Phase phase = Phase.NOT_STARTED;
  private volatile long done;
  private volatile long total;
  private volatile String mode;
  private volatile String failure;
  private volatile Duration duration;
  private volatile long loaded;

  void start(Phase next, long total) {
    this.phase = next;
    this.total = total;
    this.done = 0;
  }

  void advance(long more) {
    done += more;
  }

  void finished(String mode, long loaded, Duration duration) {
    this.mode = mode;
    this.loaded = loaded;
    this.duration = duration;
    this.phase = Phase.DONE;
  }

  void mode(String mode) {
    this.mode = mode;
  }

  void refused(String reason) {
    this.failure = reason;
    this.phase = Phase.REFUSED;
  }

  void failed(Throwable e) {
    this.failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    this.phase = Phase.FAILED;
  }

  Phase phase() {
    return phase;
  }

  long done() {
    return done;
  }

  long total() {
    return total;
  }

  String mode() {
    return mode;
  }

  long loaded() {
    return loaded;
  }

  Duration duration() {
    return duration;
  }

  String failure() {
    return failure;
  }

  /** "45,000 / 100,000 dishes (45%)". */
  String ratio() {
    return ratio(done, total);
  }

  /** "45,000 / 100,000 synthetic dishes (45%)". */
  String ratio(String adjective) {
    return ratio(done, total, adjective + " dishes");
  }

  static String ratio(long done, long total) {
    return ratio(done, total, "dishes");
  }

  private static String ratio(long done, long total, String noun) {
    long pct = total == 0 ? 100 : done * 100 / total;
    return String.format(Locale.ROOT, "%,d / %,d %s (%d%%)", done, total, noun, pct);
  }
}
