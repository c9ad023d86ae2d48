/** Steps the reception staff take on the desk screen, shared by the specs. */
import type { Page } from '@playwright/test';

export interface TypedPerson {
  idNumber: string;
  fullName: string;
  /** `YYYY-MM-DD`, typed as `dd/mm/yyyy` as staff do. */
  dateOfBirth: string;
  sex: string;
}

/** Types a person into the manual entry form and submits it. */
export async function submitManualEntry(page: Page, person: TypedPerson): Promise<void> {
  await page.getByTestId('manual-idNumber').fill(person.idNumber);
  await page.getByTestId('manual-fullName').fill(person.fullName);
  const [y, m, d] = person.dateOfBirth.split('-');
  await page.getByTestId('manual-dateOfBirth').fill(`${d}/${m}/${y}`);
  await page.getByTestId('manual-sex').selectOption(person.sex);
  await page.getByTestId('manual-submit').click();
}
