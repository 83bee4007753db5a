import type { ReactNode } from 'react';
import { Button } from '../../../web/components/index.tsx';

/** The submit row under a form. */
export function Verstuur({ children }: { children: ReactNode }) {
  return (
    <div className="wk-form-actions">
      <Button>{children}</Button>
    </div>
  );
}

/** The hint under every new-password field. */
export const WACHTWOORD_UITLEG =
  'Minstens 12 tekens en niet makkelijk te raden. Een zin van een paar gewone woorden is sterk en goed te onthouden.';
