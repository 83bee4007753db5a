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
