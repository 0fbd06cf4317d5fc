-- tally's default coverage report, as SQL over the store's Parquet files.
--
-- For each organization: total, ethnic_minority, religious, rural and ownership, with
-- members at the period's end, members the day before it starts, recruited and left
-- within it, eligible people, coverage, recruitment rate, target, gap and enterprise
-- reach; the same rows and numbers as `tally report --period P --format csv`
-- (docs/sql.md says how each is defined and how to run this on DuckDB or Spark).
--
-- It reads five tables, which the caller defines over the store's files:
--   rolls        every roll part the manifest lists (rolls/<org>/<as_of>/<id>.parquet)
--   areas        reference/areas-<id>.parquet
--   enterprises  reference/enterprises-<id>.parquet
--   eligible     reference/eligible-<id>.parquet
--   targets      reference/targets-<id>.parquet
-- A missing reference table is an empty table with the same columns.
--
-- The period: change the four values below (or let sql/run-duckdb.py do it).
-- Identifiers are double-quoted (ANSI); Spark needs
-- spark.sql.ansi.enabled=true and spark.sql.ansi.doubleQuotedIdentifiers=true.
WITH params AS (
  SELECT '2026-10' AS period,                 -- the label in the period column
         DATE '2026-10-01' AS p_start,        -- first day of the period
         DATE '2026-09-30' AS p_before,       -- the day before it starts
         DATE '2026-10-31' AS p_end           -- last day of the period
),
p AS (
  SELECT period, p_start, p_before, p_end, EXTRACT(YEAR FROM p_end) AS p_year FROM params
),

-- The organizations a default report covers: those with a roll or a denominator.
orgs AS (
  SELECT DISTINCT org FROM rolls
  UNION
  SELECT DISTINCT org FROM eligible WHERE org <> 'any'
),

-- The snapshot each organization uses: its latest as-of date on or before the end.
used AS (
  SELECT r.org, MAX(r.as_of) AS as_of
  FROM rolls r CROSS JOIN p
  WHERE r.as_of <= p.p_end
  GROUP BY r.org
),

