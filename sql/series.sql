-- tally's series, as SQL: `tally report --from A --to B --format csv`, the rows of
-- every period with their change against the previous period and the same period a
-- year earlier and, below target, the pace toward it (docs/metrics.md, "Series").
--
-- It reads four tables, which the caller defines (sql/run-duckdb.py and
-- sql/run-spark.py do):
--   rolls           the roll parts, as for sql/coverage.sql (their rows per roll)
--   areas           the areas, as for sql/coverage.sql (the units a roll may empty)
--   coverage        the rows of sql/coverage.sql for every period of the series and
--                   for the same period a year before each one
--   series_periods  one row per period of the series: period (its label), n (1, 2, …
--                   in order), x (year × 12 + month − 1 of its last month), end_month
--                   (1–12), earlier (the label a year before), pace_over (the most
--                   periods a pace is taken over, `--pace-over`, 6 by default), and
--                   p_first and p_last (its first and last day)
-- The pace is a least-squares slope worked in whole numbers, as tally works it, so
-- that both give the same digits: with n points (x, y), y the coverage in hundredths,
-- A = n·Σxy − Σx·Σy and B = n·Σx² − (Σx)², the pace is A / B rounded half away from
-- zero, and the line meets the target T after ⌈(T·n·B − Σy·B − A·(n·x − Σx)) / (n·A)⌉
-- months. Division is written FLOOR(a / b) of whole numbers, which DuckDB and Spark
-- both read (their integer-division operators differ); every such a and b is positive
-- and far below 2^53, so the floating quotient floors exactly.
WITH roll_rows AS (
  SELECT org, as_of, COUNT(*) AS n_rows FROM rolls GROUP BY org, as_of
),
-- Rolls with less than half the rows of their organization's previous roll (a partial
-- export, most often: the report notes it as roll_size): no point of a line.
partial_rolls AS (
  SELECT org, as_of FROM (
    SELECT org, as_of, n_rows,
           LAG(n_rows) OVER (PARTITION BY org ORDER BY as_of) AS previous_rows
    FROM roll_rows
  ) r
  WHERE n_rows * 2 < previous_rows
),
-- Rolls with no row of a unit (one the areas have) that had active members in the
-- last roll of their organization with a row of it (a commune's list left out, one
-- month or several running: the report notes it as emptied_units): no point of a
-- line either. tally follows a unit back along the chain of rolls it reads: to the
-- second roll before the series' first period at most (`horizon`).
unit_rows AS (
  SELECT DISTINCT org, as_of, area_code FROM rolls WHERE area_code IN (SELECT code FROM areas)
),
unit_members AS (
  SELECT DISTINCT org, as_of, area_code FROM rolls
  WHERE area_code IN (SELECT code FROM areas)
    AND (joined_on IS NULL OR joined_on <= as_of)
    AND (CASE WHEN left_on IS NOT NULL THEN left_on > as_of ELSE active END)
),
roll_dates AS (
  SELECT DISTINCT org, as_of FROM rolls
),
horizon AS (
  SELECT org, MIN(as_of) AS as_of FROM (
    SELECT org, as_of, ROW_NUMBER() OVER (PARTITION BY org ORDER BY as_of DESC) AS back
    FROM roll_dates
    WHERE as_of < (SELECT p_first FROM series_periods WHERE n = 1)
  ) b
  WHERE back <= 2
  GROUP BY org
),
last_rows AS (
  SELECT d.org, d.as_of, u.area_code, MAX(u.as_of) AS last_row
  FROM roll_dates d
  JOIN unit_rows u ON u.org = d.org AND u.as_of < d.as_of
  GROUP BY d.org, d.as_of, u.area_code
),
emptying_rolls AS (
  SELECT DISTINCT l.org, l.as_of
  FROM last_rows l
  JOIN unit_members m ON m.org = l.org AND m.as_of = l.last_row AND m.area_code = l.area_code
  LEFT JOIN horizon h ON h.org = l.org
  WHERE l.last_row >= COALESCE(h.as_of, l.last_row)
    AND NOT EXISTS (
      SELECT 1 FROM unit_rows r WHERE r.org = l.org AND r.as_of = l.as_of AND r.area_code = l.area_code
    )
),
not_whole AS (
  SELECT org, as_of FROM partial_rolls UNION SELECT org, as_of FROM emptying_rolls
),
c AS (
  SELECT cv.*,
         CAST(ROUND(CAST(cv.coverage_pct AS DOUBLE) * 100) AS BIGINT) AS cov_h,
         CAST(ROUND(CAST(cv.target_pct AS DOUBLE) * 100) AS BIGINT) AS tgt_h,
         CAST(ROUND(CAST(cv.gap_pp AS DOUBLE) * 100) AS BIGINT) AS gap_h
  FROM coverage cv
),
s AS (
  SELECT c.*, sp.n, sp.x, sp.end_month, sp.earlier, sp.pace_over,
         -- A period without a roll of its own (it carries an earlier one): no change
         -- against the period before that read the same roll, and no point of a line.
         (c.snapshot_as_of IS NULL
          OR (CAST(c.snapshot_as_of AS DATE) >= sp.p_first AND CAST(c.snapshot_as_of AS DATE) <= sp.p_last)) AS own_roll,
         pr.org IS NULL AS whole_roll
  FROM c JOIN series_periods sp ON sp.period = c.period
  LEFT JOIN not_whole pr ON pr.org = c.org AND pr.as_of = CAST(c.snapshot_as_of AS DATE)
),

