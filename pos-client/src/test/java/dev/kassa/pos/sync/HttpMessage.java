package dev.kassa.pos.sync;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Just enough HTTP/1.1 to read a request off a socket and write a response back, for the proxy. */
record HttpMessage(String method, String target, List<String[]> headers, byte[] body) {

  private static final int MAX_HEAD = 64 * 1024;

  /** Reads one request, or returns null when the client closed the connection between requests. */
  static HttpMessage readRequest(InputStream in) throws IOException {
    String requestLine = readLine(in, true);
    if (requestLine == null) {
      return null;
    }
    String[] parts = requestLine.split(" ");
    if (parts.length != 3) {
      throw new IOException("bad request line");
    }
    List<String[]> headers = new ArrayList<>();
    long contentLength = 0;
    boolean chunked = false;
    int headBytes = requestLine.length();
    for (String line = readLine(in, false); !line.isEmpty(); line = readLine(in, false)) {
      headBytes += line.length();
      if (headBytes > MAX_HEAD) {
        throw new IOException("request head too large");
      }
      int colon = line.indexOf(':');
      String name = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("content-length")) {
        contentLength = Long.parseLong(value);
      } else if (lower.equals("transfer-encoding") && value.equalsIgnoreCase("chunked")) {
        chunked = true;
      }
      headers.add(new String[] {name, value});
    }
    byte[] body = chunked ? readChunked(in) : in.readNBytes((int) contentLength);
    if (!chunked && body.length != contentLength) {
      throw new EOFException("request body cut short");
    }
    return new HttpMessage(parts[0], parts[1], headers, body);
  }

  static void writeResponse(OutputStream out, int status, List<String[]> headers, byte[] body) throws IOException {
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\n");
    for (String[] header : headers) {
      head.append(header[0]).append(": ").append(header[1]).append("\r\n");
    }
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
  }

  private static byte[] readChunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = readLine(in, false);
      int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
      if (size == 0) {
        while (!readLine(in, false).isEmpty()) {
          // trailers are dropped
        }
        return body.toByteArray();
      }
      byte[] chunk = in.readNBytes(size);
      if (chunk.length != size) {
        throw new EOFException("chunk cut short");
      }
      body.write(chunk);
      readLine(in, false);
    }
  }

  private static String readLine(InputStream in, boolean eofAllowed) throws IOException {
    StringBuilder line = new StringBuilder();
    while (true) {
      int b = in.read();
      if (b < 0) {
        if (eofAllowed && line.length() == 0) {
          return null;
        }
        throw new EOFException("connection closed mid-line");
      }
      if (b == '\n') {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
          line.setLength(end - 1);
        }
        return line.toString();
      }
      if (line.length() > MAX_HEAD) {
        throw new IOException("line too long");
      }
      line.append((char) b);
    }
  }
}
