/**
 * Sends a completed reception-desk ticket on to a department (issue 21): the visit keeps the
 * number the patient holds and joins the department's queue in its lane; main prints the slip
 * again with the department's directions. The lane starts at the one the law gave, if any.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lane, Visit } from '../../../shared/domain';
import { usePick } from '../components/use-lang';
import { selectDepartments, selectLanes, useAppStore } from '../stores/app-store';
import { useVisitsStore } from '../stores/visits-store';

export function SendOnForm({ visit, onClose }: { visit: Visit; onClose: () => void }) {
  const { t } = useTranslation();
  const pick = usePick();
  const departments = useAppStore(selectDepartments);
  const lanes = useAppStore(selectLanes);
  const sendOn = useVisitsStore((s) => s.sendOn);
  const [department, setDepartment] = useState(departments[0]?.code ?? '');
  const lawLane = visit.priority?.lane;
  const [lane, setLane] = useState<Lane>(
    lawLane && lanes.includes(lawLane)
      ? lawLane
      : lanes.includes(visit.lane)
        ? visit.lane
        : 'normal',
  );
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (await sendOn(visit.id, department, lane)) onClose();
  };
  const id = `send-on-${visit.id}`;
  return (
    <form
      className="inline-form"
      data-testid="send-on-form"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <p className="hint">{t('arrivals.sendOnHint', { number: visit.queueNumber })}</p>
      <label htmlFor={`${id}-department`}>{t('desk.visits.department')}</label>
      <select
        id={`${id}-department`}
        ref={first}
        data-testid="send-on-department"
        value={department}
        onChange={(e) => setDepartment(e.target.value)}
      >
        {departments.map((d) => (
          <option key={d.code} value={d.code}>
            {pick(d.name)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-lane`}>{t('desk.visits.lane')}</label>
      <select
        id={`${id}-lane`}
        data-testid="send-on-lane"
        value={lane}
        onChange={(e) => setLane(e.target.value as Lane)}
      >
        {lanes.map((l) => (
          <option key={l} value={l}>
            {t(`lane.${l}`)}
          </option>
        ))}
      </select>
      <button type="submit" className="button button-primary" data-testid="send-on-confirm">
        {t('arrivals.sendOnConfirm')}
      </button>
      <button type="button" className="button" onClick={onClose}>
        {t('actions.back')}
      </button>
    </form>
  );
}
