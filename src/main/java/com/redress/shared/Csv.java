package com.redress.shared;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** RFC 4180 CSV for downloads: a row of cells, quoted when needed, ended by CRLF. */
public final class Csv {

  public static final MediaType MEDIA_TYPE = new MediaType("text", "csv", StandardCharsets.UTF_8);
  /**
   * Excel (as used in China) reads a CSV file without it in the system's code page (GBK) and
   * garbles every Chinese name; with it, as UTF-8.
   */
  static final String BYTE_ORDER_MARK = "\uFEFF";

  private Csv() {
  }

  /** A CSV file to download as {@code filename}: UTF-8, with the byte order mark spreadsheets need. */
  public static ResponseEntity<String> download(String filename, String csv) {
    return ResponseEntity.ok().contentType(MEDIA_TYPE)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
        .body(BYTE_ORDER_MARK + csv);
  }

  /** One line; null cells stay empty, other values are written with {@code toString()}. */
  public static String row(Object... cells) {
    return Arrays.stream(cells).map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
  }

  /**
   * Text from users (a survey comment, a reason) as a cell a spreadsheet shows and never runs:
   * a leading {@code = + - @}, tab or carriage return would start a formula, so it gets a {@code '}.
   */
  public static String inert(String text) {
    return text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }

  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
