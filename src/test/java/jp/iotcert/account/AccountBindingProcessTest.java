package jp.iotcert.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.Map;
import jp.iotcert.identity.Groups;
import jp.iotcert.support.Jobs;
import jp.iotcert.support.PortalAccounts;
import jp.iotcert.support.ProcessTestBase;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * account-binding on the real context: both answers of 「事業者アカウントを確認する」, each to its end,
 * with what they leave in provider_account and the groups. The first account of a number becomes its
 * administrator, the second does not.
 */
class AccountBindingProcessTest extends ProcessTestBase {

  @Autowired Registrations registrations;
  @Autowired AccountTokens tokens;
  @Autowired IdentityService identityService;

  private ProcessInstance confirmed(String userId, String number) {
    registrations.register(new RegistrationForm(number, "株式会社" + userId, "工程 太郎", userId + "@example.co.jp", userId,
        PortalAccounts.PASSWORD, PortalAccounts.PASSWORD), false);
    assertThat(registrations.confirm(tokens.issue(AccountTokens.Purpose.CONFIRM, userId, userId + "@example.co.jp", null,
        null, Duration.ofHours(1)))).isPresent();
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(AccountBindingProcess.KEY)
        .processInstanceBusinessKey(userId).singleResult();
  }

  private Task task(String userId) {
    return taskService.createTaskQuery().processInstanceBusinessKey(userId).singleResult();
  }

  @Test
  void approvedAccountsAreBoundAndTheFirstOfANumberIsItsAdministrator() {
    String number = PortalAccounts.newCorporateNumber();
    ProcessInstance first = confirmed("procfirst", number);
    assertThat(first).isWaitingAt("Task_ConfirmAccountBinding");
    taskService.complete(task("procfirst").getId(), Map.of(AccountBindingProcess.BINDING_DECISION, AccountBindingProcess.APPROVE));
    assertThat(first).isWaitingAt("Task_BindAccount");
    Jobs.runDue(runtimeService, managementService, "procfirst");
    assertThat(first).hasPassed("Task_BindAccount").isEnded();
    assertThat(first).hasPassed("End_AccountBound");

    ProcessInstance second = confirmed("procsecond", number);
    taskService.complete(task("procsecond").getId(), Map.of(AccountBindingProcess.BINDING_DECISION, AccountBindingProcess.APPROVE));
    Jobs.runDue(runtimeService, managementService, "procsecond");
    assertThat(second).isEnded();
    assertThat(jdbc.sql("SELECT user_id FROM provider_account WHERE corporate_number = ? AND company_admin = TRUE")
        .param(number).query(String.class).list()).containsExactly("procfirst");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM provider_account WHERE corporate_number = ?").param(number)
        .query(Integer.class).single()).isEqualTo(2);
  }

  @Test
  void aRefusedAccountIsBoundToNothingAndLeavesTheProviderGroup() {
    ProcessInstance pi = confirmed("procrefused", PortalAccounts.newCorporateNumber());
    assertThat(identityService.createUserQuery().userId("procrefused").memberOfGroup(Groups.PROVIDER).count()).isOne();
    taskService.complete(task("procrefused").getId(), Map.of(AccountBindingProcess.BINDING_DECISION, AccountBindingProcess.REFUSE,
        AccountBindingProcess.REFUSAL_REASON, "法人番号の会社と確認できませんでした。"));
    Jobs.runDue(runtimeService, managementService, "procrefused");
    assertThat(pi).hasPassed("Task_NotifyBindingRefused", "End_BindingRefused").isEnded();
    assertThat(identityService.createUserQuery().userId("procrefused").memberOfGroup(Groups.PROVIDER).count()).isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM provider_account WHERE user_id = 'procrefused'").query(Integer.class).single())
        .isZero();
    assertThat(registrations.find("procrefused").orElseThrow().refusalReason()).isEqualTo("法人番号の会社と確認できませんでした。");
  }
}
