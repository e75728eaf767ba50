import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EligibilityChecklist, type ChecklistCriterion } from './eligibility-checklist';

const criteria: ChecklistCriterion[] = [
  { criterion: 'BUSINESS_DETAILS', status: 'PASS', hard: true, summary: 'Second Try Tech, professional new seller' },
  {
    criterion: 'IMAGES',
    status: 'PASS',
    hard: true,
    summary: '8 images, at least 8 required; all 8 required views present',
  },
  { criterion: 'WARRANTY', status: 'FAIL', hard: true, summary: 'Renewed Guarantee not accepted yet' },
];

const entry = (name: string) => screen.getByText(name).closest('li')!;

describe('EligibilityChecklist of a rejected application', () => {
  it("shows the reviewer's reason at a criterion that passes on the figures, saying it was rejected anyway", () => {
    render(
      <EligibilityChecklist
        title="Eligibility at submission"
        criteria={criteria}
        eligible={false}
        reviewerReasons={{ IMAGES: 'The photos show a different model from the invoices.' }}
      />,
    );
    const images = entry('Sample images');
    expect(within(images).getByText('Passes')).toBeInTheDocument();
    expect(images).toHaveTextContent(
      'Passes on the figures, but the reviewer rejected it: The photos show a different model from the invoices.',
    );
    expect(screen.getByText(/^The reviewer rejected it on Sample images/)).toBeInTheDocument();
    // Criteria the reviewer did not name say nothing of the kind.
    expect(entry('Business details')).not.toHaveTextContent('reviewer');
  });

  it('says "Rejected by the reviewer" at a failing criterion the reviewer named', () => {
    render(
      <EligibilityChecklist
        title="Eligibility at submission"
        criteria={criteria}
        eligible={false}
        reviewerReasons={{ WARRANTY: 'No guarantee accepted.' }}
      />,
    );
    expect(entry('Warranty')).toHaveTextContent('Rejected by the reviewer: No guarantee accepted.');
  });

  it('says nothing about a reviewer when there is no rejection', () => {
    render(<EligibilityChecklist title="Eligibility now" criteria={criteria} eligible={false} />);
    expect(screen.queryByText(/reviewer/)).not.toBeInTheDocument();
  });
});