-- Each organization's previous snapshot, and the persons active in it at its as-of
-- date: a member of it who is departed without a date in the snapshot used left
-- after it, and is counted as leaving on the used snapshot's as-of date. So is a
-- member departed without a date who joined within the period (on or before the
-- snapshot's date): they left between the two, within the period.
previous AS (
  SELECT r.org, MAX(r.as_of) AS as_of
  FROM rolls r JOIN used u ON u.org = r.org
  WHERE r.as_of < u.as_of
  GROUP BY r.org
),
previous_members AS (
  SELECT DISTINCT r.org, r.person
  FROM rolls r JOIN previous v ON v.org = r.org AND v.as_of = r.as_of
  WHERE (r.joined_on IS NULL OR r.joined_on <= v.as_of)
    AND (CASE WHEN r.left_on IS NOT NULL THEN r.left_on > v.as_of
              ELSE COALESCE(r.active, TRUE) END)
),
-- The snapshot before the previous one, and its active members the previous one does
-- not list at all (a partial roll): one of them departed without a date in the
-- snapshot used left after the snapshot before the previous one, and is counted as
-- leaving on the used snapshot's as-of date, as a member of the previous one is.
previous2 AS (
  SELECT r.org, MAX(r.as_of) AS as_of
  FROM rolls r JOIN previous v ON v.org = r.org
  WHERE r.as_of < v.as_of
  GROUP BY r.org
),
previous_listed AS (
  SELECT DISTINCT r.org, r.person
  FROM rolls r JOIN previous v ON v.org = r.org AND v.as_of = r.as_of
),
absent_members AS (
  SELECT DISTINCT r.org, r.person
  FROM rolls r
  JOIN previous2 v2 ON v2.org = r.org AND v2.as_of = r.as_of
  LEFT JOIN previous_listed pl ON pl.org = r.org AND pl.person = r.person
  WHERE pl.person IS NULL
    AND (r.joined_on IS NULL OR r.joined_on <= v2.as_of)
    AND (CASE WHEN r.left_on IS NOT NULL THEN r.left_on > v2.as_of
              ELSE COALESCE(r.active, TRUE) END)
),

-- A member departed without a date in the snapshot used and in the snapshots before
-- it back to one dated within the period, which first marked them so after a snapshot
-- that had them active (or that did not list them, the one before it having them
-- active), left on that snapshot's date (the day its month's report places the
-- leaving on): a quarter of monthly rolls counts a departure its first month marked. `k` numbers each organization's snapshots in date order; a run of
-- snapshots where a person is departed without a date has one value of k − its rank.
snaps AS (
  SELECT org, as_of, ROW_NUMBER() OVER (PARTITION BY org ORDER BY as_of) AS k
  FROM (SELECT DISTINCT org, as_of FROM rolls) s
),
used_k AS (
  SELECT u.org, s.k FROM used u JOIN snaps s ON s.org = u.org AND s.as_of = u.as_of
),
undated AS (
  SELECT DISTINCT r.org, s.k, r.person
  FROM rolls r
  JOIN snaps s ON s.org = r.org AND s.as_of = r.as_of
  JOIN used_k uk ON uk.org = r.org AND s.k <= uk.k
  WHERE r.left_on IS NULL AND NOT COALESCE(r.active, TRUE)
),
undated_runs AS (
  SELECT org, person, k, k - ROW_NUMBER() OVER (PARTITION BY org, person ORDER BY k) AS run
  FROM undated
),
first_marked AS (
  SELECT ur.org, ur.person, MIN(ur.k) AS k0
  FROM undated_runs ur JOIN used_k uk ON uk.org = ur.org
  GROUP BY ur.org, ur.person, ur.run, uk.k
  HAVING MAX(ur.k) = uk.k AND MIN(ur.k) < uk.k
),
-- Members an earlier snapshot of the period marks as departed within it whom the
-- snapshot used no longer lists at all (offices drop departed members the month
-- after): counted from the snapshot that last listed them, in the start where they
-- were members the day before the period and in `left`. `k` of that snapshot. Only
-- the period's snapshots before the one used are read (none where it has one roll).
period_listed AS (
  SELECT r.org, r.person, MAX(r.as_of) AS as_of
  FROM rolls r
  CROSS JOIN p
  JOIN used u ON u.org = r.org
  WHERE r.as_of >= p.p_start AND r.as_of < u.as_of
  GROUP BY r.org, r.person
),
used_listed AS (
  SELECT DISTINCT r.org, r.person
  FROM rolls r
  JOIN used u ON u.org = r.org AND u.as_of = r.as_of
  WHERE EXISTS (SELECT 1 FROM period_listed pl WHERE pl.org = r.org AND pl.person = r.person)
),
last_listing AS (
  SELECT pl.org, pl.person, s.k
  FROM period_listed pl
  JOIN snaps s ON s.org = pl.org AND s.as_of = pl.as_of
  LEFT JOIN used_listed ul ON ul.org = pl.org AND ul.person = pl.person
  WHERE ul.person IS NULL
),
-- Of those departed without a date, the first snapshot of the run of snapshots that
-- marks them so up to the one that last listed them.
dropped_marked AS (
  SELECT ur.org, ur.person, MIN(ur.k) AS k0
  FROM undated_runs ur JOIN last_listing ll ON ll.org = ur.org AND ll.person = ur.person
  GROUP BY ur.org, ur.person, ur.run, ll.k
  HAVING MAX(ur.k) = ll.k
),
marked AS (
  SELECT org, person, k0 FROM first_marked
  UNION
  SELECT org, person, k0 FROM dropped_marked
),
-- The rows of those persons in the two snapshots before the first that marked them
-- (only theirs: the others' rows are not looked at).
before_marked AS (
  SELECT r.org, s.k, r.person,
         ((r.joined_on IS NULL OR r.joined_on <= r.as_of)
          AND (CASE WHEN r.left_on IS NOT NULL THEN r.left_on > r.as_of
                    ELSE COALESCE(r.active, TRUE) END)) AS is_active
  FROM marked fm
  JOIN rolls r ON r.org = fm.org AND r.person = fm.person
  JOIN snaps s ON s.org = r.org AND s.as_of = r.as_of AND s.k IN (fm.k0 - 1, fm.k0 - 2)
),
active_in AS (
  SELECT DISTINCT org, k, person FROM before_marked WHERE is_active
),
listed_in AS (
  SELECT DISTINCT org, k, person FROM before_marked
),
carried AS (
  SELECT DISTINCT fm.org, fm.person, x.as_of AS day
  FROM first_marked fm
  CROSS JOIN p
  JOIN snaps x ON x.org = fm.org AND x.k = fm.k0
  LEFT JOIN active_in a1 ON a1.org = fm.org AND a1.k = fm.k0 - 1 AND a1.person = fm.person
  LEFT JOIN listed_in l1 ON l1.org = fm.org AND l1.k = fm.k0 - 1 AND l1.person = fm.person
  LEFT JOIN active_in a2 ON a2.org = fm.org AND a2.k = fm.k0 - 2 AND a2.person = fm.person
  WHERE x.as_of >= p.p_start
    AND (a1.person IS NOT NULL OR (l1.person IS NULL AND a2.person IS NOT NULL))
),
dropped_placed AS (
  SELECT DISTINCT dm.org, dm.person, x.as_of AS day
  FROM dropped_marked dm
  JOIN snaps x ON x.org = dm.org AND x.k = dm.k0
  LEFT JOIN active_in a1 ON a1.org = dm.org AND a1.k = dm.k0 - 1 AND a1.person = dm.person
  LEFT JOIN listed_in l1 ON l1.org = dm.org AND l1.k = dm.k0 - 1 AND l1.person = dm.person
  LEFT JOIN active_in a2 ON a2.org = dm.org AND a2.k = dm.k0 - 2 AND a2.person = dm.person
  WHERE a1.person IS NOT NULL OR (l1.person IS NULL AND a2.person IS NOT NULL)
),
-- The day each left: its leaving date; without one, the day its run of marks places
-- it on, else, for one who joined within the period on or before that snapshot's
-- date, that date (as the month's report places it).
dropped_days AS (
  SELECT r.org, r.area_code, r.enterprise_id, r.joined_on,
         CASE WHEN r.left_on IS NOT NULL THEN r.left_on
              WHEN NOT COALESCE(r.active, TRUE)
              THEN COALESCE(dp.day, CASE WHEN r.joined_on BETWEEN p.p_start AND s.as_of
                                         THEN s.as_of END) END AS day
  FROM last_listing ll
  CROSS JOIN p
  JOIN snaps s ON s.org = ll.org AND s.k = ll.k
  JOIN rolls r ON r.org = ll.org AND r.as_of = s.as_of AND r.person = ll.person
  LEFT JOIN dropped_placed dp ON dp.org = ll.org AND dp.person = ll.person
  WHERE NOT ((r.joined_on IS NULL OR r.joined_on <= s.as_of)
             AND (CASE WHEN r.left_on IS NOT NULL THEN r.left_on > s.as_of
                       ELSE COALESCE(r.active, TRUE) END))
),
dropped_rows AS (
  SELECT d.org, d.area_code, d.enterprise_id, d.joined_on, FALSE AS active, d.day AS left_on
  FROM dropped_days d CROSS JOIN p
  WHERE d.day BETWEEN p.p_start AND p.p_end
),
used_rows AS (
  SELECT org, area_code, enterprise_id, joined_on, active, left_on FROM dropped_rows
  UNION ALL
  SELECT r.org, r.area_code, r.enterprise_id, r.joined_on, r.active,
         CASE WHEN r.left_on IS NULL AND NOT COALESCE(r.active, TRUE)
              THEN CASE WHEN pm.person IS NOT NULL THEN u.as_of
                        WHEN cr.day IS NOT NULL THEN cr.day
                        WHEN am.person IS NOT NULL THEN u.as_of
                        WHEN r.joined_on BETWEEN p.p_start AND u.as_of THEN u.as_of END
              ELSE r.left_on END AS left_on
  FROM rolls r
  CROSS JOIN p
  JOIN used u ON u.org = r.org AND u.as_of = r.as_of
  LEFT JOIN previous_members pm ON pm.org = r.org AND pm.person = r.person
  LEFT JOIN carried cr ON cr.org = r.org AND cr.person = r.person
  LEFT JOIN absent_members am ON am.org = r.org AND am.person = r.person
),

-- Member rows of the snapshots used, counted per unit and enterprise. A member is
-- active at a day when joined on or before it (or no date) and not left: a leaving
-- date decides; without one, the status does.
cells AS (
  SELECT r.org, r.area_code, r.enterprise_id,
         COUNT(*) AS n_rows,
         SUM(CASE WHEN (r.joined_on IS NULL OR r.joined_on <= p.p_end)
                   AND (CASE WHEN r.left_on IS NOT NULL THEN r.left_on > p.p_end
                             ELSE COALESCE(r.active, TRUE) END)
                  THEN 1 ELSE 0 END) AS n_members,
         SUM(CASE WHEN (r.joined_on IS NULL OR r.joined_on <= p.p_before)
                   AND (CASE WHEN r.left_on IS NOT NULL THEN r.left_on > p.p_before
                             ELSE COALESCE(r.active, TRUE) END)
                  THEN 1 ELSE 0 END) AS n_start,
         SUM(CASE WHEN r.joined_on BETWEEN p.p_start AND p.p_end THEN 1 ELSE 0 END) AS n_recruited,
         SUM(CASE WHEN r.left_on BETWEEN p.p_start AND p.p_end THEN 1 ELSE 0 END) AS n_left
  FROM used_rows r
  CROSS JOIN p
  GROUP BY r.org, r.area_code, r.enterprise_id
),

-- Each cell with its unit's classifications; a unit the areas do not have is 'unknown'.
cell_areas AS (
  SELECT c.*,
         CASE WHEN a.code IS NULL THEN 'unknown' WHEN a.ethnic_minority THEN 'yes' ELSE 'no' END AS g_ethnic_minority,
         CASE WHEN a.code IS NULL THEN 'unknown' WHEN a.religious THEN 'yes' ELSE 'no' END AS g_religious,
         CASE WHEN a.code IS NULL THEN 'unknown' WHEN a.rural THEN 'yes' ELSE 'no' END AS g_rural
  FROM cells c LEFT JOIN areas a ON a.code = c.area_code
),

member_groups AS (
  SELECT org, 'total' AS dimension, 'all' AS grp, n_rows, n_members, n_start, n_recruited, n_left FROM cell_areas
  UNION ALL
  SELECT org, 'ethnic_minority', g_ethnic_minority, n_rows, n_members, n_start, n_recruited, n_left FROM cell_areas
  UNION ALL
  SELECT org, 'religious', g_religious, n_rows, n_members, n_start, n_recruited, n_left FROM cell_areas
  UNION ALL
  SELECT org, 'rural', g_rural, n_rows, n_members, n_start, n_recruited, n_left FROM cell_areas
  UNION ALL
  -- Ownership: members by their enterprise's ownership (an unknown tax code counts nowhere).
  SELECT c.org, 'ownership', e.ownership, n_rows, n_members, n_start, n_recruited, n_left
  FROM cells c JOIN enterprises e ON e.id = c.enterprise_id
),

counts AS (
  SELECT org, dimension, grp,
         SUM(n_rows) AS n_rows, SUM(n_members) AS n_members, SUM(n_start) AS n_start,
         SUM(n_recruited) AS n_recruited, SUM(n_left) AS n_left
  FROM member_groups
  GROUP BY org, dimension, grp
),

-- Eligible counts: per unit, org and sub-group, the latest year on or before the
-- period's year, of units the areas have.
eligible_latest AS (
  SELECT org, dkey, gkey, area_code, eligible
  FROM (
    SELECT e.org, COALESCE(e.dimension, '') AS dkey, COALESCE(e."group", '') AS gkey,
           e.area_code, e.eligible,
           ROW_NUMBER() OVER (PARTITION BY e.org, COALESCE(e.dimension, ''), COALESCE(e."group", ''), e.area_code
                              ORDER BY e.year DESC) AS newest
    FROM eligible e
    JOIN areas a ON a.code = e.area_code
    CROSS JOIN p
    WHERE e.year <= p.p_year
  ) x
  WHERE newest = 1
),

-- Each unit's ancestors, up to five levels up (Vietnam has at most three).
up1 AS (SELECT a.code, b.code AS ancestor FROM areas a JOIN areas b ON b.code = a.parent_code WHERE b.code <> a.code),
up2 AS (SELECT u.code, b.code AS ancestor FROM up1 u JOIN areas x ON x.code = u.ancestor JOIN areas b ON b.code = x.parent_code),
up3 AS (SELECT u.code, b.code AS ancestor FROM up2 u JOIN areas x ON x.code = u.ancestor JOIN areas b ON b.code = x.parent_code),
up4 AS (SELECT u.code, b.code AS ancestor FROM up3 u JOIN areas x ON x.code = u.ancestor JOIN areas b ON b.code = x.parent_code),
up5 AS (SELECT u.code, b.code AS ancestor FROM up4 u JOIN areas x ON x.code = u.ancestor JOIN areas b ON b.code = x.parent_code),
ancestors AS (
  SELECT code, ancestor FROM up1 UNION SELECT code, ancestor FROM up2
  UNION SELECT code, ancestor FROM up3 UNION SELECT code, ancestor FROM up4
  UNION SELECT code, ancestor FROM up5
),

-- Where counts are given at several levels only the lowest counts: a unit whose
-- descendant also has a count is left out, so nobody is counted twice.
eligible_leaves AS (
  SELECT l.* FROM eligible_latest l
  WHERE NOT EXISTS (
    SELECT 1 FROM eligible_latest d JOIN ancestors an ON an.code = d.area_code
    WHERE an.ancestor = l.area_code AND d.org = l.org AND d.dkey = l.dkey AND d.gkey = l.gkey
  )
),

plain_leaves AS (
  SELECT l.org, l.eligible, a.ethnic_minority, a.religious, a.rural
  FROM eligible_leaves l JOIN areas a ON a.code = l.area_code
  WHERE l.dkey = '' AND l.gkey = ''
),

denominators AS (
  SELECT org, 'total' AS dimension, 'all' AS grp, SUM(eligible) AS eligible FROM plain_leaves GROUP BY org
  UNION ALL
  SELECT org, 'ethnic_minority', CASE WHEN ethnic_minority THEN 'yes' ELSE 'no' END, SUM(eligible)
  FROM plain_leaves GROUP BY org, CASE WHEN ethnic_minority THEN 'yes' ELSE 'no' END
  UNION ALL
  SELECT org, 'religious', CASE WHEN religious THEN 'yes' ELSE 'no' END, SUM(eligible)
  FROM plain_leaves GROUP BY org, CASE WHEN religious THEN 'yes' ELSE 'no' END
  UNION ALL
  SELECT org, 'rural', CASE WHEN rural THEN 'yes' ELSE 'no' END, SUM(eligible)
  FROM plain_leaves GROUP BY org, CASE WHEN rural THEN 'yes' ELSE 'no' END
  UNION ALL
  -- The union's ownership denominator is the workers of those enterprises...
  SELECT o.org, 'ownership', e.ownership, SUM(e.workers)
  FROM orgs o CROSS JOIN enterprises e
  WHERE o.org = 'union' AND e.workers IS NOT NULL
  GROUP BY o.org, e.ownership
  UNION ALL
  -- ...another org's is an eligible row with dimension ownership.
  SELECT org, 'ownership', gkey, SUM(eligible)
  FROM eligible_leaves
  WHERE dkey = 'ownership' AND org <> 'union'
  GROUP BY org, gkey
),

-- Enterprises of each ownership, and those with a member active at the period's end.
enterprise_counts AS (
  SELECT ownership AS grp, COUNT(*) AS n FROM enterprises GROUP BY ownership
),
reached AS (
  SELECT c.org, e.ownership AS grp, COUNT(DISTINCT e.id) AS n
  FROM cells c JOIN enterprises e ON e.id = c.enterprise_id
  WHERE c.n_members > 0
  GROUP BY c.org, e.ownership
),

-- The one unit at the top of the areas (the province): the total is its population,
-- and takes its target before '*'.
tops AS (
  SELECT a.code FROM areas a
  WHERE a.parent_code IS NULL OR NOT EXISTS (SELECT 1 FROM areas b WHERE b.code = a.parent_code)
),
root AS (
  SELECT MIN(code) AS code FROM tops HAVING COUNT(*) = 1
),

-- Targets of the period's year, in hundredths (half away from zero).
year_targets AS (
  SELECT t.org, t.scope,
         CAST(ROUND(t.target_pct * 100 + SIGN(t.target_pct) * 0.0000001, 0) AS BIGINT) AS target_h
  FROM targets t CROSS JOIN p
  WHERE t.year = p.p_year
),

-- A group appears when it has member rows, a denominator, or (ownership) enterprises;
-- every organization has its total row.
groups AS (
  SELECT org, dimension, grp FROM counts
  UNION
  SELECT d.org, d.dimension, d.grp FROM denominators d JOIN orgs o ON o.org = d.org
  UNION
  SELECT org, 'total', 'all' FROM orgs
  UNION
  SELECT o.org, 'ownership', ec.grp FROM orgs o CROSS JOIN enterprise_counts ec
),

-- The organizations whose roll names an enterprise the reference has: another's
-- ownership rows know nothing of its members (a roll without the column).
named AS (
  SELECT DISTINCT org FROM counts WHERE dimension = 'ownership' AND n_rows > 0
),

-- Stock and flow (missing, not zero, without a snapshot; flows unknown where the
-- snapshot ends before the period starts; unknown on the ownership rows of a roll that
-- names no enterprise) and the percentages in hundredths, rounded half away from zero.
numbers AS (
  SELECT g.org, g.dimension, g.grp, u.as_of,
         CASE WHEN u.as_of IS NOT NULL AND (g.dimension <> 'ownership' OR nm.org IS NOT NULL)
              THEN COALESCE(c.n_members, 0) END AS members,
         CASE WHEN u.as_of IS NOT NULL AND (g.dimension <> 'ownership' OR nm.org IS NOT NULL)
              THEN COALESCE(c.n_start, 0) END AS members_start,
         CASE WHEN u.as_of >= p.p_start AND (g.dimension <> 'ownership' OR nm.org IS NOT NULL)
              THEN COALESCE(c.n_recruited, 0) END AS recruited,
         CASE WHEN u.as_of >= p.p_start AND (g.dimension <> 'ownership' OR nm.org IS NOT NULL)
              THEN COALESCE(c.n_left, 0) END AS n_left,
         d.eligible,
         COALESCE(ts.target_h, tr.target_h, ta.target_h) AS target_h,
         CASE WHEN g.dimension = 'ownership' THEN COALESCE(ec.n, 0) END AS enterprises,
         CASE WHEN g.dimension = 'ownership' AND u.as_of IS NOT NULL AND nm.org IS NOT NULL
              THEN COALESCE(rc.n, 0) END AS enterprises_reached
  FROM groups g
  CROSS JOIN p
  LEFT JOIN used u ON u.org = g.org
  LEFT JOIN named nm ON nm.org = g.org
  LEFT JOIN counts c ON c.org = g.org AND c.dimension = g.dimension AND c.grp = g.grp
  LEFT JOIN denominators d ON d.org = g.org AND d.dimension = g.dimension AND d.grp = g.grp
  LEFT JOIN year_targets ts ON ts.org = g.org AND g.dimension <> 'total' AND ts.scope = g.dimension || '=' || g.grp
  LEFT JOIN year_targets tr ON tr.org = g.org AND g.dimension = 'total' AND tr.scope = (SELECT code FROM root)
  LEFT JOIN year_targets ta ON ta.org = g.org AND ta.scope = '*'
  LEFT JOIN enterprise_counts ec ON g.dimension = 'ownership' AND ec.grp = g.grp
  LEFT JOIN reached rc ON g.dimension = 'ownership' AND rc.org = g.org AND rc.grp = g.grp
),

pcts AS (
  SELECT n.*,
         CASE WHEN members IS NOT NULL AND eligible > 0
              THEN CAST(FLOOR((20000.0 * members + eligible) / (2.0 * eligible)) AS BIGINT) END AS coverage_h,
         CASE WHEN recruited IS NOT NULL AND eligible > members_start
              THEN CAST(FLOOR((20000.0 * recruited + (eligible - members_start))
                              / (2.0 * (eligible - members_start))) AS BIGINT) END AS recruit_h
  FROM numbers n
)

SELECT p.period,
       x.org,
       x.dimension,
       x.grp AS "group",
       x.members,
       x.members_start,
       x.recruited,
       x.n_left AS "left",
       x.eligible,
       -- Two decimals; a missing percentage stays empty (Spark's printf would print "nu").
       CASE WHEN x.coverage_h IS NOT NULL THEN printf('%.2f', CAST(x.coverage_h AS DOUBLE) / 100) END AS coverage_pct,
       CASE WHEN x.recruit_h IS NOT NULL THEN printf('%.2f', CAST(x.recruit_h AS DOUBLE) / 100) END AS recruit_rate_pct,
       CASE WHEN x.target_h IS NOT NULL THEN printf('%.2f', CAST(x.target_h AS DOUBLE) / 100) END AS target_pct,
       CASE WHEN x.coverage_h IS NOT NULL AND x.target_h IS NOT NULL
            THEN printf('%.2f', CAST(x.coverage_h - x.target_h AS DOUBLE) / 100) END AS gap_pp,
       x.enterprises,
       x.enterprises_reached,
       x.as_of AS snapshot_as_of
FROM pcts x CROSS JOIN p
ORDER BY x.org, x.dimension, x.grp
