import type { ReactNode } from 'react';

interface PageProps {
  /** The id of the page's h1, which names the page's landmark. */
  titleId: string;
  /** The h1: what the page is. */
  title: ReactNode;
  /** The paragraph under the heading that says what the page is for. */
  lede?: ReactNode;
  /** In the header above the heading: the way back (a breadcrumb). */
  above?: ReactNode;
  /** In the header under the lede: a glossary, a marketplace switch, a record's facts. */
  below?: ReactNode;
  /** The page's own class, beside `page`. */
  className?: string;
  /** `article` for one record (a return), `section` for the rest. */
  as?: 'section' | 'article';
  children?: ReactNode;
}

/**
 * A page of the app: a landmark named by its h1, which takes focus (from script only, never a Tab
 * stop) when navigation arrives (useFocusHeadingOnNavigation), with its lede in the header.
 */
export function Page({ titleId, title, lede, above, below, className, as: Landmark = 'section', children }: PageProps) {
  return (
    <Landmark className={className ? `page ${className}` : 'page'} aria-labelledby={titleId}>
      <header className="page-header">
        {above}
        <h1 tabIndex={-1} id={titleId}>
          {title}
        </h1>
        {lede && <p className="lede">{lede}</p>}
        {below}
      </header>
      {children}
    </Landmark>
  );
}
