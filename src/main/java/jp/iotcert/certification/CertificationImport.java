package jp.iotcert.certification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.iotcert.catalogue.DisclosureCatalogue;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.common.CorporateNumber;
import jp.iotcert.common.DateRules;
import jp.iotcert.common.InvalidInputException.FieldError;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers certifications from the body's old register (CONTRACT.md, POST /api/certifications/imports).
 * Every entry is checked first; the good ones are stored in batches ({@link #importAll}), so a bad
 * entry stops nothing else; an entry already registered is reported, not registered twice. A VALID entry gets its lifecycle
 * exactly as if certified here: timers from `certifiedOn`, overdue ones firing at once.
 */
@Service
public class CertificationImport {

  /**
   * `IoT NNNN-YYMM` (CertificationService.number): four digits, or five and more without a leading
   * zero from the 10,000th certification on, so one serial has exactly one spelling.
   */
  private static final Pattern NUMBER = Pattern.compile("^IoT (\\d{4}|[1-9]\\d{4,})-(\\d{4})$");
  /** The register keeps serials as int; nine digits leave room for a billion certifications. */
  private static final int MAX_SERIAL_DIGITS = 9;
  private static final DateTimeFormatter YYMM = DateTimeFormatter.ofPattern("yyMM");
  /** Entries per transaction: large enough to share a commit, small enough that a failed batch is cheap to redo. */
  static final int BATCH = 100;
  private static final int ATTEMPTS = 10;

  private final CertificationRegister register;
  private final DisclosureCatalogue catalogue;
  private final RuntimeService runtimeService;
  private final TransactionTemplate transactions;
  private final BusinessCalendar calendar;
  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final CommandExecutor engineCommands;

  public CertificationImport(CertificationRegister register, DisclosureCatalogue catalogue, RuntimeService runtimeService,
      TransactionTemplate transactions, BusinessCalendar calendar, JdbcClient jdbc, ObjectMapper json,
      ProcessEngine engine) {
    this.engineCommands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
    this.register = register;
    this.catalogue = catalogue;
    this.runtimeService = runtimeService;
    this.transactions = transactions;
    this.calendar = calendar;
    this.jdbc = jdbc;
    this.json = json;
  }

  public record Entry(String certificationNumber, LocalDate certifiedOn, LocalDate firstCertifiedOn, String status,
      LocalDate endedOn, Provider provider, Service service, List<Item> disclosure, List<Withheld> withheldItems,
      LocalDate disclosureDate) {}

  public record Provider(String corporateNumber, String name, String email) {}

  public record Service(String name, String description, String url) {}

  public record Item(String itemId, String value) {}

  public record Withheld(String itemId, String reason) {}

  public record Result(int index, String certificationNumber, String result, List<FieldError> errors) {}

  /**
   * Checks every entry first, then stores the good ones in batches of {@link #BATCH} entries per
   * transaction (one commit, one counter update and JDBC-batched engine inserts per batch instead of
   * per entry). A batch that fails as a whole (a serial used by another number, an entry imported
   * concurrently) is rolled back and stored again one entry per transaction, so one bad entry still
   * stops nothing else. Results are in the order of the entries.
   */
  public List<Result> importAll(List<Entry> entries) {
    Result[] results = new Result[entries.size()];
    List<Integer> good = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Entry entry = entries.get(i);
      String number = entry == null ? null : entry.certificationNumber();
      List<FieldError> errors = entry == null ? List.of(new FieldError("[" + i + "]", "空の項目です")) : check(entry, i);
      if (errors.isEmpty()) {
        good.add(i);
      } else {
        results[i] = new Result(i, number, "REJECTED", errors);
      }
    }
    for (int from = 0; from < good.size(); from += BATCH) {
      List<Integer> batch = good.subList(from, Math.min(good.size(), from + BATCH));
      try {
        transactions.executeWithoutResult(s -> registerBatch(entries, batch, results));
      } catch (DataAccessException e) {
        // Rolled back as a whole: each entry again on its own, to find and report the one that failed.
        for (int i : batch) {
          results[i] = registerOne(entries.get(i), i);
        }
      }
    }
    return List.of(results);
  }

  /**
   * One transaction for a batch of checked entries: those already registered (or repeated earlier in
   * the request) are reported, the others stored. The rows are inserted in the order of their numbers,
   * so two imports of overlapping entries wait for each other instead of deadlocking.
   */
  private void registerBatch(List<Entry> entries, List<Integer> batch, Result[] results) {
    List<String> numbers = batch.stream().map(i -> entries.get(i).certificationNumber()).distinct().toList();
    Set<String> registered = new HashSet<>(jdbc.sql(
            "SELECT certification_number FROM certification WHERE certification_number IN (:numbers)")
        .param("numbers", numbers).query(String.class).list());
    List<Integer> toStore = new ArrayList<>();
    Result[] pending = new Result[results.length];
    for (int i : batch) {
      String number = entries.get(i).certificationNumber();
      if (registered.add(number)) {
        toStore.add(i);
        pending[i] = new Result(i, number, "CREATED", List.of());
      } else {
        pending[i] = new Result(i, number, "ALREADY_REGISTERED", List.of());
      }
    }
    toStore.sort(Comparator.comparing(i -> entries.get(i).certificationNumber()));
    // One engine command around the batch: the process starts inside it share its command context, so
    // the engine writes all their rows in one flush, as JDBC batches across the starts, instead of one
    // flush per start (half of an import's CPU in a profile; docs/performance.md, "Import").
    int highestSerial = engineCommands.execute(context -> {
      int highest = 0;
      for (int i : toStore) {
        highest = Math.max(highest, store(entries.get(i)));
      }
      return highest;
    });
    if (highestSerial > 0) {
      raiseCounter(highestSerial);
    }
    // Only once the whole batch went through: a rolled-back batch is reported by the one-by-one retry.
    for (int i : batch) {
      results[i] = pending[i];
    }
  }

  /** One entry in a transaction of its own (the fall-back of a failed batch). */
  private Result registerOne(Entry entry, int i) {
    String number = entry.certificationNumber();
    for (int attempt = 1; ; attempt++) {
      try {
        return new Result(i, number, transactions.execute(s -> register(entry)), List.of());
      } catch (DataIntegrityViolationException e) {
        if (register.find(number).isPresent()) { // imported concurrently by another request
          return new Result(i, number, "ALREADY_REGISTERED", List.of());
        }
        return new Result(i, number, "REJECTED", List.of(new FieldError("[" + i + "].certificationNumber",
            "認定番号の連番 " + serialText(number) + " は別の認定番号で使われています")));
      } catch (TransientDataAccessException e) {
        // A lock wait that timed out (H2 gives up after its lock timeout, PostgreSQL waits) or a deadlock
        // with a concurrent import's batch: that batch has committed or rolled back by the next attempt.
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private String register(Entry e) {
    if (register.find(e.certificationNumber()).isPresent()) {
      return "ALREADY_REGISTERED";
    }
    raiseCounter(store(e));
    return "CREATED";
  }

  /** Stores a checked entry not registered yet and starts its lifecycle if VALID; returns its serial. */
  private int store(Entry e) {
    CertificationStatus status = e.status() == null ? CertificationStatus.VALID : CertificationStatus.valueOf(e.status());
    int serial = Integer.parseInt(serialText(e.certificationNumber()));
    LocalDate validUntil = Validity.lastDay(e.certifiedOn());
    String withheld = write(e.withheldItems() == null ? List.of() : e.withheldItems());
    register.insert(new Certification(e.certificationNumber(), serial, e.provider().corporateNumber(),
        e.provider().name().strip(), e.service().name().strip(), e.service().description(), e.service().url(), status,
        e.firstCertifiedOn(), e.certifiedOn(), validUntil, e.disclosureDate(),
        write(e.disclosure() == null ? List.of() : e.disclosure()), withheld, null,
        e.endedOn(), null));
    jdbc.sql("UPDATE certification SET contact_email = ?, imported_at = ? WHERE certification_number = ?")
        .params(e.provider().email(), Timestamp.from(calendar.now()), e.certificationNumber()).update();
    register.recordEvent(e.certificationNumber(), "IMPORTED", status, status == CertificationStatus.VALID
        ? e.certifiedOn() : e.endedOn(), "旧台帳から登録", calendar.now());
    if (status == CertificationStatus.VALID) {
      runtimeService.startProcessInstanceByKey(CertificationProcess.KEY, e.certificationNumber(),
          CertificationProcess.startVariables(e.certificationNumber(), e.provider().name().strip(),
              e.service().name().strip()));
    }
    return serial;
  }

  /** New certification numbers continue after the imported serials: one row lock per transaction, taken last. */
  private void raiseCounter(int serial) {
    jdbc.sql("UPDATE app_counter SET counter_value = ? WHERE name = 'certification' AND counter_value < ?")
        .params(serial, serial).update();
  }

  /** The serial of a number that matched NUMBER: the digits between "IoT " and the year-month. */
  private static String serialText(String certificationNumber) {
    Matcher m = NUMBER.matcher(certificationNumber);
    if (!m.matches()) {
      throw new IllegalArgumentException("Not a certification number: " + certificationNumber);
    }
    return m.group(1);
  }

  private List<FieldError> check(Entry e, int i) {
    List<FieldError> errors = new ArrayList<>();
    String p = "[" + i + "].";
    Matcher m = e.certificationNumber() == null ? null : NUMBER.matcher(e.certificationNumber());
    if (m == null || !m.matches()) {
      errors.add(new FieldError(p + "certificationNumber", "認定番号は「IoT NNNN-YYMM」の形式です"));
    } else if (m.group(1).length() > MAX_SERIAL_DIGITS) {
      errors.add(new FieldError(p + "certificationNumber", "連番は" + MAX_SERIAL_DIGITS + "桁までです"));
    } else if (Integer.parseInt(m.group(1)) == 0) {
      errors.add(new FieldError(p + "certificationNumber", "連番は0001以上です"));
    } else if (e.firstCertifiedOn() != null && !m.group(2).equals(e.firstCertifiedOn().format(YYMM))) {
      errors.add(new FieldError(p + "certificationNumber", "認定番号の年月（" + m.group(2) + "）が初回認定日 "
          + e.firstCertifiedOn() + " と一致しません"));
    }
    LocalDate today = calendar.today();
    if (e.certifiedOn() == null) {
      errors.add(new FieldError(p + "certifiedOn", "認定日（certifiedOn）は必須です"));
    } else if (DateRules.pastEvent(e.certifiedOn(), today) != null) {
      errors.add(new FieldError(p + "certifiedOn", "認定日: " + DateRules.pastEvent(e.certifiedOn(), today)));
    }
    if (e.firstCertifiedOn() == null) {
      errors.add(new FieldError(p + "firstCertifiedOn", "初回認定日（firstCertifiedOn）は必須です"));
    } else if (DateRules.pastEvent(e.firstCertifiedOn(), today) != null) {
      errors.add(new FieldError(p + "firstCertifiedOn", "初回認定日: " + DateRules.pastEvent(e.firstCertifiedOn(), today)));
    } else if (e.certifiedOn() != null && e.firstCertifiedOn().isAfter(e.certifiedOn())) {
      errors.add(new FieldError(p + "firstCertifiedOn", "初回認定日が認定日より後です"));
    }
    CertificationStatus status = CertificationStatus.VALID;
    if (e.status() != null) {
      try {
        status = CertificationStatus.valueOf(e.status());
      } catch (IllegalArgumentException x) {
        errors.add(new FieldError(p + "status", "状態は VALID, EXPIRED, REVOKED, LAPSED, TERMINATED のいずれかです"));
      }
      if (status == CertificationStatus.RENEWAL_UNDER_REVIEW) {
        errors.add(new FieldError(p + "status", "更新審査中（RENEWAL_UNDER_REVIEW）は取り込めません。VALID として取り込み、更新申請を登録してください"));
      }
    }
    if (status == CertificationStatus.VALID && e.endedOn() != null) {
      errors.add(new FieldError(p + "endedOn", "有効な認定には終了日（endedOn）を指定しません"));
    }
    if (status != CertificationStatus.VALID && e.endedOn() == null) {
      errors.add(new FieldError(p + "endedOn", "終了した認定には終了日（endedOn）が必要です"));
    }
    if (e.endedOn() != null && DateRules.pastEvent(e.endedOn(), today) != null) {
      errors.add(new FieldError(p + "endedOn", "終了日: " + DateRules.pastEvent(e.endedOn(), today)));
    } else if (e.endedOn() != null && e.certifiedOn() != null && e.endedOn().isBefore(e.certifiedOn())) {
      errors.add(new FieldError(p + "endedOn", "終了日が認定日より前です"));
    }
    if (e.provider() == null || !CorporateNumber.isValid(e.provider().corporateNumber())) {
      errors.add(new FieldError(p + "provider.corporateNumber", "法人番号（13桁、チェックデジット付き）が正しくありません"));
    }
    if (e.provider() == null || e.provider().name() == null || e.provider().name().isBlank()) {
      errors.add(new FieldError(p + "provider.name", "事業者名は必須です"));
    }
    if (e.service() == null || e.service().name() == null || e.service().name().isBlank()) {
      errors.add(new FieldError(p + "service.name", "サービス名称は必須です"));
    }
    Set<String> seen = new HashSet<>();
    List<Item> disclosure = e.disclosure() == null ? List.of() : e.disclosure();
    for (int j = 0; j < disclosure.size(); j++) {
      Item item = disclosure.get(j);
      if (item == null || item.itemId() == null || !catalogue.contains(item.itemId()) || !seen.add(item.itemId())) {
        errors.add(new FieldError(p + "disclosure[" + j + "].itemId", "開示項目一覧にない、又は重複した項目IDです"));
      } else if (item.value() == null || item.value().isBlank() || item.value().length() > 4000) {
        errors.add(new FieldError(p + "disclosure[" + j + "].value", "開示内容を4000文字以内で入力してください"));
      }
    }
    List<Withheld> withheld = e.withheldItems() == null ? List.of() : e.withheldItems();
    for (int j = 0; j < withheld.size(); j++) {
      Withheld w = withheld.get(j);
      // A misspelt id would publish what was to be withheld (第11条2): refuse it.
      if (w == null || w.itemId() == null || !catalogue.contains(w.itemId())) {
        errors.add(new FieldError(p + "withheldItems[" + j + "].itemId", "開示項目一覧にない項目IDです"));
      }
    }
    return errors;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException x) {
      throw new IllegalStateException(x);
    }
  }
}
