package io.cachepair.menu.preload;

import com.tangosol.net.MemberEvent;
import com.tangosol.net.MemberListener;
import io.cachepair.member.cache.DishCaches;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Re-runs the database → cache reconcile whenever this member's dish service restarts — after it
 * was cut off into an island and merged back, or recycled by its guardian — because its cache may
 * then lack what was written meanwhile, or hold an island's leftovers. The database is the truth.
 */
@Component
class DishServiceRestarts implements MemberListener, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(DishServiceRestarts.class);

  private final DishCaches caches;
  private final ClusterReconciler reconciler;
  private final PreloadProgress progress;
  private final ExecutorService worker;
  private final AtomicBoolean pending = new AtomicBoolean();

  DishServiceRestarts(DishCaches caches, ClusterReconciler reconciler, PreloadProgress progress) {
    this.caches = caches;
    this.reconciler = reconciler;
    this.progress = progress;
    this.worker =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "dish-service-restarts");
              t.setDaemon(true);
              return t;
            });
    caches.whenOpen().thenAccept(opened -> opened.service().addMemberListener(this));
  }

  @Override
  public void memberJoined(MemberEvent event) {
    // the local member joining the service again is the service restarting (the first start
    // happens before this listener is added)
    if (event.isLocal() && progress.phase() == PreloadProgress.Phase.DONE) {
      schedule("the dish service restarted");
    }
  }

  @Override
  public void memberLeaving(MemberEvent event) {}

  @Override
  public void memberLeft(MemberEvent event) {}

  private void schedule(String why) {
    if (!pending.compareAndSet(false, true)) {
      return;
    }
    worker.execute(
        () -> {
          pending.set(false);
          try {
            DishCaches.Opened opened = caches.ifOpen().orElseThrow();
            log.warn("{}: reconciling the cluster with the menu database again", why);
            reconciler.reconcile(opened, new PreloadProgress());
            reconciler.writeMarker(opened, false);
          } catch (RuntimeException e) {
            log.error("Reconcile after '{}' failed; the outbox and the next restart retry", why, e);
          }
        });
  }

  @Override
  public void destroy() {
    worker.shutdownNow();
  }
}
