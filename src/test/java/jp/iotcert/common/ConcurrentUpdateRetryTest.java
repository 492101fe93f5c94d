package jp.iotcert.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;

class ConcurrentUpdateRetryTest {

  private final ConcurrentUpdateRetry retry = new ConcurrentUpdateRetry();

  @Test
  void triesAgainAfterAConcurrentUpdate() {
    AtomicInteger calls = new AtomicInteger();
    String result = retry.run(() -> {
      if (calls.incrementAndGet() < 3) {
        throw new OptimisticLockingException("collided");
      }
      return "done";
    });
    assertThat(result).isEqualTo("done");
    assertThat(calls).hasValue(3);
  }

  @Test
  void givesUpWithAConflict() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(() -> retry.run(() -> {
      calls.incrementAndGet();
      throw new OptimisticLockingException("always");
    })).isInstanceOf(ConflictException.class);
    assertThat(calls).hasValue(5);
  }

  @Test
  void otherErrorsAreNotRetried() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(() -> retry.run(() -> {
      calls.incrementAndGet();
      throw new IllegalStateException("bug");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(calls).hasValue(1);
  }
}
