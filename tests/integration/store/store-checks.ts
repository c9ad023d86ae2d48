/** Checks the crash and concurrency tests make on a database file after the fact. */
import Database from 'better-sqlite3';

export interface QueueAudit {
  visits: number;
  outbox: number;
  /** Per counter key: the sequence numbers found, which must be exactly 1..last_seq. */
  problems: string[];
  numbers: Set<string>;
  integrity: string;
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
    const rows = db
      .prepare('SELECT queue_number, patient_name, insurance_json FROM visits')
      .all() as Array<{
      queue_number: string;
      patient_name: string | null;
      insurance_json: string;
    }>;
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
    return {
      visits: rows.length,
      outbox: (db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n,
      problems,
      numbers,
      integrity: db.pragma('integrity_check', { simple: true }) as string,
    };
  } finally {
    db.close();
  }
}
