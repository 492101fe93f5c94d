package jp.iotcert.oversight;

import java.util.Map;
import jp.iotcert.notice.NoticeTemplate;
import jp.iotcert.notice.NoticeText;

/** Notices to a certified provider in the cases the body opens against its service (第14条–第17条), in Japanese. */
public enum OversightNotice implements NoticeText {

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
      """);

  private final String subject;
  private final String body;

  OversightNotice(String subject, String body) {
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
