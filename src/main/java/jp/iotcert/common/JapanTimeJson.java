package jp.iotcert.common;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One date convention in the API's answers (and the notices they list): a moment is written in
 * Japan time with its offset, {@code 2026-12-10T09:30:00+09:00}, never as UTC {@code …Z}; dates
 * without a time stay {@code 2026-12-10}. This is the application's ObjectMapper (Spring MVC, /api):
 * the engine REST API (/engine-rest), which Tasklist and Cockpit read, keeps its own format.
 */
@Configuration
public class JapanTimeJson {

  /** Every {@link Instant} the application writes as JSON, whichever record or map holds it. */
  @Bean
  Jackson2ObjectMapperBuilderCustomizer japanTimeInstants() {
    return builder -> builder.serializerByType(Instant.class, new InstantInJapan());
  }

  /** An instant as an ISO offset date-time in {@link BusinessCalendar#ZONE}. */
  static final class InstantInJapan extends StdSerializer<Instant> {

    InstantInJapan() {
      super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator out, SerializerProvider provider) throws IOException {
      out.writeString(format(value));
    }

    static String format(Instant value) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value.atZone(BusinessCalendar.ZONE).toOffsetDateTime());
    }
  }
}
