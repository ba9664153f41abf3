// The blue banner: product name, who is signed in, and the sign-out button.
import type { SignedInUser } from '../api/api-types';
import { SignOutButton } from './sign-out-button';

export function AppHeader({ user }: { user: SignedInUser | null }) {
  return (
    <header className="app-header">
      <h1 className="app-title">HES Workbench</h1>
      <span className="app-subtitle">Hospital Episode Statistics · synthetic demo data</span>
      {user && (
        <span className="app-user">
          <span data-testid="signed-in-user">{user.name}</span>
          <SignOutButton />
        </span>
      )}
    </header>
  );
}
