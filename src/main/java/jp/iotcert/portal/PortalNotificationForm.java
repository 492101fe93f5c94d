package jp.iotcert.portal;

import java.util.ArrayList;
import java.util.List;

/**
 * The notification form as posted (第13条, 第9条2, 第14条): every field as typed, so that a refused
 * form comes back with the values kept. {@code changes} are the rows of disclosure items to change
 * (基準に係る変更, 書類の変更); blank rows are ignored.
 */
public class PortalNotificationForm {

  /** Rows of changes the form offers; more rows posted than this are refused. */
  static final int CHANGE_ROWS = 3;

  private String kind;
  private String occurredOn;
  private String description;
  private String passesCertifiedBusiness;
  private String confirmed;
  private String edit;
  private List<ChangeRow> changes = new ArrayList<>();

  public static class ChangeRow {
    private String itemId;
    private String value;

    public String getItemId() {
      return itemId;
    }

    public void setItemId(String itemId) {
      this.itemId = itemId;
    }

    public String getValue() {
      return value;
    }

    public void setValue(String value) {
      this.value = value;
    }

    boolean blank() {
      return (itemId == null || itemId.isBlank()) && (value == null || value.isBlank());
    }
  }

  /** At least the rows the page shows, for the template. */
  void padChanges() {
    while (changes.size() < CHANGE_ROWS) {
      changes.add(new ChangeRow());
    }
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getOccurredOn() {
    return occurredOn;
  }

  public void setOccurredOn(String occurredOn) {
    this.occurredOn = occurredOn;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getPassesCertifiedBusiness() {
    return passesCertifiedBusiness;
  }

  public void setPassesCertifiedBusiness(String passesCertifiedBusiness) {
    this.passesCertifiedBusiness = passesCertifiedBusiness;
  }

  public String getConfirmed() {
    return confirmed;
  }

  public void setConfirmed(String confirmed) {
    this.confirmed = confirmed;
  }

  public String getEdit() {
    return edit;
  }

  public void setEdit(String edit) {
    this.edit = edit;
  }

  public List<ChangeRow> getChanges() {
    return changes;
  }

  public void setChanges(List<ChangeRow> changes) {
    this.changes = changes == null ? new ArrayList<>() : changes;
  }
}
