"""A learner's own table, read from the bytes of an upload or a pasted text, with plain words for
everything that goes wrong.

``read`` turns bytes into a :class:`Table` of numeric columns or raises :class:`TableError`
with one sentence a product manager can act on; ``pair`` picks two of its columns and returns
the rows a page learns on (:class:`playground.models.dataset.Pair`), saying what it dropped and
why. Nothing here keeps, writes or logs the data: it lives in the caller's session only.

Pure pandas and numpy, no Streamlit.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np
import pandas as pd

from playground.format import amount, plural
from playground.models.dataset import Pair, Quantity
from playground.quote import quote

MAX_ROWS = 2_000  # rows a page learns on; a longer table is sampled down to this many, the same rows every time
MIN_ROWS = 10  # fewer rows cannot show a line's misses, let alone hold some back for validation
MAX_UPLOAD_MB = 50  # server.maxUploadSize in .streamlit/config.toml; the control says it
SAMPLE_SEED = 0

_SAVE_AS_CSV = "Open it in Excel, Numbers or Google Sheets, save or download it as CSV, and upload that file."
_CSV_ONLY = "The app reads tables saved as CSV: plain text, one row per line, cells separated by commas."
_SIGNATURES = (
    (b"PK\x03\x04", "an Excel workbook (.xlsx) or another zipped file", _SAVE_AS_CSV),
    (b"\xd0\xcf\x11\xe0", "an older Excel workbook (.xls)", _SAVE_AS_CSV),
    (b"\x89PNG", "an image (PNG)", _CSV_ONLY),
    (b"\xff\xd8\xff", "an image (JPEG)", _CSV_ONLY),
    (b"GIF8", "an image (GIF)", _CSV_ONLY),
    (b"%PDF", "a PDF document", _CSV_ONLY),
)
_SEPARATORS = (",", ";", "\t", "|")
_MISSING = frozenset({"", "na", "n/a", "nan", "null", "none", "-", "?", "#n/a"})
_CURRENCY = "$€£¥"
_STRIP = re.compile(rf"[\s\u00a0\u202f'’{re.escape(_CURRENCY)}%]")


class TableError(ValueError):
    """A table the app cannot learn from; the message says why and what to do."""


@dataclass(frozen=True)
class Column:
    """One column's numbers (NaN where a cell is missing or not a number) and how they read."""

    quantity: Quantity
    values: np.ndarray
    empty: np.ndarray  # bool per row: an empty cell or a word for missing (NA, NaN, null)


@dataclass(frozen=True)
class Table:
    """The numeric columns of a file, in its order, and what reading it noticed."""

    source: str
    rows: int
    columns: dict[str, Column]
    notes: tuple[str, ...]

    @property
    def names(self) -> list[str]:
        return list(self.columns)


