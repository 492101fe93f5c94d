package jp.iotcert.committee;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.common.Markdown;
import jp.iotcert.identity.PersonNames;
import org.springframework.stereotype.Service;

/** 第7条: the members' opinions on an application, kept in the application's tables, and their summary for the chair. */
@Service
public class CommitteeDeliberation {

  private static final Map<String, String> LABELS =
      Map.of("FAVOURABLE", "賛成", "CONDITIONAL", "条件付き賛成", "UNFAVOURABLE", "反対");
  private static final int SUMMARY_LIMIT = 3900;

  private final CommitteeOpinions opinions;
  private final OpinionRules rules;
  private final BusinessCalendar calendar;
  private final PersonNames names;

  public CommitteeDeliberation(CommitteeOpinions opinions, OpinionRules rules, BusinessCalendar calendar,
      PersonNames names) {
    this.opinions = opinions;
    this.rules = rules;
    this.calendar = calendar;
    this.names = names;
  }

  /** A member takes (or is given) an opinion task: only a selected member may ({@link OpinionRules}). */
  public void checkHolder(Collection<?> selectedMembers, String holder) {
    rules.checkHolder(selectedMembers, holder);
  }

  /** Records a selected member's opinion after {@link OpinionRules}. */
  public void recordOpinion(String applicationNumber, Collection<?> selectedMembers, String memberId, String opinion,
      String comment) {
    rules.checkHolder(selectedMembers, memberId);
    rules.checkOpinion(opinion, comment);
    opinions.record(applicationNumber, memberId, opinion, comment, calendar.now());
  }

  /** The opinions as a Markdown list for the chair's form, each under the member's name (「委員 一」, not the account id). */
  public String summary(String applicationNumber) {
    String summary = opinions.forApplication(applicationNumber).stream()
        .map(o -> "- **" + Markdown.inline(names.of(o.memberId())) + "**: " + LABELS.getOrDefault(o.opinion(), o.opinion()) + " — "
            + Markdown.inline(o.comment()))
        .collect(Collectors.joining("\n"));
    return Markdown.clip(summary, SUMMARY_LIMIT);
  }
}
