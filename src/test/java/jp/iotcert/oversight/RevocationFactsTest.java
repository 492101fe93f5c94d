package jp.iotcert.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The facts of 第17条1(5), (6) and (7) as the oversight cases derive them. */
class RevocationFactsTest {

  @Test
  void anEmergencyNotNotifiedPromptlyIsGroundFive() {
    assertThat(RevocationFacts.isEmergencyReportNeglected(false, false)).isTrue();
    assertThat(RevocationFacts.isEmergencyReportNeglected(false, true)).isFalse();
    // No emergency behind the investigation, or promptness not recorded: only what staff found counts.
    assertThat(RevocationFacts.isEmergencyReportNeglected(false, null)).isFalse();
    assertThat(RevocationFacts.isEmergencyReportNeglected(true, null)).isTrue();
    assertThat(RevocationFacts.isEmergencyReportNeglected(true, true)).isTrue();
  }

  @Test
  void aRefusedOrFalseExplanationIsGroundSix() {
    assertThat(RevocationFacts.isInvestigationRefusedOrFalse(true, false)).isTrue();
    assertThat(RevocationFacts.isInvestigationRefusedOrFalse(false, true)).isTrue();
    assertThat(RevocationFacts.isInvestigationRefusedOrFalse(true, true)).isTrue();
    assertThat(RevocationFacts.isInvestigationRefusedOrFalse(false, false)).isFalse();
    assertThat(RevocationFacts.isInvestigationRefusedOrFalse(null, null)).isFalse();
  }

  @Test
  void anIgnoredImprovementRequestIsGroundSevenAlone() {
    assertThat(RevocationFacts.ofIgnoredImprovement().asVariables())
        .containsEntry("improvementIgnored", true)
        .containsEntry("investigationRefusedOrFalse", false)
        .containsEntry("emergencyReportNeglected", false)
        .containsEntry("criteriaNotMet", false);
  }

  @Test
  void factsCombineByOr() {
    RevocationFacts staff = new RevocationFacts(true, false, false, false, false, false, false, false, false);
    RevocationFacts found = new RevocationFacts(false, false, false, false, true, null, false, false, false);
    assertThat(staff.or(found).asVariables())
        .containsEntry("criteriaNotMet", true)
        .containsEntry("emergencyReportNeglected", true)
        .containsEntry("investigationRefusedOrFalse", false);
  }
}
