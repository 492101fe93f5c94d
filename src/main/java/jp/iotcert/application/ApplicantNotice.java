package jp.iotcert.application;

import jp.iotcert.notice.NoticeTemplate;
import java.util.Map;

/**
 * The notices an applicant receives, in Japanese. Sending a notice changes nothing else: the
 * application ends in its own step 「申請を終了する」 ({@link ApplicationOutcome}) before the notice.
 */
public enum ApplicantNotice {

  REFUSED_ART8(
      "【認定拒否】申請 {applicationNumber} について",
      """
      {providerName} 御中

      申請番号 {applicationNumber}（サービス名: {serviceName}）について、運用規程第8条により認定を拒否します。

      理由: 当該サービスは、申請日（{applicationDate}）を起算日とする過去1年以内の {revokedOn} に、第17条第1項の規定により認定を取り消されています。
      なお、納付された審査手数料は返還されません（第5条第2項）。
      """),
  SUPPLEMENT_REQUESTED(
      "【補正のお願い】申請 {applicationNumber}",
      """
      {providerName} 御中

      申請番号 {applicationNumber}（サービス名: {serviceName}）について、次の点の補正をお願いします。

      {supplementMessage}

      補正期限: {supplementDeadline}
      期限までに補正がない場合、申請は終了となります。
      補正は POST /api/applications/{applicationNumber}/supplements で提出してください。
      """),
  FEE_REMINDER(
      "【督促】審査手数料の納付について（申請 {applicationNumber}）",
      """
      {providerName} 御中

      申請番号 {applicationNumber} の審査手数料 {feeAmount} 円の納付を確認できていません（納付済み {feePaid} 円）。
      納付期限 {feeDueOn} までに納付してください。期限までに納付がない場合、申請は終了となります（第5条）。
      """),
  CLOSED_SUPPLEMENT_OVERDUE(
      "【申請終了】補正期限の経過（申請 {applicationNumber}）",
      """
      {providerName} 御中

      申請番号 {applicationNumber} について、補正期限 {supplementDeadline} までに補正がなかったため、申請を終了しました。
      納付された審査手数料は返還されません（第5条第2項）。再度申請される場合は新たに申請してください。
      """),
  CLOSED_FEE_UNPAID(
      "【申請終了】審査手数料の未納（申請 {applicationNumber}）",
      """
      {providerName} 御中

      申請番号 {applicationNumber} について、納付期限 {feeDueOn} までに審査手数料 {feeAmount} 円の納付がなかったため、申請を終了しました（第5条）。
      """),
  CLOSED_CERTIFICATION_ENDED(
      "【申請終了】更新申請 {applicationNumber}",
      """
      {providerName} 御中

      更新の対象である認定（認定番号 {certificationNumber}）が終了したため、更新申請 {applicationNumber} の審査を終了しました。
      """),
  CERTIFIED(
      "【認定通知】{serviceName}（認定番号 {certificationNumber}）",
      """
      {providerName} 御中

      申請番号 {applicationNumber} のサービス「{serviceName}」を、運用規程第6条第1項により認定しました。

      認定番号: {certificationNumber}
      認定日: {certifiedOn}
      有効期間: {certifiedOn} から {validUntil} まで（第9条）
      確認用URL: {verificationUrl}

      認定証及び認定マークを交付します（第6条第5項）。認定マークは有効期間に限り、認定サービスについてのみ使用でき、
      ウェブサイトで使用するときは上記の確認用URLへのリンクを設置してください（第10条）。
      {decisionReasons}

      {withholdingResult}
      """),
  NOT_CERTIFIED(
      "【審査結果通知】申請 {applicationNumber} について",
      """
      {providerName} 御中

      申請番号 {applicationNumber}（サービス名: {serviceName}）について、審査の結果、認定を実施しないこととしました（第6条第4項）。

      認定を実施しない理由:
      {decisionReasons}

      {withholdingResult}

      納付された審査手数料は返還されません（第5条第2項）。
      """),
  WITHDRAWN(
      "【取下げ受理】申請 {applicationNumber}",
      """
      {providerName} 御中

      申請番号 {applicationNumber}（サービス名: {serviceName}）の取下げを受理しました。
      納付された審査手数料は返還されません（第5条第2項）。
      """),
  INSPECTION_SCHEDULED(
      "【実地調査のご案内】申請 {applicationNumber}",
      """
      {providerName} 御中

      申請番号 {applicationNumber}（サービス名: {serviceName}）について、運用規程第6条第3項に基づく実地調査を次のとおり行います。

      日程: {inspectionDate}
      場所: {inspectionLocation}
      調査員: {inspectors}
      """);

  private final String subject;
  private final String body;

  ApplicantNotice(String subject, String body) {
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
