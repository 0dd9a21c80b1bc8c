import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { GoodMatchAnswer } from '#shared/schemas/reference.js';
import { json, mockFetch, type RecordedRequest } from '../../../../test/fetch-mock.js';
import { makeSession, pageOf } from '../../../../test/fixtures.js';
import { renderApp } from '../../../../test/render.js';

const answer = (over: Partial<GoodMatchAnswer>): GoodMatchAnswer => ({
  good: '',
  country: null,
  recognised: true,
  goodKey: '',
  matchedGoods: [],
  status: null,
  listings: [],
  suggestions: [],
  ...over,
});

/** The API's answers for the goods this test types. */
const goodMatch = (r: RecordedRequest) => {
  const good = r.query.get('good') ?? '';
  const country = r.query.get('country');
  if (good === 'crude palm oil') {
    return json(
      200,
      answer({
        good,
        country,
        goodKey: 'palm',
        matchedGoods: ['Palm Fruit', 'Crude Palm Oil', 'Refined Palm Oil', 'Crude Palm Kernel Oil'],
        status: country ? 'listed' : null,
      }),
    );
  }
  if (good === 'Cotton')
    return json(200, answer({ good, country, goodKey: 'cotton', matchedGoods: ['Cotton'] }));
  return json(
    200,
    answer({
      good,
      country,
      recognised: false,
      goodKey: good,
      status: country ? 'unknown_good' : null,
      suggestions: good === 'cotten' ? ['Cotton', 'coltan'] : [],
    }),
  );
};

describe('SupplierForm: goods as the ILAB list reads them', () => {
  it('says what each good is recognised as, offers the closest goods for one it is not, and replaces on click', async () => {
    const { find } = mockFetch({
      'GET /api/me': () => json(200, makeSession('officer')),
      'GET /api/suppliers': () => json(200, pageOf([])),
      'GET /api/reference-data/goods/match': goodMatch,
      'POST /api/suppliers': (r) => json(201, r.body),
    });
    const { user } = renderApp('/suppliers/new');

    await user.type(await screen.findByLabelText('Name'), 'Johor Mill');
    await user.type(screen.getByRole('combobox', { name: 'Country' }), 'Malaysia');
    await user.keyboard('{Enter}');
    await user.type(screen.getByLabelText('Goods'), 'crude palm oil, cotten, auto parts{Enter}');

    const checks = await screen.findByRole('list', { name: 'How the goods match the ILAB list' });
    // announced without moving focus
    expect(checks.parentElement?.getAttribute('aria-live')).toBe('polite');
    await waitFor(() =>
      expect(checks.textContent).toContain(
        '“crude palm oil”: recognised as Palm Fruit, Crude Palm Oil, Refined Palm Oil and 1 more (on the ILAB list for this country)',
      ),
    );
    expect(checks.textContent).toContain(
      '“cotten”: not recognised, so it scores as unknown data. Did you mean: Cotton, coltan?',
    );
    expect(checks.textContent).toContain('“auto parts”: not recognised');
    expect(checks.textContent).toContain('No listed good is close');
    expect(find('GET', '/api/reference-data/goods/match').every((r) => r.query.get('country') === 'MY')).toBe(
      true,
    );

    // keyboard: the suggestion is a button reached with Tab and pressed with Enter
    const suggestion = within(checks).getByRole('button', { name: 'Replace “cotten” with “Cotton”' });
    suggestion.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(checks.textContent).toContain('“Cotton”: recognised as Cotton'));
    expect(screen.queryByRole('button', { name: 'Remove good cotten' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Remove good Cotton' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Add supplier' }));
    await waitFor(() => expect(find('POST', '/api/suppliers')).toHaveLength(1));
    expect(find('POST', '/api/suppliers')[0]!.body).toMatchObject({
      goods: ['crude palm oil', 'Cotton', 'auto parts'],
    });
  }, 20_000);
});
