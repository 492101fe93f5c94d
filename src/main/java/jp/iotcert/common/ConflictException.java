package jp.iotcert.common;

/** A request that is well-formed but not possible in the current state (answered as 409). */
public class ConflictException extends RuntimeException {
  public ConflictException(String detail) {
    super(detail);
  }
}
