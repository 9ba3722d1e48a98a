package io.crosscount.extract;

import java.util.List;

/** The expected cell of the stage tests' tables: items separated by " ; ", or "-" for none. */
final class TableRows {
    private TableRows() {}

    static List<String> of(String cell) {
        return cell.equals("-") ? List.of() : List.of(cell.split(" ; "));
    }
}
