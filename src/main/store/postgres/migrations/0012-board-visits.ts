import type { PgMigration } from './pg-migration';

/**
 * What a waiting-room display may read on the hospital's server: the view `board_visits`, with
 * the columns the board needs (number, department, lane, progress, room, calls) and the name only
 * as the board shows it, masked by the server (`board_masked_name`), so that a display's role
 * never receives a full name, an ID or BHYT number or a date of birth (its role has no SELECT on
 * `visits`: ../pg-grants.ts). The view reads `visits` with its owner's rights; it filters no rows,
 * so no function a caller puts in a WHERE can see more than the view's own columns.
 *
 * The masking is the board's (src/main/domain/visit-progress.ts, `maskedName`): the family name in
 * full, each other word's first letter and a dot, the words split on what JavaScript's `\s`
 * matches. `upper` follows the cluster's locale (a "C" cluster leaves "đ" as it is); the calling
 * service applies `maskedName` again to what it reads, which leaves a masked name as it is and
 * fixes that case.
 */
export const pgMigration0012: PgMigration = {
  version: 12,
  name: 'board-visits',
  sql: `
    CREATE FUNCTION public.board_masked_name(full_name TEXT) RETURNS TEXT
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT CASE WHEN cardinality(w) = 0 THEN NULL ELSE w[1] || COALESCE(
          (SELECT string_agg(' ' || upper(left(x, 1)) || '.', '' ORDER BY n)
           FROM unnest(w[2:]) WITH ORDINALITY AS t (x, n)), '') END
        FROM (SELECT array_remove(regexp_split_to_array(full_name,
          '[\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]+'),
          '') AS w) AS s
      $$;

    CREATE VIEW public.board_visits AS
      SELECT id, day, department, lane, queue_number,
             public.board_masked_name(patient_name) AS masked_name,
             status, progress, progress_room, progress_at, call_count
      FROM public.visits;
  `,
};
