package jp.iotcert.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import jp.iotcert.notice.NoticeService;
import jp.iotcert.support.ProcessTestBase;
import jp.iotcert.support.TestApplications;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The `certification` lifecycle as far as this issue goes: expiry at the end of the last day (第9条, 第11条3). */
class CertificationProcessTest extends ProcessTestBase {

  @Autowired CertificationService certifications;
  @Autowired CertificationRegister register;

  @Test
  void expiresWhenTheLastDayHasEnded() {
    LocalDate certifiedOn = LocalDate.of(2026, 12, 1);
    clockAt(certifiedOn);
    // An application row supplies the provider's contact for the notice.
    String applicationNumber = submitComplete(TestApplications.PROVIDER2_NUMBER, "期間満了サービス").applicationNumber();
    Certification c = new org.springframework.transaction.support.TransactionTemplate(transactionManager).execute(s ->
        certifications.certify(new CertificationService.NewCertification(applicationNumber,
            TestApplications.PROVIDER2_NUMBER, "株式会社テスト", "期間満了サービス", "説明", null, certifiedOn, null, "[]", "[]")));
    ProcessInstance pi = instance(c.certificationNumber(), CertificationProcess.KEY);
    assertThat(pi).isWaitingAt("Timer_ValidityEnded");

    clockAt(LocalDate.of(2028, 11, 30).atTime(23, 59, 59));
    runDueJobs(c.certificationNumber());
    assertThat(pi).isWaitingAt("Timer_ValidityEnded");
    assertThat(register.find(c.certificationNumber()).orElseThrow().status()).isEqualTo(CertificationStatus.VALID);

    clockAt(LocalDate.of(2028, 12, 1).atTime(0, 0, 1));
    runDueJobs(c.certificationNumber());
    assertThat(pi).isEnded().hasPassed("Task_ExpireCertification", "End_Expired");
    Certification expired = register.find(c.certificationNumber()).orElseThrow();
    assertThat(expired.status()).isEqualTo(CertificationStatus.EXPIRED);
    assertThat(expired.endedOn()).isEqualTo(LocalDate.of(2028, 12, 1));
    String body = jdbc.sql("SELECT body FROM notice WHERE certification_number = ? AND kind = 'EXPIRED'")
        .param(c.certificationNumber()).query(String.class).single();
    assertThat(body).contains("第10条第6項").contains("2028-11-30");
  }

  @Autowired org.springframework.transaction.PlatformTransactionManager transactionManager;
  @Autowired NoticeService notices;
}
