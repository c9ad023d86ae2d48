/** Checks the crash and concurrency tests make on a store afterwards (SQLite file or PostgreSQL). */
import Database from 'better-sqlite3';
import pg from 'pg';

export interface QueueAudit {
  visits: number;
  rechecks: number;
  /** Per counter key: the sequence numbers found, which must be exactly 1..last_seq. */
  problems: string[];
  numbers: Set<string>;
  integrity: string;
}

const VISIT_CHECK_SELECT = 'SELECT queue_number, patient_name, insurance_json FROM visits';

interface VisitCheckRow {
  queue_number: string;
  patient_name: string | null;
  insurance_json: string;
}

/** Every visit whole (person, insurance) and every number once; returns the numbers. */
function checkVisitRows(rows: VisitCheckRow[], problems: string[]): Set<string> {
  for (const r of rows) {
    if (!r.patient_name) problems.push(`${r.queue_number}: no patient`);
    try {
      JSON.parse(r.insurance_json);
    } catch {
      problems.push(`${r.queue_number}: insurance not JSON`);
    }
  }
  const numbers = new Set(rows.map((r) => r.queue_number));
  if (numbers.size !== rows.length) problems.push('duplicate queue numbers');
  return numbers;
}

export function auditQueue(file: string): QueueAudit {
  const db = new Database(file, { readonly: true });
  try {
    const problems: string[] = [];
    const counters = db
      .prepare('SELECT day, station_id, department, lane, last_seq FROM queue_counters')
      .all() as Array<{
      day: string;
      station_id: string;
      department: string;
      lane: string;
      last_seq: number;
    }>;
    for (const c of counters) {
      const seqs = (
        db
          .prepare(
            'SELECT queue_seq FROM visits WHERE day = ? AND station_id = ? AND department = ? AND lane = ? ORDER BY queue_seq',
          )
          .all(c.day, c.station_id, c.department, c.lane) as Array<{ queue_seq: number }>
      ).map((r) => r.queue_seq);
      const expected = Array.from({ length: c.last_seq }, (_, i) => i + 1);
      if (JSON.stringify(seqs) !== JSON.stringify(expected)) {
        problems.push(`${c.department}/${c.lane}: counter ${c.last_seq}, visits ${seqs.length}`);
      }
    }
    const rows = db.prepare(VISIT_CHECK_SELECT).all() as VisitCheckRow[];
    const numbers = checkVisitRows(rows, problems);
    return {
      visits: rows.length,
      rechecks: (db.prepare('SELECT count(*) AS n FROM recheck_queue').get() as { n: number }).n,
      problems,
      numbers,
      integrity: db.pragma('integrity_check', { simple: true }) as string,
    };
  } finally {
    db.close();
  }
}

/** The same checks on the hospital's PostgreSQL database (`url`), all counters at once. */
export async function auditPgQueue(url: string): Promise<Omit<QueueAudit, 'integrity'>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const problems: string[] = [];
    const gaps = await client.query<{ key: string; last_seq: number; n: number; ok: boolean }>(
      `SELECT c.day || '/' || c.department || '/' || c.lane AS key, c.last_seq,
              count(v.id)::int AS n,
              coalesce(array_agg(v.queue_seq ORDER BY v.queue_seq) FILTER (WHERE v.id IS NOT NULL)
                = array(SELECT generate_series(1, c.last_seq)), c.last_seq = 0) AS ok
       FROM queue_counters c
       LEFT JOIN visits v ON v.day = c.day AND v.department = c.department AND v.lane = c.lane
       GROUP BY c.day, c.department, c.lane, c.last_seq`,
    );
    for (const g of gaps.rows) {
      if (!g.ok) problems.push(`${g.key}: counter ${g.last_seq}, visits ${g.n}`);
    }
    const rows = (await client.query<VisitCheckRow>(VISIT_CHECK_SELECT)).rows;
    const numbers = checkVisitRows(rows, problems);
    const rechecks = await client.query<{ n: number; visits: number }>(
      'SELECT count(*)::int AS n, count(DISTINCT visit_id)::int AS visits FROM recheck_queue',
    );
    if (rechecks.rows[0]!.visits !== rechecks.rows[0]!.n)
      problems.push('a visit with two re-check rows');
    return { visits: rows.length, rechecks: rechecks.rows[0]!.n, problems, numbers };
  } finally {
    await client.end();
  }
}
