package jp.iotcert.application;

/** A new application (第3条) or a renewal (第12条). */
public enum ApplicationType {
  NEW("新規"), RENEWAL("更新");

  private final String label;

  ApplicationType(String label) {
    this.label = label;
  }

  /** How the secretariat calls it (shown on the Tasklist cards). */
  public String label() {
    return label;
  }
}
