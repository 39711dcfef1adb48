// A long table folded away on phones only: at 390 px a table of more than a dozen rows becomes a
// dozen screens of cards (the large city's camera list alone was 18,000 px), so there it sits
// behind a button that says what it holds; on wider screens the button is hidden and the table
// always shows (app/globals.css, .phone-fold). A <details>, so it works without scripts.
import type { ReactNode } from "react";

/** More rows than this fold away on phones. */
export const PHONE_FOLD_ROWS = 12;

export function PhoneFold({ rows, summary, children }: { rows: number; summary: string; children: ReactNode }) {
  if (rows <= PHONE_FOLD_ROWS) return <>{children}</>;
  return (
    <details className="phone-fold">
      <summary>{summary}</summary>
      {children}
    </details>
  );
}
