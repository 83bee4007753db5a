import type { ReactNode } from 'react';
import { Button } from '../../../web/components/index.tsx';
import { paths } from '../../../web/paths.ts';

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

/** The strength meter for the new-password field on this page (a static script: the CSP allows no inline code). */
export function WachtwoordMeter() {
  return <script src={paths.asset('wachtwoordmeter.js')} defer />;
}
