// The tables of the admin and account pages: a card that says "Loading…" until its list arrives,
// what to show when the list is empty, and a table whose header row comes from its column names.
import type { ReactNode } from 'react';

/** A column header; `hidden` keeps it for screen readers only (a column of row actions). */
export type Column = string | { label: string; hidden: true };

/** The header of a column of buttons: named for screen readers, blank on screen. */
export const ACTIONS: Column = { label: 'Actions', hidden: true };

export interface DataTableProps {
  columns: Column[];
  /** Extra classes next to `table` (e.g. `figures` for right-aligned numbers). */
  className?: string;
  /** The table's accessible name, when the section around it does not give one. */
  label?: string;
  /** A caption read to screen readers only. */
  caption?: string;
  testId?: string;
  children: ReactNode;
}

export function DataTable({ columns, className, label, caption, testId, children }: DataTableProps) {
  return (
    <table className={className ? `table ${className}` : 'table'} aria-label={label} data-testid={testId}>
      {caption ? <caption className="visually-hidden">{caption}</caption> : null}
      <thead>
        <tr>
          {columns.map((column) =>
            typeof column === 'string' ? (
              <th scope="col" key={column}>
                {column}
              </th>
            ) : (
              <th scope="col" key={column.label}>
                <span className="visually-hidden">{column.label}</span>
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

export interface ListCardProps<T> {
  /** The section's accessible name. */
  label: string;
  /** A visible heading, when the page has several cards. */
  title?: string;
  /** null while loading. */
  items: T[] | null;
  /** Shown when the list is empty (nothing by default). */
  empty?: ReactNode;
  /** Focusable, so a wide table can be scrolled sideways with the keyboard. */
  scrollable?: boolean;
  children: (items: T[]) => ReactNode;
}

export function ListCard<T>({
  label,
  title,
  items,
  empty,
  scrollable,
  children,
}: ListCardProps<T>) {
  return (
    <section className="card flush" aria-label={label} tabIndex={scrollable ? 0 : undefined}>
      {title ? <h2 className="card-title">{title}</h2> : null}
      {items === null ? <p className="muted pad">Loading…</p> : null}
      {items?.length === 0 && empty ? <p className="muted pad">{empty}</p> : null}
      {items && items.length > 0 ? children(items) : null}
    </section>
  );
}

/** What happened to a row's last action ("Testing…", "Key rotated"), announced politely. */
export function RowStatus({ message }: { message: string | undefined }) {
  return message ? (
    <div className="small muted" role="status">
      {message}
    </div>
  ) : null;
}
