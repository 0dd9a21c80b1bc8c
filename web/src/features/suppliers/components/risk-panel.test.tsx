import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeAssessment } from '../../../../test/supplier-fixtures.js';
import { RiskPanel } from './risk-panel.js';

const SUPPLIER_ID = '11111111-1111-4111-8111-111111111111';
const turkmenCotton = {
  country: 'TM',
  goods: ['cotton'],
  tier: 1,
  headcount: 300,
  migrantWorkerShare: 5,
  agencyWorkerShare: null,
};

describe('RiskPanel', () => {
  it('leads with one plain sentence, names datasets by title and says what set the assessment off', () => {
    const assessment = makeAssessment(SUPPLIER_ID, turkmenCotton, [], {
      trigger: 'profile_changed',
      triggerDetail: 'profile changed: migrant worker share',
    });
    render(<RiskPanel assessment={assessment} />);
    const risk = screen.getByRole('region', { name: 'Current risk' });
    const sentence = risk.querySelector('.risk-sentence')!;
    expect(sentence.textContent).toMatch(
      /^(High|Critical) (mainly )?because cotton from Turkmenistan is on the US list of goods made with .*forced labour/,
    );
    // The sentence comes before any number or table.
    expect(risk.querySelector('.risk-head')!.contains(sentence)).toBe(true);
    expect(
      within(risk).getByText(/^Reassessed because the profile changed: migrant worker share/),
    ).toBeTruthy();
    expect(within(risk).getByText(/Data used: .*Walk Free Global Slavery Index 2023/)).toBeTruthy();
    expect(risk.textContent).not.toMatch(/us-tip-2025|gsi-2023|ilab-2022/);
  });

  it('explains confidence where it is shown: what it measures, why this value, what would raise it', async () => {
    const assessment = makeAssessment(SUPPLIER_ID, turkmenCotton);
    render(<RiskPanel assessment={assessment} />);
    const user = userEvent.setup();
    await user.click(screen.getByText('What confidence means'));
    expect(
      screen.getByText(/^Confidence says how much of what this rating needs was actually known/),
    ).toBeTruthy();
    const percent = Math.round(assessment.result.confidence.value * 100);
    expect(screen.getByText(new RegExp(`^It is ${percent}% because the published data covers`))).toBeTruthy();
    expect(
      screen.getByText(/^Recording accepted answers to a questionnaire .* would raise it\.$/),
    ).toBeTruthy();
  });

  it('keeps the arithmetic one click away, behind "Show the arithmetic"', async () => {
    const assessment = makeAssessment(SUPPLIER_ID, turkmenCotton);
    render(<RiskPanel assessment={assessment} />);
    const residual = assessment.result.residual.formula;
    const summary = screen.getByText('Show the arithmetic');
    const details = summary.closest('details')!;
    expect(details.open).toBe(false);
    // The formula lives only inside the closed disclosure, not on the tiles.
    expect(within(details).getByText(residual)).toBeTruthy();
    expect(screen.getAllByText(residual)).toHaveLength(1);
    await userEvent.setup().click(summary);
    expect(details.open).toBe(true);
    expect(within(details).getByText(assessment.result.inherent.formula)).toBeTruthy();
    expect(within(details).getByText(assessment.result.confidence.formula)).toBeTruthy();
  });

  it('an assessment made when the supplier was added says so', () => {
    const assessment = makeAssessment(SUPPLIER_ID, turkmenCotton, [], {
      trigger: 'created',
      triggerDetail: 'supplier added',
    });
    render(<RiskPanel assessment={assessment} />);
    expect(screen.getByText(/^Assessed when the supplier was added/)).toBeTruthy();
  });
});
