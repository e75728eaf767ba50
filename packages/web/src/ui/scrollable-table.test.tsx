import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataTable, ScrollableTable } from './scrollable-table';

/** jsdom lays nothing out: the frame's widths and scroll position are set per test. */
function layout({ scrollWidth, clientWidth }: { scrollWidth: number; clientWidth: number }) {
  vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockReturnValue(scrollWidth);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(clientWidth);
}

function renderTable() {
  render(
    <ScrollableTable label="API keys">
      <table>
        <tbody>
          <tr>
            <td>ERP sync</td>
          </tr>
        </tbody>
      </table>
    </ScrollableTable>,
  );
  return screen.getByRole('region', { name: 'API keys' });
}

describe('ScrollableTable', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is a labelled region in the Tab order, so the keyboard can reach and scroll it', () => {
    layout({ scrollWidth: 300, clientWidth: 300 });
    const frame = renderTable();
    expect(frame).toHaveAttribute('tabindex', '0');
    expect(frame).toContainElement(screen.getByRole('table'));
  });

  it('says nothing about scrolling when the table fits', () => {
    layout({ scrollWidth: 300, clientWidth: 300 });
    const frame = renderTable();
    expect(screen.queryByText(/scroll/)).not.toBeInTheDocument();
    expect(frame).not.toHaveClass('is-clipped-after');
  });

  it('says there are more columns to the right, and to the left once scrolled to the end', () => {
    layout({ scrollWidth: 480, clientWidth: 390 });
    const frame = renderTable();
    expect(frame).toHaveClass('is-clipped-after');
    expect(frame).not.toHaveClass('is-clipped-before');
    expect(frame).toHaveAccessibleDescription('More columns to the right: scroll sideways.');

    frame.scrollLeft = 90;
    fireEvent.scroll(frame);
    expect(frame).toHaveClass('is-clipped-before');
    expect(frame).not.toHaveClass('is-clipped-after');
    expect(frame).toHaveAccessibleDescription('More columns to the left: scroll back.');
  });
});

describe('DataTable', () => {
  it('names its columns, leaves out the ones not shown and keeps a header cell given whole', () => {
    render(
      <DataTable
        label="Return requests"
        caption="Return requests, newest first"
        className="queue-table"
        columns={[
          <th key="select" scope="col">
            <input type="checkbox" aria-label="Select every return on this page" />
          </th>,
          'Order',
          false,
          'State',
        ]}
      >
        <tr>
          <td />
          <td>113-0000001</td>
          <td>Requested</td>
        </tr>
      </DataTable>,
    );
    const table = screen.getByRole('table', { name: 'Return requests, newest first' });
    expect(table).toHaveClass('data-table', 'queue-table');
    expect(screen.getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['', 'Order', 'State']);
    expect(screen.getByRole('checkbox', { name: 'Select every return on this page' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Return requests' })).toContainElement(table);
  });
});
