package jp.iotcert.certification;

import java.util.Map;
import jp.iotcert.notice.NoticeTemplate;
import jp.iotcert.notice.NoticeText;

/** Notices to a certified provider about its certification's life (第9条–第13条), in Japanese. */
public enum ProviderNotice implements NoticeText {

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
  LAPSED(
      "【認定の失効】認定番号 {certificationNumber}（{serviceName}）",
      """
      {providerName} 御中

      {eventLabel}（{effectiveOn}）により、認定番号 {certificationNumber}（{serviceName}）の認定は効力を失いました（第9条第2項）。
      失効した旨を公表します。認定マークの使用を直ちに中止してください。
      """),
  TERMINATED(
      "【サービス終了の受理】認定番号 {certificationNumber}（{serviceName}）",
      """
      {providerName} 御中

      認定サービス「{serviceName}」（認定番号 {certificationNumber}）の提供終了の届出を受理し、{effectiveOn} をもって認定を終了として公表します（第13条第2項）。
      認定マークの使用を中止し、届出に添えて認定証を返納してください（第13条第3項）。
      """),
  CERTIFICATE_RETURN_REMINDER(
      "【認定証の返納のお願い】認定番号 {certificationNumber}",
      """
      {providerName} 御中

      認定番号 {certificationNumber}（{serviceName}）の認定証の返納をまだ確認できていません。
      速やかに認定機関へ返納してください。
      """),
  CHANGE_ACCEPTED(
      "【変更届の受理】認定番号 {certificationNumber}",
      """
      {providerName} 御中

      認定番号 {certificationNumber}（{serviceName}）の変更の届出（第13条第1項）を審査し、変更を認めました。公表内容に反映しました。
      {reviewNote}
      """),
  CHANGE_NOT_ACCEPTED(
      "【変更届の審査結果】認定番号 {certificationNumber}",
      """
      {providerName} 御中

      認定番号 {certificationNumber}（{serviceName}）の変更の届出（第13条第1項）を審査しましたが、公表内容には反映しませんでした。
      理由: {reviewNote}
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

  @Override
  public String subject(Map<String, String> values) {
    return NoticeTemplate.fill(subject, values);
  }

  @Override
  public String body(Map<String, String> values) {
    return NoticeTemplate.body(body, values);
  }

}
