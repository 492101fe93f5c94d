package jp.iotcert.common;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Text bodies of /api are read by {@link StrictTextBodyConverter} (in place of Spring's own string
 * converter, same position): limited to {@code iotcert.api.max-body-size} and strictly decoded.
 * Multipart documents keep their own limits (spring.servlet.multipart.*, iotcert.documents.max-size).
 */
@Configuration
public class ApiInputConfiguration implements WebMvcConfigurer {

  private final DataSize maxBodySize;

  public ApiInputConfiguration(@Value("${iotcert.api.max-body-size:1MB}") DataSize maxBodySize) {
    this.maxBodySize = maxBodySize;
  }

  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    StrictTextBodyConverter strict = new StrictTextBodyConverter(maxBodySize.toBytes());
    boolean replaced = false;
    for (int i = 0; i < converters.size(); i++) {
      if (converters.get(i) instanceof StringHttpMessageConverter) {
        converters.set(i, strict);
        replaced = true;
      }
    }
    if (!replaced) {
      converters.add(0, strict);
    }
  }
}
