import { Fragment, useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface Props {
  /** Names the region for screen readers, e.g. "API keys": usually the table's caption. */
  label: string;
  /** The <table>. */
  children: ReactNode;
}

interface Overflow {
  /** Columns hidden to the left (scrolled past). */
  readonly before: boolean;
  /** Columns hidden to the right. */
  readonly after: boolean;
}

const NONE: Overflow = { before: false, after: false };

/**
 * A table wider than the screen scrolls inside its own frame, never the page. The frame is a
 * labelled region in the Tab order, so a keyboard user can reach it and scroll it with the arrow
 * keys (axe: scrollable-region-focusable); while columns are hidden, a shadow on that edge and a
 * line under the table say that there is more.
 */
export function ScrollableTable({ label, children }: Props) {
  const frameRef = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const [overflow, setOverflow] = useState<Overflow>(NONE);

  const measure = useCallback(() => {
    const frame = frameRef.current;
    if (!frame) return;
    const hidden = frame.scrollWidth - frame.clientWidth;
    // A pixel of rounding is not a hidden column.
    const next = {
      before: hidden > 1 && frame.scrollLeft > 1,
      after: hidden > 1 && frame.scrollLeft < hidden - 1,
    };
    setOverflow((current) => (current.before === next.before && current.after === next.after ? current : next));
  }, []);

  useEffect(() => {
    measure();
    const frame = frameRef.current;
    if (!frame || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(frame);
    const table = frame.firstElementChild;
    if (table) observer.observe(table);
    return () => observer.disconnect();
  }, [measure]);

  const scrolls = overflow.before || overflow.after;
  const classes = ['table-scroll', overflow.before && 'is-clipped-before', overflow.after && 'is-clipped-after']
    .filter(Boolean)
    .join(' ');
  return (
    <div className="table-scroll-frame">
      <div
        ref={frameRef}
        className={classes}
        role="region"
        aria-label={label}
        aria-describedby={scrolls ? hintId : undefined}
        tabIndex={0}
        onScroll={measure}
      >
        {children}
      </div>
      {scrolls && (
        <p id={hintId} className="table-scroll-hint">
          {overflow.after ? 'More columns to the right: scroll sideways.' : 'More columns to the left: scroll back.'}
        </p>
      )}
    </div>
  );
}

/**
 * A table of records as the app draws them: in a ScrollableTable frame, with a caption for
 * screen readers and one header row. Each of `columns` is a column's name (a `<th scope="col">`),
 * a header cell of its own (a `<th>` holding more than a name, e.g. a select-all box), or false
 * for a column not shown. The children are the rows.
 */
export function DataTable({
  label,
  caption,
  className,
  columns,
  children,
}: {
  /** Names the scrolling region, e.g. "API keys". */
  label: string;
  caption: string;
  /** Classes beside `data-table`. */
  className?: string;
  columns: readonly ReactNode[];
  children: ReactNode;
}) {
  return (
    <ScrollableTable label={label}>
      <table className={className ? `data-table ${className}` : 'data-table'}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, index) =>
              typeof column === 'string' ? (
                <th key={column} scope="col">
                  {column}
                </th>
              ) : (
                <Fragment key={index}>{column}</Fragment>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </ScrollableTable>
  );
}
