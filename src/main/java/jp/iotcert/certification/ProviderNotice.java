package jp.iotcert.certification;

import java.util.Map;

/** Notices to a certified provider about its certification, in Japanese. */
public enum ProviderNotice {

  RENEWAL_REMINDER(
      "【更新のご案内】認定番号 {certificationNumber}（{serviceName}）",
      """
      {providerName} 御中

      認定番号 {certificationNumber}（{serviceName}）の有効期間は {validUntil} までです。
      更新を希望される場合は、{opensOn} から {closesOn} までの間に更新を申請してください（第12条第1項）。
      更新申請には、認定マークを正しく使用してきたことの自己申告が必要です（第10条第7項）。
      """),
  RENEWAL_WINDOW_OPEN(
      "【更新申請の受付開始】認定番号 {certificationNumber}",
      """
      {providerName} 御中

      認定番号 {certificationNumber}（{serviceName}）の更新申請の受付を開始しました。
      受付期間: {opensOn} から {closesOn} まで（第12条第1項）
      有効期間: {validUntil} まで
      """),
  RENEWAL_WINDOW_CLOSED(
      "【更新申請の受付終了】認定番号 {certificationNumber}",
      """
      {providerName} 御中

      認定番号 {certificationNumber}（{serviceName}）の更新申請の受付期間（{closesOn} まで）が終了しました。
      更新の申請がなかったため、認定は {validUntil} をもって有効期間が満了します。
      満了後は認定マークの使用を速やかに中止してください（第10条第6項）。
      """),
  RENEWAL_UNDER_REVIEW(
      "【更新審査中】認定番号 {certificationNumber}",
      """
      {providerName} 御中

      認定番号 {certificationNumber}（{serviceName}）の有効期間は {validUntil} で満了しましたが、
      更新申請を審査中のため、更新の決定まで認定の効力を継続します（第12条第2項）。
      """),
  EXPIRED(
      "【有効期間満了】認定番号 {certificationNumber}（{serviceName}）",
      """
      {providerName} 御中

      認定番号 {certificationNumber}（{serviceName}）の認定は {validUntil} をもって有効期間が満了しました。
      満了した旨を公表します（第11条第3項）。
      運用規程第10条第6項により、認定マークの使用を速やかに中止してください。
      """),
  RENEWAL_REFUSED_ENDED(
      "【認定終了】認定番号 {certificationNumber}（{serviceName}）",
      """
      {providerName} 御中

      更新が認められなかったため、有効期間（{validUntil} まで）を過ぎて継続していた認定番号 {certificationNumber} の認定は終了しました。
      運用規程第10条第6項により、認定マークの使用を速やかに中止してください。
      """);

  private final String subject;
  private final String body;

  ProviderNotice(String subject, String body) {
    this.subject = subject;
    this.body = body;
  }

  public String subject(Map<String, String> values) {
    return fill(subject, values);
  }

  public String body(Map<String, String> values) {
    return fill(body, values).strip() + "\n\n認定機関 事務局\n";
  }

  private static String fill(String template, Map<String, String> values) {
    String result = template;
    for (Map.Entry<String, String> e : values.entrySet()) {
      result = result.replace("{" + e.getKey() + "}", e.getValue() == null ? "" : e.getValue());
    }
    return result;
  }
}
