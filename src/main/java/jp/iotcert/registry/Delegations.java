package jp.iotcert.registry;

import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The body's delegations of certification work to third parties (第19条第1項), published on every
 * registry page as 第19条第2項 requires ("その旨及び委託を受けた者の氏名又は名称"). A delegation is a
 * decision of the body, not of a case, so it is configuration ({@code iotcert.delegations.entries},
 * docs/operations.md), not case data: which investigation was delegated to whom stays confidential
 * (第20条).
 *
 * @param entries the delegations in force; none when absent
 */
@ConfigurationProperties("iotcert.delegations")
public record Delegations(List<Delegation> entries) {

  public Delegations {
    entries = entries == null ? List.of() : List.copyOf(entries);
  }

  /**
   * One delegation.
   *
   * @param name the delegate's name or company name, as published
   * @param work the part of the certification work delegated, in Japanese
   * @param since the day the delegation began
   */
  public record Delegation(String name, String work, LocalDate since) {}
}
