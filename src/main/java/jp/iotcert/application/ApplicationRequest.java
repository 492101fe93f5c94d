package jp.iotcert.application;

import java.time.LocalDate;
import java.util.List;

/** The JSON part `application` of POST /api/applications (CONTRACT.md). */
public record ApplicationRequest(
    String type,
    String certificationNumber,
    String channel,
    Provider provider,
    Contact contact,
    Service service,
    List<DisclosureValue> disclosure,
    List<WithheldItem> withheldItems,
    MarkUseDeclaration markUseDeclaration,
    /** Postal applications only (staff): the day the post arrived, which is the application date. */
    LocalDate receivedOn) {

  public record Provider(String corporateNumber, String name, String address, String representative) {}

  public record Contact(String name, String email, String phone) {}

  public record Service(String name, String description, String url) {}

  public record DisclosureValue(String itemId, String value) {}

  public record WithheldItem(String itemId, String reason) {}

  public record MarkUseDeclaration(Boolean compliant, String statement) {}

  public List<DisclosureValue> disclosureOrEmpty() {
    return disclosure == null ? List.of() : disclosure;
  }

  public List<WithheldItem> withheldOrEmpty() {
    return withheldItems == null ? List.of() : withheldItems;
  }
}
