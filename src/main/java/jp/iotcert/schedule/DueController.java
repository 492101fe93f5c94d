package jp.iotcert.schedule;

import jp.iotcert.common.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/manager/due?days=28: what is due across all instances (docs/api.md), for managers and
 * staff (config/SecurityConfig). {@code days} is read as text, so that "abc" is refused in Japanese
 * like 0 or 400, not as a conversion error.
 */
@RestController
public class DueController {

  private final DueWork dueWork;

  public DueController(DueWork dueWork) {
    this.dueWork = dueWork;
  }

  @GetMapping("/api/manager/due")
  public DueWork.DueList due(@RequestParam(name = "days", required = false) String days) {
    return dueWork.within(days(days));
  }

  static int days(String text) {
    if (text == null) {
      return DueWork.DEFAULT_DAYS;
    }
    String message = "日数は " + DueWork.MIN_DAYS + " から " + DueWork.MAX_DAYS + " までの整数で指定してください";
    if (!text.matches("[0-9]{1,3}")) {
      throw new InvalidInputException("days", message);
    }
    int value = Integer.parseInt(text);
    if (value < DueWork.MIN_DAYS || value > DueWork.MAX_DAYS) {
      throw new InvalidInputException("days", message);
    }
    return value;
  }
}
