package jp.iotcert.oversight;

import java.util.List;
import java.util.Map;

/**
 * The grounds of 第17条第1項 that the DMN table `revocation-grounds` found for a case (its result list,
 * the variable `revocationGrounds`), and the ways the process shows them.
 */
public record RevocationGrounds(List<Ground> grounds) {

  /** One ground: its article (「第17条第1項第3号」) and its wording. */
  public record Ground(String article, String text) {}

  /** The grounds in the decision's result list; none when there is no list. */
  public static RevocationGrounds of(Object resultList) {
    if (!(resultList instanceof List<?> list)) {
      return new RevocationGrounds(List.of());
    }
    return new RevocationGrounds(list.stream().map(entry -> (Map<?, ?>) entry)
        .map(g -> new Ground(String.valueOf(g.get(RevocationProcess.GROUND_OUTPUT_ARTICLE)),
            String.valueOf(g.get(RevocationProcess.GROUND_OUTPUT_TEXT))))
        .toList());
  }

  public int count() {
    return grounds.size();
  }

  public List<String> articles() {
    return grounds.stream().map(Ground::article).toList();
  }

  /** Markdown for the manager's form. */
  public String summary() {
    if (grounds.isEmpty()) {
      return "該当する取消事由はありません。取り消すことはできません。";
    }
    StringBuilder text = new StringBuilder();
    for (Ground g : grounds) {
      text.append("- **").append(g.article()).append("** ").append(g.text()).append("\n");
    }
    return text.toString();
  }

  /** One line for the register and the written notice: 「第17条第1項第3号（…）、…」. */
  public String described() {
    return String.join("、", grounds.stream().map(g -> g.article() + "（" + g.text() + "）").toList());
  }
}
