import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LoadMore } from './load-more';

describe('LoadMore', () => {
  it('loads the page after the cursor, one at a time', async () => {
    let finish!: () => void;
    const onLoad = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    render(
      <LoadMore
        pageInfo={{ hasNextPage: true, endCursor: 'cursor-1' }}
        failure="More rows could not be loaded"
        onLoad={onLoad}
      />,
    );

    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(onLoad).toHaveBeenCalledWith('cursor-1');
    expect(screen.getByRole('button', { name: 'Loading more…' })).toBeDisabled();
    finish();
    expect(await screen.findByRole('button', { name: 'Load more' })).toBeEnabled();
  });

  it('says why a page failed, and tries again', async () => {
    const onLoad = vi.fn().mockRejectedValueOnce(new Error('Too many requests')).mockResolvedValueOnce(undefined);
    render(
      <LoadMore
        pageInfo={{ hasNextPage: true, endCursor: 'cursor-1' }}
        label="Load more offers"
        failure="More offers could not be loaded"
        onLoad={onLoad}
      />,
    );

    await userEvent.click(screen.getByRole('button', { name: 'Load more offers' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('More offers could not be loaded: Too many requests');
    await userEvent.click(screen.getByRole('button', { name: 'Load more offers' }));
    await vi.waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('shows no button when there is no next page', () => {
    render(
      <LoadMore
        pageInfo={{ hasNextPage: false, endCursor: null }}
        failure="More rows could not be loaded"
        onLoad={vi.fn()}
      />,
    );
    expect(screen.queryByRole('button')).toBeNull();
  });
});
