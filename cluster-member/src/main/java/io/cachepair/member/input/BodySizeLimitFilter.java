package io.cachepair.member.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cachepair.member.problem.ApiProblem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over their limit with 413: by {@code Content-Length} before anything is
 * read, and for bodies without a length by counting while they are read.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

  static final String BATCH_PATH = "/api/dishes/batch";

  private final long maxBody;
  private final long maxBatchBody;
  private final ObjectMapper json;

  /**
   * Creates the filter.
   *
   * @param limits the limits
   * @param json writes the 413 problem
   */
  public BodySizeLimitFilter(InputProperties limits, ObjectMapper json) {
    this.maxBody = limits.maxBodySize().toBytes();
    this.maxBatchBody = limits.maxBatchBodySize().toBytes();
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = BATCH_PATH.equals(request.getRequestURI()) ? maxBatchBody : maxBody;
    long length = request.getContentLengthLong();
    if (length > limit) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.PAYLOAD_TOO_LARGE,
              "the request body has " + length + " bytes; at most " + limit + " are accepted here");
      problem.setType(URI.create(ApiProblem.TYPE_BASE + "body-too-large"));
      problem.setTitle("Request body too large");
      response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      // the client may still be sending: do not keep the connection for the rest of it
      response.setHeader("Connection", "close");
      json.writeValue(response.getOutputStream(), problem);
      return;
    }
    chain.doFilter(new Limited(request, limit), response);
  }

  /** The request with a body stream that fails once more than the limit was read. */
  private static final class Limited extends HttpServletRequestWrapper {

    private final long limit;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new Counting(super.getInputStream(), limit);
      }
      return stream;
    }
  }

  private static final class Counting extends ServletInputStream {

    private final ServletInputStream in;
    private final long limit;
    private long read;

    Counting(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws BodyTooLargeException {
      read += n;
      if (read > limit) {
        throw new BodyTooLargeException(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
