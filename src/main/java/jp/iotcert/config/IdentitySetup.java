package jp.iotcert.config;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import jp.iotcert.account.AccountBindingProcess;
import jp.iotcert.application.ApplicationProcess;
import jp.iotcert.certification.CertificationProcess;
import jp.iotcert.committee.CommitteeProcess;
import jp.iotcert.identity.AccountSettings;
import jp.iotcert.identity.Groups;
import jp.iotcert.oversight.EmergencyProcess;
import jp.iotcert.oversight.ImprovementProcess;
import jp.iotcert.oversight.InvestigationProcess;
import jp.iotcert.oversight.RevocationProcess;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Groups, least-privilege authorizations, Tasklist filters and the administrator
 * (iotcert.admin.*), created or updated idempotently at every start (like the invoice example's
 * DemoDataGenerator). Demo accounts only when iotcert.demo-data is on (the default profile, never
 * the postgres profile: AccountSettings refuses it).
 */
@Component
public class IdentitySetup implements SmartInitializingSingleton {

  static final String INSPECTION_KEY = "on-site-inspection";
  static final String OVERDUE_FILTER = "期限切れ";
  /**
   * The process variables every task card shows (which case it is). Each process whose tasks appear
   * in Tasklist carries those of its case: an application its number and 新規/更新, a certified
   * service its certification number; all the provider's and the service's name.
   */
  static final List<Map<String, String>> CARD_VARIABLES = List.of(
      Map.of("name", ApplicationProcess.APPLICATION_NUMBER, "label", "申請番号"),
      Map.of("name", CertificationProcess.CERTIFICATION_NUMBER, "label", "認定番号"),
      Map.of("name", ApplicationProcess.PROVIDER_NAME, "label", "事業者"),
      Map.of("name", ApplicationProcess.SERVICE_NAME, "label", "サービス"),
      Map.of("name", ApplicationProcess.APPLICATION_KIND, "label", "新規／更新"));
  /** Demo provider accounts and the (valid) corporate numbers they act for. */
  static final Map<String, String> DEMO_PROVIDERS = Map.of("provider1", "7000012050002", "provider2", "4010401023000");

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final AccountSettings accounts;

