package jp.iotcert.common;

import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An API call that moves a process (a payment, a supplement, a withdrawal) can meet a job of the
 * same process instance in flight; the engine then refuses one of the two with an
 * OptimisticLockingException and rolls it back whole. Such a call is simply tried again, each
 * attempt in a transaction of its own; when it keeps colliding the caller gets a 409.
 */
@Component
public class ConcurrentUpdateRetry {

  private static final Logger LOG = LoggerFactory.getLogger(ConcurrentUpdateRetry.class);
  private static final int ATTEMPTS = 5;

  public <T> T run(Supplier<T> transactionalCall) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transactionalCall.get();
      } catch (OptimisticLockingException e) {
        if (attempt == ATTEMPTS) {
          throw new ConflictException("同時に別の処理が行われたため受け付けられませんでした。少し時間をおいて再度お試しください。");
        }
        LOG.debug("Concurrent update, attempt {} of {}", attempt, ATTEMPTS, e);
        sleep(50L * attempt);
      }
    }
  }

  public void run(Runnable transactionalCall) {
    run(() -> {
      transactionalCall.run();
      return null;
    });
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