def _decode(raw: bytes) -> tuple[str, list[str]]:
    """The text of a file and a note if it was not UTF-8."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), [
            "The file was saved as UTF-16 (Excel's \u201cUnicode text\u201d); it was read as such."
        ]
    for kind, what, advice in _SIGNATURES:
        if raw.startswith(kind):
            raise TableError(f"This file is {what}, not a CSV table. {advice}")
    if b"\x00" in raw[:4096]:
        raise TableError(f"This file holds binary data, not text, so it is not a CSV table. {_CSV_ONLY}")
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        return raw.decode("latin-1"), ["The file is not UTF-8; it was read as Latin-1 (Western European)."]


def _separator(lines: list[str]) -> str:
    """The separator that splits the header into the most columns and the rows into as many."""

    def score(sep: str) -> tuple[int, int]:
        counts = [len(row) for row in csv.reader(lines, delimiter=sep)]
        return (sum(c == counts[0] for c in counts) if counts[0] > 1 else 0), counts[0]

    return max(_SEPARATORS, key=score)


def _names(header: list[str]) -> tuple[list[str], list[str]]:
    """Unique, non-empty column names, and a note for each one that had to change."""
    names, notes, seen = [], [], Counter()
    given = {raw.strip() for raw in header}
    for i, raw in enumerate(header, start=1):
        name = raw.strip() or f"Column {i}"
        seen[name] += 1
        if seen[name] > 1:
            shown, k = f"{name} ({seen[name]})", seen[name]
            while shown in seen or shown in given:  # "a (2)" may be a column of its own
                k += 1
                shown = f"{name} ({k})"
            seen[shown] += 1
            notes.append(f"Two columns are called {quote(name)}; the one in position {i} is shown as {quote(shown)}.")
            name = shown
        names.append(name)
    return names, notes


def _is_number(cell: str) -> bool:
    """Whether a header cell is a plain number (so the header is really a first row of data)."""
    try:
        float(cell.strip().replace(",", "."))
    except ValueError:
        return False
    return True


def _unit(cells: pd.Series) -> tuple[str, str]:
    """The currency sign most cells start with and a percent sign most end with, if any."""
    filled = cells[cells != ""]
    if filled.empty:
        return "", ""
    signs = filled.str.extract(rf"([{re.escape(_CURRENCY)}])", expand=False).dropna()
    prefix = signs.mode().iloc[0] if len(signs) * 2 > len(filled) else ""
    suffix = "%" if filled.str.endswith("%").sum() * 2 > len(filled) else ""
    return prefix, suffix


def _numbers(cells: pd.Series, decimal_comma: bool) -> tuple[np.ndarray, np.ndarray]:
    """Each cell as a number (NaN if none) and whether it was missing. Plain numbers are read at
    once; only the cells that are not (signs, separators, decimal commas) are cleaned first."""
    missing = cells.str.lower().isin(_MISSING).to_numpy()
    values = np.full(len(cells), np.nan) if decimal_comma else pd.to_numeric(cells, errors="coerce").to_numpy(float)
    values = np.array(values, dtype=float)
    redo = np.isnan(values) & ~missing
    if redo.any():
        text = cells[redo].str.replace(_STRIP, "", regex=True)
        if decimal_comma:
            text = text.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
        else:
            text = text.str.replace(",", "", regex=False)
        values[redo] = pd.to_numeric(text, errors="coerce").to_numpy(float)
    values[missing] = np.nan
    return values, missing


def _uses_decimal_comma(cells: pd.Series, separator: str) -> bool:
    """Whether commas in this column mark decimals (1,5 in a semicolon file), not thousands."""
    if separator == ",":
        return False
    return bool(
        cells.str.contains(r"\d,\d", regex=True).any() and not cells.str.contains(r",\d{3}\.", regex=True).any()
    )


def read(raw: bytes, source: str) -> Table:
    """The numeric columns of a CSV file (or pasted table) given as bytes.

    Accepts commas, semicolons, tabs or bars between cells; UTF-8 (with or without a byte-order
    mark), UTF-16 and Latin-1; thousands separators, currency and percent signs; decimal
    commas in files not separated by commas. Raises :class:`TableError` for anything else.
    """
    if not raw.strip():
        raise TableError("The file is empty: there is no table to read.")
    text, notes = _decode(raw)
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise TableError("The file is empty: there is no table to read.")
    sep = _separator(lines[:50])
    header = next(csv.reader(lines[:1], delimiter=sep))
    if len(header) < 2:
        raise TableError(
            "Only one column was found. The app needs two: one to learn from and one to predict. "
            "Separate the columns with commas, semicolons or tabs."
        )
    headless = all(_is_number(cell) for cell in header)  # the first row is data: there are no names
    names, renamed = ([f"Column {i}" for i in range(1, len(header) + 1)], []) if headless else _names(header)
    notes += renamed
    if headless:
        notes.append("The first row holds numbers, not names: it was read as data, and the columns are numbered.")
    try:
        frame = pd.read_csv(
            io.StringIO(text.lstrip("\ufeff")),
            sep=sep,
            header=None,
            skiprows=0 if headless else 1,
            names=names,
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=True,
            on_bad_lines="skip",
            engine="c",
        )
    except (pd.errors.ParserError, ValueError) as error:
        raise TableError(
            f"The table could not be read as CSV ({quote(str(error), 120)}). Check that it is a CSV file."
        ) from None
    skipped = len(lines) - (0 if headless else 1) - len(frame)
    if skipped > 0:
        notes.append(f"{plural(skipped, 'line')} had more cells than the header and were left out.")
    if frame.empty:
        raise TableError("The file has a header but no rows of data.")
    columns, text_columns = {}, []
    for name in names:
        cells = frame[name].fillna("").astype(str).str.strip()
        decimal_comma = _uses_decimal_comma(cells, sep)
        values, missing = _numbers(cells, decimal_comma)
        filled = int((~missing).sum())
        readable = int(np.isfinite(values).sum() + np.isinf(values).sum())
        if filled == 0 or readable * 2 <= filled:
            text_columns.append(name)
            continue
        if decimal_comma:
            notes.append(f"{quote(name)} writes decimals with a comma (1,5 for one and a half); read that way.")
        prefix, suffix = _unit(cells)
        columns[name] = Column(Quantity(name, prefix, suffix), values, missing)
    if not columns:
        raise TableError(
            "No column holds numbers. The app learns a line from one number to another, such as "
            "price and conversion rate; text columns (names, dates, categories) cannot be used."
        )
    if len(columns) < 2:
        only = next(iter(columns))
        raise TableError(
            f"Only one column, {quote(only)}, holds numbers; the app needs two: one to learn from and one to predict."
        )
    if text_columns:
        shown = ", ".join(quote(n) for n in text_columns[:5]) + (" and more" if len(text_columns) > 5 else "")
        notes.append(f"Left out as text, not numbers: {shown}.")
    return Table(source, len(frame), columns, tuple(notes))


def pair(table: Table, x_name: str, y_name: str) -> Pair:
    """The rows of two columns that a line can learn from, at most :data:`MAX_ROWS` of them.

    Rows where either cell is missing, not a number or infinite are dropped and counted; a
    longer table is sampled (the same rows every time). Raises :class:`TableError` when the
    columns are the same, too few rows are left, or the input never changes.
    """
    if x_name == y_name:
        raise TableError("Pick two different columns: one to learn from and one to predict.")
    x_col, y_col = table.columns[x_name], table.columns[y_name]
    x, y = x_col.values, y_col.values
    empty = x_col.empty | y_col.empty
    text = ~empty & (np.isnan(x) | np.isnan(y))
    infinite = np.isinf(x) | np.isinf(y)
    notes = []
    for rows, what in (
        (empty, "a missing value (blank, NA or NaN)"),
        (text, "text where a number belongs"),
        (infinite, "an infinite value"),
    ):
        if rows.any():
            notes.append(f"{plural(int(rows.sum()), 'row')} dropped for {what} in {quote(x_name)} or {quote(y_name)}.")
    keep = np.isfinite(x) & np.isfinite(y)
    x, y = x[keep], y[keep]
    if len(x) < MIN_ROWS:
        raise TableError(
            f"Only {plural(len(x), 'row')} with a number in both {quote(x_name)} and {quote(y_name)}; "
            f"at least {MIN_ROWS} are needed to learn a line and see its misses."
        )
    if np.ptp(x) == 0:
        raise TableError(
            f"{quote(x_name)} has the same value, {amount(x[0], x_col.quantity.prefix, x_col.quantity.suffix)}, "
            "in every row: no line can be learned from an input that never changes. Pick another input column."
        )
    if np.ptp(x) <= 1e-9 * np.max(np.abs(x)):
        raise TableError(f"{quote(x_name)} barely changes from row to row: too little spread to learn a slope from.")
    if len(x) > MAX_ROWS:
        chosen = np.sort(np.random.default_rng(SAMPLE_SEED).choice(len(x), MAX_ROWS, replace=False))
        notes.append(
            f"{len(x):,} usable rows; the pages learn on {MAX_ROWS:,} of them, "
            "picked at random (the same ones every time), so every page answers at once."
        )
        x, y = x[chosen], y[chosen]
    return Pair(x.copy(), y.copy(), x_col.quantity, y_col.quantity, table.source, (*table.notes, *notes))
