package jp.iotcert.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of /api is application/problem+json (RFC 9457), with a Japanese detail. Not limited
 * to a package: errors raised before a controller is chosen (an upload over the size limit) must
 * be answered here too. The engine's REST API and webapps are JAX-RS and keep their own errors.
 */
@RestControllerAdvice
public class ProblemHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

  /** Errors listed in one problem; the rest are counted, so hostile input cannot inflate the answer. */
  static final int MAX_LISTED_ERRORS = 50;

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
    List<InvalidInputException.FieldError> errors = e.errors();
    String detail = TaskInput.clip(e.getMessage(), 500);
    if (errors.size() > MAX_LISTED_ERRORS) {
      detail = detail + "（誤り " + errors.size() + " 件のうち最初の " + MAX_LISTED_ERRORS + " 件を示します）";
    }
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "入力内容に誤りがあります", detail);
    problem.setProperty("errors", errors.stream().limit(MAX_LISTED_ERRORS)
        .map(f -> new InvalidInputException.FieldError(TaskInput.clip(f.field(), 200), TaskInput.clip(f.message(), 500)))
        .toList());
    if (errors.size() > MAX_LISTED_ERRORS) {
      problem.setProperty("omittedErrors", errors.size() - MAX_LISTED_ERRORS);
    }
    return respond(problem);
  }

  @ExceptionHandler(BodyTooLargeException.class)
  ResponseEntity<ProblemDetail> bodyTooLarge(BodyTooLargeException e) {
    return respond(problem(HttpStatus.PAYLOAD_TOO_LARGE, "リクエストが大きすぎます", e.getMessage()));
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<ProblemDetail> conflict(ConflictException e) {
    return respond(problem(HttpStatus.CONFLICT, "現在の状態では受け付けられません", e.getMessage()));
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
    return respond(problem(HttpStatus.NOT_FOUND, "見つかりません", e.getMessage()));
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
    return respond(problem(HttpStatus.NOT_FOUND, "見つかりません", "指定されたURLは存在しません。"));
  }

  @ExceptionHandler({HttpMessageNotReadableException.class, JsonProcessingException.class})
  ResponseEntity<ProblemDetail> unreadable(Exception e) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "入力内容に誤りがあります",
        "JSONとして読み取れません。形式を確認してください。");
    problem.setProperty("errors", List.of(new InvalidInputException.FieldError("body", "JSONの形式が正しくありません")));
    return respond(problem);
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e) {
    String message = "パート「" + e.getRequestPartName() + "」が必要です";
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "入力内容に誤りがあります", message);
    problem.setProperty("errors", List.of(new InvalidInputException.FieldError(e.getRequestPartName(), message)));
    return respond(problem);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
    String message = "パラメータ「" + e.getParameterName() + "」が必要です";
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "入力内容に誤りがあります", message);
    problem.setProperty("errors", List.of(new InvalidInputException.FieldError(e.getParameterName(), message)));
    return respond(problem);
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
    return respond(problem(HttpStatus.PAYLOAD_TOO_LARGE, "ファイルが大きすぎます",
        "アップロードできるサイズの上限を超えています。"));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
    return respond(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "形式が受け付けられません",
        "Content-Type " + e.getContentType() + " は受け付けられません。"));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
    return respond(problem(HttpStatus.METHOD_NOT_ALLOWED, "メソッドが受け付けられません",
        e.getMethod() + " はこのURLでは使えません。"));
  }

  /** Anything unexpected: logged with its cause, answered without internals. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    if (e instanceof ErrorResponse known) {
      // Spring MVC's own client errors (406, 405, ...) keep their status.
      ProblemDetail body = known.getBody();
      return respond(problem(HttpStatus.valueOf(known.getStatusCode().value()), body.getTitle(),
          body.getDetail() == null ? body.getTitle() : body.getDetail()));
    }
    if (DatabaseUnavailable.causedBy(e)) {
      LOG.warn("Database unavailable: answered 503 ({})", e.toString());
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS))
          .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(DatabaseUnavailable.problem());
    }
    LOG.error("Unexpected error in the API", e);
    return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "処理できませんでした",
        "予期しないエラーが発生しました。時間をおいて再度お試しください。解決しない場合は事務局にお問い合わせください。"));
  }

  public static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create("about:blank"));
    return problem;
  }

  static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  /** Used by the security entry points, which write outside Spring MVC. */
  public static Map<String, Object> asMap(ProblemDetail problem) {
    return Map.of("type", String.valueOf(problem.getType()), "title", problem.getTitle(),
        "status", problem.getStatus(), "detail", problem.getDetail());
  }
}
