"""Reading a learner's table: every kind of file people really have, and a plain sentence for
each one the app cannot use."""

import numpy as np
import pytest

from playground import tables
from playground.models import linear


def csv(*rows: str, sep: str = ",") -> bytes:
    return "\n".join(rows).encode()


def line(n: int = 20, w: float = 3.0, b: float = 1.0) -> bytes:
    return csv("x,y", *(f"{i},{w * i + b}" for i in range(n)))


def message(raw: bytes, x: str | None = None, y: str | None = None) -> str:
    with pytest.raises(tables.TableError) as caught:
        table = tables.read(raw, "t.csv")
        tables.pair(table, x or table.names[0], y or table.names[-1])
    return str(caught.value)


def test_a_plain_csv_gives_its_numeric_columns_and_the_rows_as_they_are():
    table = tables.read(line(), "t.csv")
    assert table.names == ["x", "y"] and table.rows == 20
    pair = tables.pair(table, "x", "y")
    np.testing.assert_array_equal(pair.x, np.arange(20.0))
    np.testing.assert_array_equal(pair.y, 3 * np.arange(20.0) + 1)
    assert pair.source == "t.csv" and pair.notes == ()


def test_an_empty_file_says_so():
    assert "empty" in message(b"")
    assert "empty" in message(b"\n \n")
    assert "no rows" in message(b"x,y\n")


