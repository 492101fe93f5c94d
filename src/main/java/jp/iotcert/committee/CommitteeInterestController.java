package jp.iotcert.committee;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.Map;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.common.CorporateNumber;
import jp.iotcert.common.InvalidInputException;
import jp.iotcert.common.StrictJson;
import jp.iotcert.identity.CurrentUser;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A committee member declares (and withdraws) the corporate numbers they have interests in (第7条). */
@RestController
public class CommitteeInterestController {

  private final CommitteeSelection selection;
  private final CurrentUser currentUser;
  private final BusinessCalendar calendar;
  private final StrictJson strictJson;

  public CommitteeInterestController(CommitteeSelection selection, CurrentUser currentUser, BusinessCalendar calendar,
      StrictJson strictJson) {
    this.strictJson = strictJson;
    this.selection = selection;
    this.currentUser = currentUser;
    this.calendar = calendar;
  }

  @GetMapping("/api/committee/interests")
  public Map<String, Object> mine() {
    return Map.of("memberId", currentUser.id(), "corporateNumbers", selection.interests(currentUser.id()));
  }

  @PostMapping("/api/committee/interests")
  public Map<String, Object> declare(@RequestBody String body) {
    Declaration declaration = strictJson.read(body, new TypeReference<>() {}, "body");
    String number = declaration.corporateNumber();
    if (!CorporateNumber.isValid(number)) {
      throw new InvalidInputException("corporateNumber", "法人番号（13桁、チェックデジット付き）を指定してください");
    }
    selection.declare(currentUser.id(), number, calendar.now());
    return mine();
  }

  @DeleteMapping("/api/committee/interests")
  public Map<String, Object> withdraw(@RequestParam String corporateNumber) {
    selection.withdrawDeclaration(currentUser.id(), corporateNumber);
    return mine();
  }

  public record Declaration(String corporateNumber) {}

}
