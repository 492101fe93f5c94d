package jp.iotcert.document;

/** The documents of 第4条1: the application form, the registry certificate, and others the body asks for. */
public enum DocumentKind {
  REGISTRY_CERTIFICATE("registryCertificate", "登記事項証明書"),
  APPLICATION_FORM("applicationForm", "申請書"),
  OTHER("other", "その他の書類");

  private final String part;
  private final String label;

  DocumentKind(String part, String label) {
    this.part = part;
    this.label = label;
  }

  public String part() {
    return part;
  }

  public String label() {
    return label;
  }
}
