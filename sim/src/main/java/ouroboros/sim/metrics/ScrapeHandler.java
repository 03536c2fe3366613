package ouroboros.sim.metrics;

import io.prometheus.metrics.exporter.common.PrometheusHttpExchange;
import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import io.prometheus.metrics.exporter.common.PrometheusHttpResponse;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Objects;
import ouroboros.sim.serve.Exchange;
import ouroboros.sim.serve.Handler;

/**
 * Serves a Prometheus registry on an {@link ouroboros.sim.serve.HttpEndpoints} server with the
 * Prometheus client's own {@link PrometheusScrapeHandler}, so that the exposition (content
 * negotiation between the text format, OpenMetrics and protobuf, gzip, {@code name[]} filters) is
 * the one its HTTPServer would give. A client that goes away mid-response ends the exchange
 * quietly: the error is rethrown to the server, which logs it at {@code FINE}.
 */
final class ScrapeHandler implements Handler {
  private final PrometheusScrapeHandler scrape;

  /** Serves {@code registry}. */
  ScrapeHandler(PrometheusRegistry registry) {
    this.scrape = new PrometheusScrapeHandler(Objects.requireNonNull(registry, "registry"));
  }

  @Override
  public void handle(Exchange x) throws IOException {
    scrape.handleRequest(new Adapter(x));
  }

  /** The Prometheus client's view of an exchange. */
  private record Adapter(Exchange x) implements PrometheusHttpExchange {
    @Override
    public PrometheusHttpRequest getRequest() {
      return new PrometheusHttpRequest() {
        @Override
        public String getQueryString() {
          return x.request().query();
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
          return Collections.enumeration(x.request().header(name));
        }

        @Override
        public String getMethod() {
          return x.method();
        }

        @Override
        public String getRequestPath() {
          return x.path();
        }
      };
    }

    @Override
    public PrometheusHttpResponse getResponse() {
      return new PrometheusHttpResponse() {
        @Override
        public void setHeader(String name, String value) {
          x.header(name, value);
        }

        @Override
        public OutputStream sendHeadersAndGetBody(int status, int contentLength)
            throws IOException {
          if (contentLength > 0) {
            x.header("Content-Length", Integer.toString(contentLength));
          }
          // The body ends with the connection, or after Content-Length bytes when it is known.
          return x.stream(status, null);
        }
      };
    }

    @Override
    public void handleException(IOException e) throws IOException {
      throw e;
    }

    @Override
    public void handleException(RuntimeException e) {
      throw e;
    }

    @Override
    public void close() {
      // The server closes the connection after the exchange.
    }
  }
}
