package jp.iotcert.certification;

import jp.iotcert.notice.NoticeTemplate;
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
  IMPROVEMENT_REQUESTED(
      "【改善の要請】認定番号 {certificationNumber}（{serviceName}）",
      """
      {providerName} 御中

      運用規程第16条第1項により、認定番号 {certificationNumber}（{serviceName}）について、次のとおり改善その他必要な措置を要請します。

      {content}

      期限: {deadline}
      期限までに講じた措置を POST /api/certifications/{certificationNumber}/improvement-requests/{requestId}/reports で報告してください。
      正当な理由なく要請に従わないときは、認定を取り消すことがあります（第17条第1項第7号）。{publication}
      """),
  EMERGENCY_RECEIVED(
      "【緊急事態の対応】認定番号 {certificationNumber}（{serviceName}）",
      """
      {providerName} 御中

      認定番号 {certificationNumber}（{serviceName}）の緊急事態（発生日 {occurredOn}）について、対応を開始しました（第14条）。{source}
      講じた措置とその経過を、終結するまで{interval}ごとに POST /api/certifications/{certificationNumber}/emergencies/{emergencyId}/reports で報告してください。
      報告がないときは督促します。
      """),
  EMERGENCY_REPORT_REMINDER(
      "【経過報告の督促】認定番号 {certificationNumber}（{serviceName}）",
      """
      {providerName} 御中

      認定番号 {certificationNumber}（{serviceName}）の緊急事態について、対策と経過の報告が届いていません（第14条）。
      速やかに POST /api/certifications/{certificationNumber}/emergencies/{emergencyId}/reports で報告してください。
      """),
  EMERGENCY_CLOSED(
      "【緊急事態の終結】認定番号 {certificationNumber}（{serviceName}）",
      """
      {providerName} 御中

      認定番号 {certificationNumber}（{serviceName}）の緊急事態への対応を終結しました（第14条）。

      {closingSummary}
      """),
  EXPLANATION_REQUESTED(
      "【調査：説明・資料の提出のお願い】認定番号 {certificationNumber}（{serviceName}）",
      """
      {providerName} 御中

      運用規程第15条第1項により、認定番号 {certificationNumber}（{serviceName}）について調査を行います。
      次の説明・資料を {deadline} までに POST /api/certifications/{certificationNumber}/investigations/{investigationId}/explanations で提出してください。

      {request}

      正当な理由なく調査を拒み、又は虚偽の説明をしたときは、認定を取り消すことがあります（第17条第1項第6号）。
      """),
  INSPECTION_SCHEDULED(
      "【実地調査の日程】認定番号 {certificationNumber}（{serviceName}）",
      """
      {providerName} 御中

      運用規程第15条第2項により、認定番号 {certificationNumber}（{serviceName}）について実地調査を行います。
      日時: {inspectionDate}
      場所: {inspectionLocation}
      調査員: {inspectors}
      """),
  INSPECTION_COST_CHARGED(
      "【実地調査費用のご請求】認定番号 {certificationNumber}（{serviceName}）",
      """
      {providerName} 御中

      運用規程第15条第3項により、認定番号 {certificationNumber}（{serviceName}）の実地調査に要した費用 {inspectionCost} 円をご負担いただきます。
      {inspectionCostNote}
      """),
  INVESTIGATION_CLOSED(
      "【調査の結果】認定番号 {certificationNumber}（{serviceName}）",
      """
      {providerName} 御中

      認定番号 {certificationNumber}（{serviceName}）の調査（第15条）の結果をお知らせします。

      {findings}

      {outcome}
      """),
  REVOKED(
      "【認定取消通知】認定番号 {certificationNumber}（{serviceName}）",
      """
      {providerName} 御中

      運用規程第17条第1項により、認定番号 {certificationNumber}（{serviceName}）の認定を {effectiveOn} 付けで取り消しましたので、同条第2項により書面で通知します。

      取消事由: {grounds}
      {reasons}

      第10条第8項により、直ちに認定マークの使用を中止するとともに、認定証を認定機関に返納してください。
      取り消した旨は公表します（第17条第3項）。取消しの日から1年間は、同じサービスの認定を申請しても拒否されます（第8条）。
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
    return NoticeTemplate.fill(subject, values);
  }

  public String body(Map<String, String> values) {
    return NoticeTemplate.body(body, values);
  }

}
