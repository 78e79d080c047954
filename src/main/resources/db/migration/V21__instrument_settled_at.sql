-- When an instrument's resolution settled it: from then on no new position is taken in it. The
-- instruments component keeps it, so trading can refuse entries without reading resolution's
-- table; instruments resolved before this column existed take their resolution's time.
ALTER TABLE instruments ADD COLUMN settled_at TIMESTAMPTZ;

UPDATE instruments i
   SET settled_at = r.resolved_at
  FROM resolutions r
 WHERE r.symbol = i.symbol
   AND r.state = 'RESOLVED';
