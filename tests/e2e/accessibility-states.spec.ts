/** axe-core on states a scripted station holds still: lane choice, print error, staff decisions. */
import { expect, test } from '@playwright/test';
import { seriousViolations } from './support/axe';
import {
  insuredOnline,
  scriptedPatient,
  scriptedVisit,
  startScriptedStation,
} from './support/scripted-station';

test('states held by a scripted station: lane choice, done with a print error, desk decisions', async ({
  page,
}) => {
  const station = await startScriptedStation({ visits: [scriptedVisit(1), scriptedVisit(2)] });
  try {
    await page.goto(station.url);
    station.push({
      step: 'choose-department',
      patient: scriptedPatient(1),
      insurance: insuredOnline(80),
      needsStaff: null,
      existingVisits: [],
    });
    await page.getByTestId('department-KHAM').click();
    await expect(page.getByTestId('kiosk-choose-lane')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    const noPaper = { code: 'PRINT_NO_PAPER', message: { vi: 'Hết giấy.', en: 'No paper.' } };
    station.push({ step: 'done', visit: scriptedVisit(1), reprint: false, printError: noPaper });
    await expect(page.getByTestId('kiosk-done')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    station.push({
      step: 'choose-department',
      patient: scriptedPatient(1),
      insurance: { source: 'pending', result: null, cachedAt: null, stale: false, note: null },
      needsStaff: { code: 'INSURANCE_UNAVAILABLE', message: { vi: 'Mất kết nối.', en: 'Down.' } },
      existingVisits: [],
    });
    await page.goto(station.deskUrl);
    await expect(page.getByTestId('needs-staff')).toBeVisible();
    await page.getByTestId('dev-toggle').click();
    expect(await seriousViolations(page)).toEqual([]);
  } finally {
    await station.close();
  }
});