  public IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
      FilterService filterService, TaskService taskService, JdbcClient jdbc, TransactionTemplate transactions,
      AccountSettings accounts) {
    this.transactions = transactions;
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
    this.jdbc = jdbc;
    this.accounts = accounts;
  }

  /** Runs once all beans (the engine among them) exist, before the web server takes requests. */
  @Override
  public void afterSingletonsInstantiated() {
    transactions.executeWithoutResult(status -> {
      createGroups();
      grantPermissions();
      createFilters();
      createAdministrator();
      if (accounts.demoData()) {
        createDemoUsers();
      }
    });
  }

  private void createGroups() {
    Map<String, String> names = Map.of(
        Groups.STAFF, "事務局", Groups.REVIEWER, "審査員", Groups.COMMITTEE, "認定審査委員会",
        Groups.MANAGER, "認定機関責任者", Groups.DELEGATE, "委託先", Groups.PROVIDER, "事業者");
    names.forEach((id, name) -> group(id, name, "WORKFLOW"));
    group(Groups.ADMIN, "管理者", "SYSTEM");
  }

  private void grantPermissions() {
    // Administrators: everything (as the Camunda admin setup does).
    for (Resources resource : Resources.values()) {
      grant(Groups.ADMIN, resource, ANY, Permissions.ALL);
    }
    for (String group : List.of(Groups.STAFF, Groups.REVIEWER, Groups.COMMITTEE, Groups.MANAGER, Groups.DELEGATE)) {
      grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    }
    grant(Groups.MANAGER, Resources.APPLICATION, "cockpit", Permissions.ACCESS);

    // Tasks themselves are granted by the engine to their candidate groups and assignees; groups
    // read the definitions of the processes they work in, so Tasklist can show names and forms.
    List<String> applicationWork = List.of(ApplicationProcess.KEY, INSPECTION_KEY, CommitteeProcess.KEY);
    for (String key : applicationWork) {
      grant(Groups.STAFF, Resources.PROCESS_DEFINITION, key, Permissions.READ);
      grant(Groups.REVIEWER, Resources.PROCESS_DEFINITION, key, Permissions.READ);
      grant(Groups.MANAGER, Resources.PROCESS_DEFINITION, key, Permissions.READ);
    }
    grant(Groups.COMMITTEE, Resources.PROCESS_DEFINITION, CommitteeProcess.KEY, Permissions.READ);
    grant(Groups.STAFF, Resources.PROCESS_DEFINITION, CertificationProcess.KEY, Permissions.READ);
    grant(Groups.STAFF, Resources.PROCESS_DEFINITION, RevocationProcess.KEY, Permissions.READ);
    grant(Groups.STAFF, Resources.PROCESS_DEFINITION, ImprovementProcess.KEY, Permissions.READ);
    // 「事業者アカウントを確認する」 (portal accounts): staff read its definition so Tasklist shows its form.
    grant(Groups.STAFF, Resources.PROCESS_DEFINITION, AccountBindingProcess.KEY, Permissions.READ);

    // Staff start investigations and emergencies they found from Tasklist too (start forms).
    grant(Groups.STAFF, Resources.PROCESS_DEFINITION, InvestigationProcess.KEY, Permissions.READ, Permissions.CREATE_INSTANCE);
    grant(Groups.STAFF, Resources.PROCESS_DEFINITION, EmergencyProcess.KEY, Permissions.READ, Permissions.CREATE_INSTANCE);
    grant(Groups.STAFF, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    // A delegate (第19条) works the investigations delegated to it: their tasks are assigned to it.
    grant(Groups.DELEGATE, Resources.PROCESS_DEFINITION, InvestigationProcess.KEY, Permissions.READ);
    // Those tasks keep the candidate group staff; Tasklist shows a candidate group by its name only
    // to who may read the group, so the delegate reads that one group (its name, not its members).
    grant(Groups.DELEGATE, Resources.GROUP, Groups.STAFF, Permissions.READ);

    // Managers watch everything in Cockpit, read-only.
    grant(Groups.MANAGER, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY,
        Permissions.READ_INSTANCE);
    grant(Groups.MANAGER, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grant(Groups.MANAGER, Resources.TASK, ANY, Permissions.READ);
    grant(Groups.MANAGER, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(Groups.MANAGER, Resources.DEPLOYMENT, ANY, Permissions.READ);
    // The manager reads every task, so Tasklist shows the candidate groups of others' tasks: their
    // names, not their members (as for the delegate above).
    for (String group : List.of(Groups.STAFF, Groups.REVIEWER, Groups.COMMITTEE, Groups.DELEGATE)) {
      grant(Groups.MANAGER, Resources.GROUP, group, Permissions.READ);
    }
  }

  private void createFilters() {
    filter("自分のタスク", -10, taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"),
        "自分が担当しているタスク",
        List.of(Groups.STAFF, Groups.REVIEWER, Groups.COMMITTEE, Groups.MANAGER, Groups.DELEGATE));
    filter("グループのタスク", -5, taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .taskUnassigned(),
        "自分のグループが担当できる未割当のタスク", List.of(Groups.STAFF, Groups.REVIEWER, Groups.MANAGER));
    filter("申請審査", 0, taskService.createTaskQuery().processDefinitionKey(ApplicationProcess.KEY),
        "認定申請の審査のタスク：書類の確認、審査、認定の可否の決定", List.of(Groups.STAFF, Groups.REVIEWER, Groups.MANAGER));
    filter("実地調査", 5, taskService.createTaskQuery().processDefinitionKey(INSPECTION_KEY),
        "実地調査のタスク：日程の調整、結果の報告", List.of(Groups.STAFF, Groups.REVIEWER, Groups.MANAGER));
    filter("認定サービス", 15, taskService.createTaskQuery().processDefinitionKey(CertificationProcess.KEY),
        "認定サービスのタスク：変更の届出、届出の確認、認定証の返納", List.of(Groups.STAFF, Groups.MANAGER));
    filter("監督（緊急事態・調査・改善・取消し）", 20, taskService.createTaskQuery()
            .processDefinitionKeyIn(EmergencyProcess.KEY, InvestigationProcess.KEY, ImprovementProcess.KEY, RevocationProcess.KEY),
        "第14条〜第17条の事案（緊急事態、調査、改善の要請、認定の取消し）のタスク",
        List.of(Groups.STAFF, Groups.MANAGER));
    filter("認定審査委員会", 10, taskService.createTaskQuery().processDefinitionKey(CommitteeProcess.KEY),
        "認定審査委員会のタスク：委員の構成の調整、意見の提出、意見の取りまとめ", List.of(Groups.STAFF, Groups.COMMITTEE, Groups.MANAGER));
    filter(OVERDUE_FILTER, -8, taskService.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc(),
        "期限日を過ぎたタスク（期限日の古い順）", List.of(Groups.STAFF, Groups.MANAGER));
  }

  /**
   * The administrator administers (Admin, Cockpit, /engine-rest) and is no domain actor on /api.
   * Its password is set from the settings at every start, so the environment stays the truth.
   */
  private void createAdministrator() {
    String id = accounts.adminUserId();
    User admin = identityService.createUserQuery().userId(id).singleResult();
    if (admin == null) {
      admin = identityService.newUser(id);
    }
    // Tasklist and Cockpit show "firstName lastName": Japanese order puts the family name first.
    admin.setFirstName("システム");
    admin.setLastName("管理者");
    admin.setPassword(accounts.adminPassword());
    identityService.saveUser(admin);
    if (identityService.createUserQuery().userId(id).memberOfGroup(Groups.ADMIN).count() == 0) {
      identityService.createMembership(id, Groups.ADMIN);
    }
  }

  private void createDemoUsers() {
    user("staff1", "事務局", "一郎", Groups.STAFF);
    user("reviewer1", "審査", "花子", Groups.REVIEWER);
    user("committee1", "委員", "一", Groups.COMMITTEE);
    user("committee2", "委員", "二", Groups.COMMITTEE);
    user("committee3", "委員", "三", Groups.COMMITTEE);
    user("manager1", "責任者", "太郎", Groups.MANAGER);
    user("delegate1", "委託先", "次郎", Groups.DELEGATE);
    // The payment system now has its own token; the former demo password account goes away.
    if (identityService.createUserQuery().userId("payment").memberOfGroup("payment").count() > 0) {
      identityService.deleteUser("payment");
    }
    DEMO_PROVIDERS.forEach((id, number) -> {
      user(id, "事業者", id.substring(id.length() - 1), Groups.PROVIDER);
      if (jdbc.sql("SELECT COUNT(*) FROM provider_account WHERE user_id = ?").param(id).query(Integer.class).single() == 0) {
        jdbc.sql("INSERT INTO provider_account (user_id, corporate_number) VALUES (?, ?)").params(id, number).update();
      }
      // Each demo provider is its company's administrator (it invites and removes colleagues).
      jdbc.sql("UPDATE provider_account SET company_admin = TRUE WHERE user_id = ? AND company_admin = FALSE").param(id).update();
    });
    // committee3 has declared an interest in provider1, so is never on its committee (第7条).
    if (jdbc.sql("SELECT COUNT(*) FROM committee_interest WHERE user_id = 'committee3'").query(Integer.class).single() == 0) {
      jdbc.sql("INSERT INTO committee_interest (user_id, corporate_number, declared_at) VALUES ('committee3', ?, CURRENT_TIMESTAMP)")
          .param(DEMO_PROVIDERS.get("provider1")).update();
    }
  }

  /** The group's id is the contract (candidate groups, authorizations); its name is what people read. */
  private void group(String id, String name, String type) {
    Group group = identityService.createGroupQuery().groupId(id).singleResult();
    if (group == null) {
      group = identityService.newGroup(id);
    } else if (name.equals(group.getName()) && type.equals(group.getType())) {
      return;
    }
    group.setName(name);
    group.setType(type);
    identityService.saveGroup(group);
  }

  /**
   * A demo user named in Japanese order as Tasklist shows it ("firstName lastName"): the family name
   * goes into firstName, the given name into lastName, so 「事務局」「一郎」 reads 「事務局 一郎」.
   * The names are set again at every start (accounts of older starts had them the other way round).
   */
  private void user(String id, String familyName, String givenName, String groupId) {
    User user = identityService.createUserQuery().userId(id).singleResult();
    if (user == null) {
      user = identityService.newUser(id);
      user.setFirstName(familyName);
      user.setLastName(givenName);
      user.setPassword(AccountSettings.DEMO_PASSWORD);
      user.setEmail(id + "@iotcert.example.jp");
      identityService.saveUser(user);
    } else if (!familyName.equals(user.getFirstName()) || !givenName.equals(user.getLastName())) {
      user.setFirstName(familyName);
      user.setLastName(givenName);
      identityService.saveUser(user);
    }
    if (identityService.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) {
      identityService.createMembership(id, groupId);
    }
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizationService.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
    Authorization authorization = existing != null ? existing
        : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizationService.saveAuthorization(authorization);
  }

  private void filter(String name, int priority, TaskQuery query, String description, List<String> groups) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(name);
    }
    filter.setQuery(query);
    filter.setProperties(Map.of("description", description, "priority", priority, "autoRefresh", true,
        "variables", CARD_VARIABLES));
    filterService.saveFilter(filter);
    for (String group : groups) {
      grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }
}
