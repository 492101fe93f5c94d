package jp.iotcert.config;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import jp.iotcert.common.ProblemHandler;
import jp.iotcert.common.ProblemWriter;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Requests refused before any controller runs are answered as problem+json with a Japanese detail,
 * like every other refusal, instead of an HTML page: those refused by Spring Security's
 * StrictHttpFirewall (encoded dots, `;` path parameters, encoded backslash...) through a
 * {@link RequestRejectedHandler} (Spring Security picks the bean up), and those Tomcat refuses
 * itself before Spring (an encoded slash `%2F`, `%00`, a malformed URI) through Tomcat's error report
 * valve, replaced by {@link ProblemReportValve}.
 */
@Configuration
public class RejectedRequestConfig {

  static final String BAD_REQUEST_DETAIL = "URLまたはリクエストの形式が正しくありません（使えない文字や記号が含まれています）。";

  @Bean
  RequestRejectedHandler problemRequestRejectedHandler(ProblemWriter writer) {
    return (request, response, rejected) -> {
      ProblemDetail problem = ProblemHandler.problem(HttpStatus.BAD_REQUEST, "リクエストを受け付けられません",
          BAD_REQUEST_DETAIL);
      writer.write(response, problem);
    };
  }

  /** Runs after Spring Boot's own customizer, which installs a plain ErrorReportValve on the host. */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
    return new OrderedCustomizer();
  }

  private static final class OrderedCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
      factory.addContextCustomizers(context -> {
        Host host = (Host) context.getParent();
        for (Valve valve : host.getPipeline().getValves()) {
          if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
            host.getPipeline().removeValve(valve);
          }
        }
        host.getPipeline().addValve(new ProblemReportValve());
        // The host would otherwise add Tomcat's default valve at start.
        if (host instanceof StandardHost standard) {
          standard.setErrorReportValveClass(ProblemReportValve.class.getName());
        }
      });
    }
  }

  /** Tomcat's error report as problem+json: no server details, a Japanese detail per status. */
  public static class ProblemReportValve extends ErrorReportValve {

    public ProblemReportValve() {
      setShowReport(false);
      setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0) {
        return;
      }
      AtomicBoolean ioAllowed = new AtomicBoolean(false);
      response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
      if (!ioAllowed.get()) {
        return;
      }
      String body = "{\"type\":\"about:blank\",\"title\":\"" + title(status) + "\",\"status\":" + status
          + ",\"detail\":\"" + detail(status) + "\"}";
      try {
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(body);
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // The client is gone or the response was committed meanwhile: nothing more to say.
      }
    }

    private static String title(int status) {
      return switch (status) {
        case 400 -> "リクエストを受け付けられません";
        case 404 -> "見つかりません";
        case 413 -> "リクエストが大きすぎます";
        case 414, 431 -> "リクエストが長すぎます";
        default -> status < 500 ? "リクエストを受け付けられません" : "処理できませんでした";
      };
    }

    private static String detail(int status) {
      return switch (status) {
        case 400 -> BAD_REQUEST_DETAIL;
        case 404 -> "指定されたURLは存在しません。";
        case 413 -> "リクエストの本文が上限を超えています。";
        case 414, 431 -> "URLまたはヘッダーが長すぎます。";
        default -> status < 500 ? "このリクエストは受け付けられません。"
            : "予期しないエラーが発生しました。時間をおいて再度お試しください。";
      };
    }
  }
}
