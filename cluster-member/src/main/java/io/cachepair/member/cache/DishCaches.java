package io.cachepair.member.cache;

import com.tangosol.net.Coherence;
import com.tangosol.net.DistributedCacheService;
import com.tangosol.net.NamedCache;
import com.tangosol.net.PartitionedService;
import com.tangosol.net.RequestTimeoutException;
import io.cachepair.contract.CacheNames;
import io.cachepair.contract.dish.Dish;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Opens this member's dish caches once Coherence has joined, on a thread of its own, so that the
 * web port is up (and readiness says why it is not ready) while the local view fills.
 *
 * <p>Before the dish service starts, every {@link MemberAdmission} must pass: a member refused
 * there never owns a partition.
 *
 * <p>A request that times out while the caches open (a redistribution delay: with a write and
 * restore quorum above one, no partition is assigned until that many storage members are in) is
 * waiting for the cluster, not a failure: the opener tries again every {@link #RETRY_PAUSE} and the
 * state stays {@link CacheState#SYNCHRONIZING}, so a member that starts first is not stuck.
 */
public class DishCaches implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DishCaches.class);

  private final Coherence coherence;
  private final List<MemberAdmission> admissions;
  private final Consumer<Throwable> onRefusal;
  private final CompletableFuture<Opened> opened = new CompletableFuture<>();

  private volatile CacheState state = CacheState.JOINING;
  private volatile Throwable failure;
  private volatile Instant openedAt;
  private volatile boolean running;

  /**
   * Creates the opener.
   *
   * @param coherence the Coherence instance started by the Spring starter
   * @param admissions checks to pass before the dish service starts
   * @param onRefusal what to do when an admission refuses this member (exit, usually)
   */
  public DishCaches(
      Coherence coherence, List<MemberAdmission> admissions, Consumer<Throwable> onRefusal) {
    this.coherence = coherence;
    this.admissions = List.copyOf(admissions);
    this.onRefusal = onRefusal;
  }

  /** The caches once open: the local view, the partitioned cache behind it, and the meta view. */
  public record Opened(
      NamedCache<String, Dish> view,
      NamedCache<String, Dish> partitioned,
      NamedCache<String, Object> meta,
      NamedCache<String, Object> partitionedMeta,
      PartitionedService service) {}

  @Override
  public void start() {
    running = true;
    Thread opener = new Thread(this::open, "dish-caches-opener");
    opener.setDaemon(true);
    coherence.whenStarted().thenRun(opener::start);
  }

  /** The pause between two attempts to open the caches while the cluster is not there yet. */
  static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

  private void open() {
    try {
      state = CacheState.SYNCHRONIZING;
      for (MemberAdmission admission : admissions) {
        admission.admit(coherence.getCluster());
      }
      long started = System.nanoTime();
      for (int attempt = 1; ; attempt++) {
        try {
          openCaches(started);
          return;
        } catch (RequestTimeoutException e) {
          if (!running) {
            throw e;
          }
          if (attempt == 1 || attempt % 30 == 0) {
            log.warn(
                "Dish caches not open yet after {} ms, trying again ({}): waiting for the dish"
                    + " service's quorum of storage members (cachepair.cache.quorum)",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                e.getMessage());
          }
          pause();
        }
      }
    } catch (MemberRefusedException e) {
      log.error("Refused to join the dish service: {}", e.getMessage());
      // before the future fails: whoever waits for the caches must not act on it first
      onRefusal.accept(e);
      fail(e);
    } catch (RuntimeException e) {
      fail(e);
      log.error("Could not open the dish caches", e);
    }
  }

  private void pause() {
    try {
      Thread.sleep(RETRY_PAUSE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while opening the dish caches", e);
    }
  }

  private void openCaches(long started) {
    var session = coherence.getSession();
    NamedCache<String, Dish> view = session.getCache(CacheNames.DISHES);
    NamedCache<String, Object> meta = session.getCache(CacheNames.META);
    // The view hands out only a binary pass-through of the cache behind it, and hides
    // tombstones; writers and reconcilers use the dish service's own cache of the same name.
    DistributedCacheService service =
        (DistributedCacheService) coherence.getCluster().getService(CacheNames.DISH_SERVICE);
    NamedCache<String, Dish> partitioned =
        service.ensureCache(CacheNames.DISHES, Dish.class.getClassLoader());
    NamedCache<String, Object> partitionedMeta =
        service.ensureCache(CacheNames.META, Dish.class.getClassLoader());
    openedAt = Instant.now();
    state = CacheState.OPEN;
    log.info(
        "Local view of {} dishes synchronized in {} ms (cluster {}, member {})",
        view.size(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
        coherence.getCluster().getClusterName(),
        coherence.getCluster().getLocalMember().getId());
    opened.complete(new Opened(view, partitioned, meta, partitionedMeta, service));
  }

  private void fail(Throwable e) {
    failure = e;
    state = CacheState.FAILED;
    opened.completeExceptionally(e);
  }

  /** Where this member stands; see {@link CacheState}. */
  public CacheState state() {
    return state;
  }

  /** Why opening failed, if it did. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  /** When the local view was synchronized, if it was. */
  public Optional<Instant> openedAt() {
    return Optional.ofNullable(openedAt);
  }

  /** The caches if they are open, without waiting. */
  public Optional<Opened> ifOpen() {
    return opened.isDone() && !opened.isCompletedExceptionally()
        ? Optional.of(opened.join())
        : Optional.empty();
  }

  /** Completes when the caches are open (or fails with the reason they could not be). */
  public CompletableFuture<Opened> whenOpen() {
    return opened.copy();
  }

  /**
   * Waits for the caches to be open.
   *
   * @param timeout how long to wait at most
   * @return the open caches
   * @throws IllegalStateException when they did not open in time or could not be opened
   */
  public Opened await(Duration timeout) {
    try {
      return opened.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "dish caches not open after " + timeout + " (state " + state + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the dish caches", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("dish caches could not be opened", e.getCause());
    }
  }

  /** The cluster name, for messages. */
  public String clusterName() {
    return coherence.getCluster().getClusterName();
  }

  /** The Coherence instance behind these caches. */
  public Coherence coherence() {
    return coherence;
  }

  @Override
  public void stop() {
    state = CacheState.CLOSED;
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Starts after the Coherence server lifecycle, stops before it. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 2048;
  }
}
