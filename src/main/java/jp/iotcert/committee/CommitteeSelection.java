package jp.iotcert.committee;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import jp.iotcert.identity.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 第7条: the committee is made only of members without an interest in the applicant. Each member
 * declares the corporate numbers they have interests in; those members are left out. The committee
 * sits when at least {@code iotcert.committee.minimum-members} remain; the first of them chairs.
 */
@Service
public class CommitteeSelection {

  private final IdentityService identityService;
  private final JdbcClient jdbc;
  private final int minimumMembers;

  public CommitteeSelection(IdentityService identityService, JdbcClient jdbc,
      @Value("${iotcert.committee.minimum-members}") int minimumMembers) {
    this.identityService = identityService;
    this.jdbc = jdbc;
    this.minimumMembers = minimumMembers;
  }

  /** The committee for an applicant: its members, its chair (null when none), and whether it may sit. */
  public record Committee(List<String> members, String chair, boolean sufficient) {}

  public Committee select(String corporateNumber) {
    return committee(eligibleMembers(corporateNumber), minimumMembers);
  }

  /** 第7条 with the minimum size: the first eligible member chairs. */
  static Committee committee(List<String> eligible, int minimumMembers) {
    return new Committee(List.copyOf(eligible), eligible.isEmpty() ? null : eligible.get(0),
        eligible.size() >= minimumMembers);
  }

  /** Members of the `committee` group without a declared interest in the corporate number, sorted by id. */
  public List<String> eligibleMembers(String corporateNumber) {
    Set<String> conflicted = Set.copyOf(jdbc.sql("SELECT user_id FROM committee_interest WHERE corporate_number = ?")
        .param(corporateNumber).query(String.class).list());
    Set<String> eligible = new TreeSet<>();
    for (User user : identityService.createUserQuery().memberOfGroup(Groups.COMMITTEE).list()) {
      if (!conflicted.contains(user.getId())) {
        eligible.add(user.getId());
      }
    }
    return List.copyOf(eligible);
  }

  public List<String> interests(String userId) {
    return jdbc.sql("SELECT corporate_number FROM committee_interest WHERE user_id = ? ORDER BY corporate_number")
        .param(userId).query(String.class).list();
  }

  public void declare(String userId, String corporateNumber, Instant at) {
    int exists = jdbc.sql("SELECT COUNT(*) FROM committee_interest WHERE user_id = ? AND corporate_number = ?")
        .params(userId, corporateNumber).query(Integer.class).single();
    if (exists == 0) {
      jdbc.sql("INSERT INTO committee_interest (user_id, corporate_number, declared_at) VALUES (?, ?, ?)")
          .params(userId, corporateNumber, Timestamp.from(at)).update();
    }
  }

  public void withdrawDeclaration(String userId, String corporateNumber) {
    jdbc.sql("DELETE FROM committee_interest WHERE user_id = ? AND corporate_number = ?")
        .params(userId, corporateNumber).update();
  }
}