@pytest.mark.parametrize(
    ("start", "what", "advice"),
    [
        (b"PK\x03\x04\x14\x00", "Excel workbook", "save or download it as CSV"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1", "older Excel workbook", "save or download it as CSV"),
        (b"\x89PNG\r\n\x1a\n", "image (PNG)", "saved as CSV"),
        (b"\xff\xd8\xff\xe0", "image (JPEG)", "saved as CSV"),
        (b"%PDF-1.7", "PDF", "saved as CSV"),
        (b"\x00\x01\x02binary", "binary data", "saved as CSV"),
    ],
)
def test_a_file_that_is_not_a_csv_is_named_and_the_learner_told_what_to_do(start, what, advice):
    text = message(start + bytes(range(256)))
    assert what in text and advice in text


def test_one_column_is_not_enough():
    assert "Only one column was found" in message(csv("x", *map(str, range(20))))
    assert "Only one column," in message(csv("name,x", *(f"a{i},{i}" for i in range(20))))


def test_a_table_without_numbers_says_text_columns_cannot_be_used():
    assert "No column holds numbers" in message(csv("name,city", *(f"n{i},c{i}" for i in range(20))))


def test_thousands_separators_currency_and_percent_signs_are_read_and_kept_as_units():
    raw = csv("Price,Visitors,Rate", *(f'"${i},250.50","{i},000",{i}.5%' for i in range(1, 21)))
    table = tables.read(raw, "t.csv")
    np.testing.assert_allclose(table.columns["Price"].values, np.arange(1, 21) * 1000 + 250.5)
    np.testing.assert_allclose(table.columns["Visitors"].values, np.arange(1, 21) * 1000)
    np.testing.assert_allclose(table.columns["Rate"].values, np.arange(1, 21) + 0.5)
    assert (table.columns["Price"].quantity.prefix, table.columns["Rate"].quantity.suffix) == ("$", "%")
    assert table.columns["Visitors"].quantity.prefix == table.columns["Visitors"].quantity.suffix == ""


def test_semicolons_and_decimal_commas_are_read_as_european_spreadsheets_write_them():
    raw = csv("Fläche;Preis", *(f"{i},5;{i}.250,75 €" for i in range(1, 21))).replace(b"\xc3\xa4", "ä".encode())
    table = tables.read(raw, "t.csv")
    np.testing.assert_allclose(table.columns["Fläche"].values, np.arange(1, 21) + 0.5)
    np.testing.assert_allclose(table.columns["Preis"].values, np.arange(1, 21) * 1000 + 250.75)
    assert table.columns["Preis"].quantity.prefix == "€"
    assert any("decimals with a comma" in note for note in table.notes)
    tabbed = tables.read(csv("a\tb", *(f"{i}\t{2 * i}" for i in range(20))), "t.tsv")
    assert tabbed.names == ["a", "b"]


def test_a_byte_order_mark_latin_1_and_utf_16_are_all_read():
    body = "Größe,Preis\n" + "\n".join(f"{i},{i * 2}" for i in range(20))
    for raw, note in [
        (b"\xef\xbb\xbf" + body.encode(), None),
        (body.encode("latin-1"), "Latin-1"),
        (body.encode("utf-16"), "UTF-16"),
    ]:
        table = tables.read(raw, "t.csv")
        assert table.names == ["Größe", "Preis"]
        assert (note is None and not table.notes) or any(note in n for n in table.notes)


def test_rows_with_missing_values_nan_or_infinities_are_dropped_and_counted():
    rows = [f"{i},{i}" for i in range(30)]
    rows[3], rows[4], rows[5] = "3,", "NaN,4", ",5"  # three missing
    rows[6], rows[7] = "6,inf", "-inf,7"  # two infinite
    rows[8] = "8,about nine"  # one text
    pair = tables.pair(tables.read(csv("x,y", *rows), "t.csv"), "x", "y")
    assert len(pair) == 24
    notes = " ".join(pair.notes)
    assert "3 rows dropped for a missing value" in notes
    assert "2 rows dropped for an infinite value" in notes
    assert "1 row dropped for text where a number belongs" in notes
    assert np.isfinite(pair.x).all() and np.isfinite(pair.y).all()


def test_a_constant_input_column_cannot_teach_a_line():
    text = message(csv("x,y", *(f"7,{i}" for i in range(20))), "x", "y")
    assert "the same value, 7, in every row" in text and "Pick another input column" in text


def test_two_rows_are_too_few_and_the_message_says_how_many_are_needed():
    text = message(csv("x,y", "1,2", "3,4"))
    assert "Only 2 rows" in text and f"at least {tables.MIN_ROWS}" in text


def test_the_same_column_twice_is_refused():
    assert "two different columns" in message(line(), "x", "x")


def test_duplicate_column_names_are_told_apart_and_said():
    table = tables.read(csv("a,a,b", *(f"{i},{-i},{i}" for i in range(20))), "t.csv")
    assert table.names == ["a", "a (2)", "b"]
    np.testing.assert_array_equal(table.columns["a (2)"].values, -np.arange(20.0))
    assert any("Two columns are called" in note for note in table.notes)


def test_a_million_rows_are_sampled_to_the_cap_the_same_way_every_time():
    x = np.arange(1_000_000, dtype=float)
    raw = ("x,y\n" + "\n".join(f"{v:.0f},{2 * v:.0f}" for v in x)).encode()
    first = tables.pair(tables.read(raw, "big.csv"), "x", "y")
    again = tables.pair(tables.read(raw, "big.csv"), "x", "y")
    assert len(first) == tables.MAX_ROWS
    np.testing.assert_array_equal(first.x, again.x)
    np.testing.assert_array_equal(first.y, 2 * first.x)  # rows stay whole
    assert any("1,000,000 usable rows" in note and f"{tables.MAX_ROWS:,}" in note for note in first.notes)


@pytest.mark.parametrize("scale", [1e-9, 1e12])
def test_extreme_magnitudes_still_fit_the_least_squares_line(scale):
    rng = np.random.default_rng(0)
    x = np.linspace(1, 50, 40) * scale
    y = 3 * x + 2 * scale + rng.normal(0, scale, 40)
    raw = ("x,y\n" + "\n".join(f"{float(a)!r},{float(b)!r}" for a, b in zip(x, y, strict=True))).encode()
    pair = tables.pair(tables.read(raw, "t.csv"), "x", "y")
    fit = linear.fit_least_squares(pair.x, pair.y)
    w, b = np.polyfit(x, y, 1)
    assert fit.w == pytest.approx(w, rel=1e-9) and fit.b == pytest.approx(b, rel=1e-6, abs=1e-6 * scale)


def test_names_from_the_file_are_quoted_as_text_in_every_message():
    text = message(csv("**bold** [x](http://e.com),y", *(f"7,{i}" for i in range(20))))
    assert "` **bold** [x](http://e.com) `" in text


def test_a_line_with_extra_cells_is_left_out_and_said():
    rows = [f"{i},{i}" for i in range(20)] + ["1,2,3,4"]
    table = tables.read(csv("x,y", *rows), "t.csv")
    assert table.rows == 20 and any("1 line had more cells" in note for note in table.notes)


def test_the_sample_table_is_its_seeded_rule_and_reads_cleanly():
    from scripts.make_conversion import PATH, table

    assert PATH.read_text() == table()
    sample = tables.read(PATH.read_bytes(), PATH.name)
    assert sample.names == ["Price", "Visitors", "Conversion rate"]
    fit = linear.fit_least_squares(*(sample.columns[n].values for n in ("Price", "Conversion rate")))
    assert fit.w == pytest.approx(-0.087, abs=0.001)


def test_a_table_without_a_header_row_keeps_its_first_row_and_numbers_its_columns():
    table = tables.read(csv(*(f"{i},{2 * i}" for i in range(1, 21))), "t.csv")
    assert table.names == ["Column 1", "Column 2"] and table.rows == 20
    assert table.columns["Column 1"].values[0] == 1
    assert any("first row holds numbers" in note for note in table.notes)


def test_a_renamed_duplicate_never_collides_with_a_real_column():
    table = tables.read(csv("a,a,a (2)", *(f"{i},{i},{i}" for i in range(20))), "t.csv")
    assert len(set(table.names)) == 3 and table.names[2] == "a (2)"
