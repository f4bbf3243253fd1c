package org.plenary.reports;

import java.util.List;

/**
 * One part of an export: a sheet of an XLSX workbook, or a CSV file. Values are typed:
 * {@code String}, {@code Number}, {@code java.time.Instant} or null.
 */
record Table(String name, List<String> headers, List<List<Object>> rows) {
}
