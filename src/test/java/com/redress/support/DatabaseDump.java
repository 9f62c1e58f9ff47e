package com.redress.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * Searches every row of every table for texts, as an auditor with a full dump of the database
 * would: text columns and binary ones (the engine keeps large variables, stack traces and
 * deployments as bytes) read as UTF-8. For proving where personal data is, and is not, kept.
 */
public final class DatabaseDump {

  private DatabaseDump() {
  }

  /** The places ("TABLE.COLUMN") holding any of {@code texts}, in the tables {@code tables} accepts (names in upper case). */
  public static List<String> placesHolding(DataSource dataSource, Predicate<String> tables, String... texts) {
    TreeSet<String> places = new TreeSet<>();
    try (Connection connection = dataSource.getConnection()) {
      for (String table : tableNames(connection)) {
        if (!tables.test(table.toUpperCase(Locale.ROOT))) {
          continue;
        }
        try (Statement select = connection.createStatement();
            ResultSet rows = select.executeQuery("SELECT * FROM \"" + table + "\"")) {
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            for (int column = 1; column <= columns; column++) {
              String value = text(rows.getObject(column));
              for (String text : texts) {
                if (value != null && value.contains(text)) {
                  places.add(table.toUpperCase(Locale.ROOT) + "." + rows.getMetaData().getColumnName(column)
                      .toUpperCase(Locale.ROOT));
                }
              }
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return new ArrayList<>(places);
  }

  private static List<String> tableNames(Connection connection) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      while (tables.next()) {
        String schema = tables.getString("TABLE_SCHEM");
        if (schema == null || schema.equalsIgnoreCase("PUBLIC")) {
          names.add(tables.getString("TABLE_NAME"));
        }
      }
    }
    return names;
  }

  private static String text(Object value) throws SQLException {
    try {
      if (value instanceof byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
      }
      if (value instanceof Blob blob) {
        try (InputStream in = blob.getBinaryStream()) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
      if (value instanceof Clob clob) {
        try (Reader in = clob.getCharacterStream()) {
          StringBuilder text = new StringBuilder();
          char[] buffer = new char[8192];
          for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            text.append(buffer, 0, read);
          }
          return text.toString();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return value == null ? null : value.toString();
  }
}
