// Seeds the demo analyst on start so `npm start` has a login to print; a changed
// DEMO_PASSWORD takes effect on the next start.
import type { AppStore } from '../store/app-store';
import { hashPassword, verifyPassword } from './passwords';

export async function seedDemoUser(store: AppStore, email: string, password: string): Promise<void> {
  const existing = store.findUserByEmail(email);
  if (!existing) {
    store.createUser({ email, name: 'Demo Analyst', role: 'analyst', passwordHash: await hashPassword(password) });
  } else if (!(await verifyPassword(existing.passwordHash, password))) {
    store.setPasswordHash(existing.id, await hashPassword(password));
  }
}
