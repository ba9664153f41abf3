// Seeds the demo analyst on first start so `npm start` has a login to print.
import type { AppStore } from '../store/app-store';
import { hashPassword } from './passwords';

export async function seedDemoUser(store: AppStore, email: string, password: string): Promise<void> {
  if (store.findUserByEmail(email)) return;
  store.createUser({ email, name: 'Demo Analyst', role: 'analyst', passwordHash: await hashPassword(password) });
}
