import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { confirmationPage, problemPage, RETURN_LINK_PAGE_POLICY } from './return-link-page.js';

const facts = {
  orderId: '<script>alert(1)</script>',
  marketplace: 'US',
  reason: 'Defective',
  state: 'requested',
  buyerComment: 'It "broke" & stopped',
  rma: null,
};

describe('the return link pages', () => {
  it('escape everything that comes from the return', () => {
    const html = confirmationPage(facts, { action: 'REPLY', maxLength: 2000 }, new Date('2026-12-07T17:00:00Z'));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('It &#34;broke&#34; &#38; stopped');
    expect(html).toContain('maxlength="2000"');
    expect(html).toContain('until 2026-12-07 17:00 UTC');
  });

  it('allow their one inline style by its hash, and no script', () => {
    const html = problemPage('This link has expired', 'It stopped working.');
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const hash = createHash('sha256').update(style).digest('base64');
    expect(RETURN_LINK_PAGE_POLICY).toContain(`style-src 'sha256-${hash}'`);
    expect(RETURN_LINK_PAGE_POLICY).toContain("default-src 'none'");
    expect(html).not.toContain('<script');
  });

  it('post the confirmation to the same address with the action it confirms', () => {
    const html = confirmationPage(
      facts,
      { action: 'CLOSE', reasons: [{ value: 'DECLINED', label: 'Declined by the seller' }] },
      new Date(),
    );
    expect(html).toContain('<form method="post">');
    expect(html).toContain('<input type="hidden" name="action" value="CLOSE">');
    expect(html).toContain('<option value="DECLINED">Declined by the seller</option>');
  });
});
