package jp.iotcert.certification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.iotcert.catalogue.DisclosureCatalogue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The certification register: certified services, their certificates, and their end states. */
@Repository
public class CertificationRegister {

  private final JdbcClient jdbc;

  public CertificationRegister(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Certification c) {
    jdbc.sql("""
        INSERT INTO certification (certification_number, serial, corporate_number, provider_name, service_name,
          service_description, service_url, status, first_certified_on, certified_on, valid_until, disclosure_date,
          disclosure_json, withheld_json, application_number, ended_on, renewal_application_number,
          search_text, search_service, search_provider)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(c.certificationNumber(), c.serial(), c.corporateNumber(), c.providerName(), c.serviceName(),
            c.serviceDescription(), c.serviceUrl(), c.status().name(), c.firstCertifiedOn(), c.certifiedOn(),
            c.validUntil(), c.disclosureDate(), c.disclosureJson(), c.withheldJson(), c.applicationNumber(),
            c.endedOn(), c.renewalApplicationNumber(),
            // The registry's search columns (SearchText); a renewal and an accepted change rewrite search_text.
            SearchText.of(c), SearchText.normalize(c.serviceName()), SearchText.normalize(c.providerName()))
        .update();
  }

  public Optional<Certification> find(String certificationNumber) {
    return jdbc.sql("SELECT * FROM certification WHERE certification_number = ?")
        .param(certificationNumber).query(CertificationRegister::map).optional();
  }

  /** A company's certifications, every status, in serial order (the applicants' portal lists them). */
  public List<Certification> ofCorporateNumber(String corporateNumber) {
    return jdbc.sql("SELECT * FROM certification WHERE corporate_number = ? ORDER BY serial")
        .param(corporateNumber).query(CertificationRegister::map).list();
  }

  public Optional<Certification> findByApplication(String applicationNumber) {
    return jdbc.sql("SELECT * FROM certification WHERE application_number = ?")
        .param(applicationNumber).query(CertificationRegister::map).optional();
  }

  public void issueCertificate(String certificationNumber, String applicationNumber, LocalDate issuedOn,
      LocalDate validFrom, LocalDate validUntil) {
    jdbc.sql("""
        INSERT INTO certificate (id, certification_number, application_number, issued_on, valid_from, valid_until)
        VALUES (?, ?, ?, ?, ?, ?)""")
        .params(UUID.randomUUID().toString(), certificationNumber, applicationNumber, issuedOn, validFrom, validUntil)
        .update();
  }

  /** A certificate as issued (第6条5): on certification and on each renewal (第12条). */
  public record IssuedCertificate(String id, String applicationNumber, LocalDate issuedOn, LocalDate validFrom,
      LocalDate validUntil) {}

  /** The certificate in force: the one issued last (a renewal's replaces the one before). */
  public Optional<IssuedCertificate> latestCertificate(String certificationNumber) {
    return jdbc.sql("""
        SELECT id, application_number, issued_on, valid_from, valid_until FROM certificate
        WHERE certification_number = ? ORDER BY issued_on DESC, valid_until DESC""")
        .param(certificationNumber)
        .query((rs, i) -> new IssuedCertificate(rs.getString("id"), rs.getString("application_number"),
            rs.getObject("issued_on", LocalDate.class), rs.getObject("valid_from", LocalDate.class),
            rs.getObject("valid_until", LocalDate.class)))
        .list().stream().findFirst();
  }

  public int certificateCount(String certificationNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM certificate WHERE certification_number = ?")
        .param(certificationNumber).query(Integer.class).single();
  }

  public void setStatus(String certificationNumber, CertificationStatus status) {
    jdbc.sql("UPDATE certification SET status = ?, version = version + 1 WHERE certification_number = ?")
        .params(status.name(), certificationNumber).update();
  }

  /** Marks a renewal as pending unless one already is (or the certification is no longer valid); true when marked. */
  public boolean markRenewalPending(String certificationNumber, String applicationNumber) {
    return jdbc.sql("""
        UPDATE certification SET renewal_application_number = ?, version = version + 1
        WHERE certification_number = ? AND renewal_application_number IS NULL AND status = 'VALID'""")
        .params(applicationNumber, certificationNumber).update() == 1;
  }

  public void setRenewalApplication(String certificationNumber, String applicationNumberOrNull) {
    jdbc.sql("UPDATE certification SET renewal_application_number = ?, version = version + 1 WHERE certification_number = ?")
        .params(applicationNumberOrNull, certificationNumber).update();
  }

  /** A renewal certified (第12条): new validity from the renewal certification date, the renewed disclosure. */
  public void renew(String certificationNumber, LocalDate certifiedOn, LocalDate validUntil, LocalDate disclosureDate,
      String disclosureJson, String withheldJson, String applicationNumber) {
    jdbc.sql("""
        UPDATE certification SET status = ?, certified_on = ?, valid_until = ?, disclosure_date = ?, disclosure_json = ?,
          withheld_json = ?, application_number = ?, renewal_application_number = NULL, version = version + 1
        WHERE certification_number = ?""")
        .params(CertificationStatus.VALID.name(), certifiedOn, validUntil, disclosureDate, disclosureJson, withheldJson,
            applicationNumber, certificationNumber)
        .update();
    refreshSearchText(certificationNumber);
  }

  /**
   * search_text covers the published summary item (SearchText): written again whenever the disclosure
   * or what of it is withheld changes (a renewal, an accepted change), in the same transaction.
   */
  private void refreshSearchText(String certificationNumber) {
    Certification c = find(certificationNumber).orElseThrow();
    jdbc.sql("UPDATE certification SET search_text = ? WHERE certification_number = ?")
        .params(SearchText.of(c), certificationNumber).update();
  }

  /** Records what changed in the published entry, and when (第11条). */
  public void recordEvent(String certificationNumber, String event, CertificationStatus status, LocalDate effectiveOn,
      String detail, Instant at) {
    jdbc.sql("""
        INSERT INTO certification_event (id, certification_number, event, status, effective_on, recorded_at, detail)
        VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(UUID.randomUUID().toString(), certificationNumber, event, status.name(), effectiveOn,
            Timestamp.from(at), detail)
        .update();
  }

  /** A history line about an oversight case, with the entry's status as it is now; nothing for an unknown number. */
  public void recordCaseEvent(String certificationNumber, String event, String detail, LocalDate effectiveOn,
      Instant at) {
    jdbc.sql("""
        INSERT INTO certification_event (id, certification_number, event, status, effective_on, recorded_at, detail)
        SELECT ?, certification_number, ?, status, ?, ?, ? FROM certification WHERE certification_number = ?""")
        .params(UUID.randomUUID().toString(), event, effectiveOn, Timestamp.from(at), detail, certificationNumber)
        .update();
  }

  public List<Event> events(String certificationNumber) {
    return jdbc.sql("SELECT event, status, effective_on, detail FROM certification_event WHERE certification_number = ? ORDER BY recorded_at")
        .param(certificationNumber)
        .query((rs, i) -> new Event(rs.getString("event"), rs.getString("status"),
            rs.getObject("effective_on", LocalDate.class), rs.getString("detail")))
        .list();
  }

  public record Event(String event, String status, LocalDate effectiveOn, String detail) {}

  /**
   * The history of several certifications in one query (a registry page shows up to its page size of
   * entries: one query for all, not one per entry), each oldest first; no key for one without events.
   */
  public Map<String, List<Event>> events(Collection<String> certificationNumbers) {
    Map<String, List<Event>> byNumber = new HashMap<>();
    for (List<String> chunk : chunks(certificationNumbers)) {
      jdbc.sql("SELECT certification_number, event, status, effective_on, detail FROM certification_event"
              + " WHERE certification_number IN (" + marks(chunk.size()) + ") ORDER BY recorded_at")
          .params(new ArrayList<Object>(chunk))
          .query((rs, i) -> {
            byNumber.computeIfAbsent(rs.getString("certification_number"), k -> new ArrayList<>())
                .add(new Event(rs.getString("event"), rs.getString("status"),
                    rs.getObject("effective_on", LocalDate.class), rs.getString("detail")));
            return null;
          })
          .list();
    }
    return byNumber;
  }

  /** Several certifications in one query (per thousand), in the order of the numbers given; unknown ones left out. */
  public List<Certification> findAll(List<String> certificationNumbers) {
    Map<String, Certification> byNumber = new HashMap<>();
    for (List<String> chunk : chunks(certificationNumbers)) {
      jdbc.sql("SELECT * FROM certification WHERE certification_number IN (" + marks(chunk.size()) + ")")
          .params(new ArrayList<Object>(chunk))
          .query(CertificationRegister::map).list()
          .forEach(c -> byNumber.put(c.certificationNumber(), c));
    }
    return certificationNumbers.stream().map(byNumber::get).filter(java.util.Objects::nonNull).toList();
  }

  /** IN lists of at most a thousand parameters, well inside what H2 and PostgreSQL take. */
  public static List<List<String>> chunks(Collection<String> values) {
    List<String> all = List.copyOf(new java.util.LinkedHashSet<>(values));
    List<List<String>> chunks = new ArrayList<>();
    for (int from = 0; from < all.size(); from += 1000) {
      chunks.add(all.subList(from, Math.min(all.size(), from + 1000)));
    }
    return chunks;
  }

  public static String marks(int count) {
    return String.join(", ", java.util.Collections.nCopies(count, "?"));
  }

  /** A history line with its identity and recording time, for the public feed of the registry. */
  public record RecordedEvent(String id, String certificationNumber, String event, LocalDate effectiveOn,
      Instant recordedAt, String detail) {}

  /** The latest history lines of these kinds over all certifications, newest first. */
  public List<RecordedEvent> latestEvents(java.util.Collection<String> kinds, int limit) {
    if (kinds.isEmpty()) {
      return List.of();
    }
    String marks = String.join(", ", java.util.Collections.nCopies(kinds.size(), "?"));
    List<Object> params = new ArrayList<>(kinds);
    return jdbc.sql("SELECT id, certification_number, event, effective_on, recorded_at, detail FROM certification_event"
            + " WHERE event IN (" + marks + ") ORDER BY recorded_at DESC, id FETCH FIRST " + limit + " ROWS ONLY")
        .params(params)
        .query((rs, i) -> new RecordedEvent(rs.getString("id"), rs.getString("certification_number"),
            rs.getString("event"), rs.getObject("effective_on", LocalDate.class),
            rs.getTimestamp("recorded_at").toInstant(), rs.getString("detail")))
        .list();
  }

  /** Accepted changes (第13条1) replace or add disclosure items of the published entry. */
  public void applyChanges(String certificationNumber, List<CertificationNotifications.Change> changes) {
    Certification c = find(certificationNumber).orElseThrow();
    try {
      ObjectMapper json = new ObjectMapper();
      List<Map<String, String>> items = new ArrayList<>(json.readValue(c.disclosureJson(),
          new TypeReference<List<Map<String, String>>>() {}));
      for (CertificationNotifications.Change change : changes) {
        items.removeIf(i -> change.itemId().equals(i.get("itemId")));
        items.add(Map.of("itemId", change.itemId(), "value", change.value()));
      }
      items.sort(Comparator.comparing(i -> i.get("itemId")));
      jdbc.sql("UPDATE certification SET disclosure_json = ?, version = version + 1 WHERE certification_number = ?")
          .params(json.writeValueAsString(items), certificationNumber).update();
      // 開示情報の時点 is published beside the certification date: it follows the item.
      changes.stream().flatMap(ch -> DisclosureCatalogue.disclosureDate(ch.itemId(), ch.value()).stream()).findFirst()
          .ifPresent(date -> jdbc.sql("UPDATE certification SET disclosure_date = ? WHERE certification_number = ?")
              .params(date, certificationNumber).update());
      refreshSearchText(certificationNumber);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** True while a certificate of this certification has not been recorded as returned. */
  public boolean certificateOutstanding(String certificationNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM certificate WHERE certification_number = ? AND returned_on IS NULL")
        .param(certificationNumber).query(Integer.class).single() > 0;
  }

  public void certificateReturned(String certificationNumber, LocalDate returnedOn) {
    jdbc.sql("UPDATE certificate SET returned_on = ? WHERE certification_number = ? AND returned_on IS NULL")
        .params(returnedOn, certificationNumber).update();
  }

  public void end(String certificationNumber, CertificationStatus status, LocalDate endedOn) {
    jdbc.sql("""
        UPDATE certification SET status = ?, ended_on = ?, version = version + 1 WHERE certification_number = ?""")
        .params(status.name(), endedOn, certificationNumber).update();
  }

  /**
   * 第8条: the latest revocation under 第17条1 of the same service (corporate number and service name)
   * on or after the given day, if any.
   */
  public Optional<LocalDate> revokedOnOrAfter(String corporateNumber, String serviceName, LocalDate since) {
    return jdbc.sql("""
        SELECT ended_on FROM certification
        WHERE corporate_number = ? AND service_name = ? AND status = 'REVOKED' AND ended_on >= ?
        ORDER BY ended_on DESC""")
        .params(corporateNumber, serviceName, since)
        .query((rs, i) -> rs.getObject(1, LocalDate.class)).list().stream().findFirst();
  }

  static Certification map(ResultSet rs, int row) throws SQLException {
    return new Certification(
        rs.getString("certification_number"),
        rs.getInt("serial"),
        rs.getString("corporate_number"),
        rs.getString("provider_name"),
        rs.getString("service_name"),
        rs.getString("service_description"),
        rs.getString("service_url"),
        CertificationStatus.valueOf(rs.getString("status")),
        rs.getObject("first_certified_on", LocalDate.class),
        rs.getObject("certified_on", LocalDate.class),
        rs.getObject("valid_until", LocalDate.class),
        rs.getObject("disclosure_date", LocalDate.class),
        rs.getString("disclosure_json"),
        rs.getString("withheld_json"),
        rs.getString("application_number"),
        rs.getObject("ended_on", LocalDate.class),
        rs.getString("renewal_application_number"));
  }
}
