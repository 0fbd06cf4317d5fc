"""The periods `tally report` takes, for the SQL helpers (run-duckdb.py, run-spark.py).

    python sql/periods.py PERIOD ...        prints each one's label, first and last day

Every spelling `tally report --period` reads is read here the same way, to the same
label (the `period` column of the report): `2026-10`, `10/2026`, `T10/2026`, `tháng
10/2026`, `2026-Q3`, `Q3/2026`, `quý III/2026`, `2026-H1`, `6 tháng đầu năm 2026`,
`2026`, `năm 2026`, `this-month`, `last-month`, `this-year`, `last-year`. This file
mirrors tally's own reader line for line; a test runs both over every form and checks
that they agree.
"""
import calendar
import datetime as dt
import re
import sys
import unicodedata

FORMS = ("2026-10 (10/2026, tháng 10/2026), 2026-Q3 (quý 3/2026), 2026-H1 (6 tháng đầu "
         "năm 2026), 2026 (năm 2026), this-month, last-month, this-year, last-year")


class Period:
    """A month, quarter, half-year or year: its label and its first and last day."""

    def __init__(self, label, year, first_month, months):
        self.label = label
        self.months = months
        self.start = dt.date(year, first_month, 1)
        last = first_month + months - 1
        self.end = dt.date(year, last, calendar.monthrange(year, last)[1])

    def shifted(self, n):
        """The period of the same kind `n` periods later (earlier for a negative n)."""
        step = self.start.year * 12 + self.start.month - 1 + n * self.months
        year, m0 = divmod(step, 12)
        return of_kind(year, m0 + 1, self.months)


def of_kind(year, first_month, months):
    if months == 1:
        return Period(f"{year}-{first_month:02d}", year, first_month, 1)
    if months == 3:
        return Period(f"{year}-Q{(first_month - 1) // 3 + 1}", year, first_month, 3)
    if months == 6:
        return Period(f"{year}-H{(first_month - 1) // 6 + 1}", year, first_month, 6)
    return Period(str(year), year, 1, 12)


def fold(raw):
    """A text as tally compares names: no accents, đ as d, lower case, every run of
    other characters one space, none at either end."""
    out, pending, started = [], False, False
    chars = raw if raw.isascii() else "".join(
        "d" if c in "đĐÐð" else c
        for c in unicodedata.normalize("NFD", raw) if not unicodedata.combining(c))
    for c in chars:
        if not c.isalnum():
            pending = True
            continue
        if pending and started:
            out.append(" ")
        pending, started = False, True
        out.append(c.lower())
    return "".join(out)


def number(s):
    """A whole number as Rust's parse reads it: an optional +, then ASCII digits."""
    s = s[1:] if s.startswith("+") else s
    return int(s) if re.fullmatch(r"[0-9]+", s) else None


def year_of(s):
    s = s.strip()
    return int(s) if re.fullmatch(r"[0-9]{4}", s) else None


def parse_written(raw):
    """A period as Vietnamese (or English) text writes it."""
    key = fold(raw).strip()
    for words, h in (("6 thang dau nam ", 1), ("6 thang cuoi nam ", 2)):
        if key.startswith(words) and year_of(key[len(words):]) is not None:
            return of_kind(year_of(key[len(words):]), 6 * h - 5, 6)
    if key.startswith("nam ") and year_of(key[4:]) is not None:
        return of_kind(year_of(key[4:]), 1, 12)
    if " " not in key:
        return None
    head, y = key.rsplit(" ", 1)
    y = year_of(y)
    if y is None:
        return None
    head = head.strip()
    if head.startswith("thang "):
        month = head[len("thang "):]
    elif head.startswith("t"):
        month = head[1:]
    else:
        month = head
    month = month.strip()
    quarter = head[len("quy "):] if head.startswith("quy ") else head[1:] if head.startswith("q") else None
    roman = {"1": 1, "i": 1, "2": 2, "ii": 2, "3": 3, "iii": 3, "4": 4, "iv": 4}
    if quarter is not None and quarter.strip() in roman:
        return of_kind(y, 3 * roman[quarter.strip()] - 2, 3)
    m = number(month)
    if m is None or not 1 <= m <= 12 or len(month) > 2:
        return None
    return of_kind(y, m, 1)


def parse(raw, today=None):
    """The period `raw` names, or None; relative forms count from `today`."""
    today = today or dt.date.today()
    written = parse_written(raw)
    if written:
        return written
    s = raw.strip().lower()
    if s == "last-month":
        return of_kind(today.year, today.month, 1).shifted(-1)
    if s == "this-month":
        return of_kind(today.year, today.month, 1)
    if s == "this-year":
        return of_kind(today.year, 1, 12)
    if s == "last-year":
        return of_kind(today.year - 1, 1, 12)
    year, _, rest = s.partition("-")
    if not re.fullmatch(r"[0-9]{4}", year):
        return None
    y = int(year)
    if "-" not in s:
        return of_kind(y, 1, 12)
    if rest.startswith("q"):
        q = number(rest[1:])
        return of_kind(y, 3 * q - 2, 3) if q is not None and 1 <= q <= 4 else None
    if rest.startswith("h"):
        h = number(rest[1:])
        return of_kind(y, 6 * h - 5, 6) if h is not None and 1 <= h <= 2 else None
    if len(rest) <= 2 and re.fullmatch(r"[0-9]+", rest):
        m = int(rest)
        return of_kind(y, m, 1) if 1 <= m <= 12 else None
    return None


def read(raw, who):
    """The period `raw` names, or the helper stops with the forms it takes."""
    try:
        p = parse(raw)
    except ValueError:  # a year Python's dates do not hold (0000)
        p = None
    if p is None:
        sys.exit(f"{who}: bad period {raw!r}: give {FORMS}")
    return p


def through(first, last, who):
    """Every period from `first` to `last` (any spellings, of one kind), in order."""
    a, b = read(first, who), read(last, who)
    if a.months != b.months:
        sys.exit(f"{who}: --from and --to must be periods of one kind")
    if b.start < a.start:
        sys.exit(f"{who}: --from comes after --to")
    out = [a]
    while out[-1].start < b.start:
        out.append(out[-1].shifted(1))
    return out


if __name__ == "__main__":
    for raw in sys.argv[1:]:
        try:
            p = parse(raw)
        except ValueError:
            p = None
        print(f"{raw}\t{p.label}\t{p.start}\t{p.end}" if p else f"{raw}\t-")