-- The points of each row's line: its own and the earlier periods' rows of the same
-- key, back to (not including) the latest one whose denominator or target differs,
-- with a coverage, the last pace_over of them.
since AS (
  SELECT s.period, s.org, s.dimension, s."group",
         MAX(h.n) AS restart
  FROM s JOIN s h
    ON h.org = s.org AND h.dimension = s.dimension AND h."group" = s."group" AND h.n <= s.n
  WHERE s.gap_h < 0
    AND (h.eligible IS DISTINCT FROM s.eligible OR h.tgt_h IS DISTINCT FROM s.tgt_h)
  GROUP BY s.period, s.org, s.dimension, s."group"
),
points AS (
  SELECT s.period, s.org, s.dimension, s."group", h.x AS px, h.cov_h AS py,
         ROW_NUMBER() OVER (PARTITION BY s.period, s.org, s.dimension, s."group" ORDER BY h.n DESC) AS back
  FROM s
  JOIN s h
    ON h.org = s.org AND h.dimension = s.dimension AND h."group" = s."group" AND h.n <= s.n
  LEFT JOIN since sn
    ON sn.period = s.period AND sn.org = s.org AND sn.dimension = s.dimension AND sn."group" = s."group"
  WHERE s.gap_h < 0 AND h.n > COALESCE(sn.restart, 0) AND h.cov_h IS NOT NULL AND h.own_roll AND h.whole_roll
),
sums AS (
  SELECT p.period, p.org, p.dimension, p."group",
         CAST(COUNT(*) AS BIGINT) AS k,
         CAST(SUM(px) AS BIGINT) AS sx, CAST(SUM(py) AS BIGINT) AS sy,
         CAST(SUM(px * px) AS BIGINT) AS sxx, CAST(SUM(px * py) AS BIGINT) AS sxy
  FROM points p JOIN series_periods sp ON sp.period = p.period
  WHERE p.back <= sp.pace_over
  GROUP BY p.period, p.org, p.dimension, p."group"
),
fit AS (
  SELECT period, org, dimension, "group", k, sx, sy,
         k * sxy - sx * sy AS a, k * sxx - sx * sx AS b
  FROM sums
),

rows AS (
  SELECT s.*,
         s.cov_h - pv.cov_h AS change_h,
         s.cov_h - y.cov_h AS yoy_h,
         s.members - pv.members AS members_change,
         f.k, f.sy, f.sx, f.a, f.b,
         -- Rounded half away from zero (a / b for b > 0).
         CASE WHEN f.b > 0 THEN CAST(SIGN(f.a) AS BIGINT) * CAST(FLOOR((2 * ABS(f.a) + f.b) / (2 * f.b)) AS BIGINT) ELSE 0 END AS pace_h
  FROM s
  LEFT JOIN s pv
    ON pv.n = s.n - 1 AND pv.org = s.org AND pv.dimension = s.dimension AND pv."group" = s."group"
   AND (s.snapshot_as_of IS NULL OR pv.snapshot_as_of IS NULL OR pv.snapshot_as_of <> s.snapshot_as_of)
  LEFT JOIN c y
    ON y.period = s.earlier AND y.org = s.org AND y.dimension = s.dimension AND y."group" = s."group"
  LEFT JOIN fit f
    ON f.period = s.period AND f.org = s.org AND f.dimension = s.dimension AND f."group" = s."group"
),
paced AS (
  SELECT r.*,
         CASE WHEN r.gap_h < 0 AND r.k >= 4 THEN r.pace_h END AS pace_shown,
         CASE WHEN r.gap_h < 0 AND r.end_month < 12
              THEN CAST(SIGN(r.tgt_h - r.cov_h) AS BIGINT)
                   * CAST(FLOOR((2 * ABS(r.tgt_h - r.cov_h) + (12 - r.end_month)) / (2 * (12 - r.end_month))) AS BIGINT) END AS required_h,
         CASE WHEN r.gap_h < 0 AND r.k >= 4 AND r.pace_h > 0
              THEN r.tgt_h * r.k * r.b - r.sy * r.b - r.a * (r.k * r.x - r.sx) END AS num
  FROM rows r
),
reached AS (
  SELECT p.*,
         CASE WHEN p.num IS NULL THEN NULL
              WHEN p.num <= 0 THEN p.x
              ELSE p.x + CAST(FLOOR((p.num + p.k * p.a - 1) / (p.k * p.a)) AS BIGINT) END AS m
  FROM paced p
)

SELECT period, org, dimension, "group", members, members_start, recruited, "left",
       eligible, coverage_pct, recruit_rate_pct, target_pct, gap_pp, enterprises,
       enterprises_reached, snapshot_as_of,
       CASE WHEN change_h IS NOT NULL THEN printf('%.2f', CAST(change_h AS DOUBLE) / 100) END AS coverage_change_pp,
       CASE WHEN yoy_h IS NOT NULL THEN printf('%.2f', CAST(yoy_h AS DOUBLE) / 100) END AS coverage_yoy_pp,
       members_change,
       CASE WHEN pace_shown IS NOT NULL THEN printf('%.2f', CAST(pace_shown AS DOUBLE) / 100) END AS pace_pp_per_month,
       CASE WHEN required_h IS NOT NULL THEN printf('%.2f', CAST(required_h AS DOUBLE) / 100) END AS required_pp_per_month,
       CASE WHEN gap_h >= 0 OR gap_h IS NULL THEN NULL
            WHEN k IS NULL OR k < 4 THEN 'insufficient_data'
            WHEN pace_h <= 0 THEN 'no_progress'
            ELSE printf('%04d-%02d', CAST(FLOOR(m / 12) AS BIGINT), CAST(m % 12 + 1 AS BIGINT)) END AS reaches_target
FROM reached
ORDER BY n, org, dimension, "group"
