import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Supplier } from '#shared/schemas/suppliers.js';
import { json, mockFetch, type RecordedRequest } from '../../../../test/fetch-mock.js';
import { makeSession, pageOf } from '../../../../test/fixtures.js';
import { renderApp } from '../../../../test/render.js';
import { makeSupplier } from '../../../../test/supplier-fixtures.js';

/** The 409 a stale update gets: the server's message and the supplier as it is now. */
const stale = (current: Supplier) =>
  json(409, {
    error: {
      code: 'conflict',
      message: `Someone else changed this supplier after you loaded it (it is now at revision ${current.revision}).`,
      requestId: 'req-test',
      current,
    },
  });

/** An edit page whose first PATCH meets someone else's save (`theirs`), and whose later PATCHes succeed. */
const setup = (mine: Supplier, theirs: Supplier) => {
  let patches = 0;
  const mock = mockFetch({
    'GET /api/me': () => json(200, makeSession('officer')),
    'GET /api/suppliers': () => json(200, pageOf([])),
    [`GET /api/suppliers/${mine.id}`]: () => json(200, patches === 0 ? mine : theirs),
    [`PATCH /api/suppliers/${mine.id}`]: (req: RecordedRequest) => {
      patches += 1;
      if (patches === 1) return stale(theirs);
      return json(200, { ...theirs, ...(req.body as object), revision: theirs.revision + 1 });
    },
    [`GET /api/suppliers/${mine.id}/assessments`]: () => json(200, { ...pageOf([]), limit: 20 }),
    [`GET /api/suppliers/${mine.id}/tree`]: () =>
      json(200, {
        id: mine.id,
        name: mine.name,
        country: 'BD',
        tier: 1,
        rating: null,
        moreBelow: false,
        children: [],
      }),
  });
  return { ...mock, patches: () => mock.find('PATCH', `/api/suppliers/${mine.id}`) };
};

describe('SupplierForm when someone else saved meanwhile', () => {
  const loaded = makeSupplier({ name: 'Dhaka Knitwear Ltd', tier: 1, headcount: 1850, revision: 1 });
  const theirs: Supplier = { ...loaded, tier: 2, headcount: 2000, revision: 2 };

  it('says so plainly, then reloads their version with the fields the person changed re-applied on top', async () => {
    const { patches } = setup(loaded, theirs);
    const { user } = renderApp(`/suppliers/${loaded.id}/edit`);

    const name = await screen.findByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'Dhaka Knitwear Limited');
    const headcount = screen.getByLabelText('Headcount (optional)');
    await user.clear(headcount);
    await user.type(headcount, '1900');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const title = await screen.findByText('Someone else changed this supplier while you were editing it');
    expect(title.closest('[role="alert"]')).toBeTruthy();
    // Save was pressed at the foot of the form: the notice takes the focus (and so comes into sight).
    expect(title.closest('.edit-conflict')).toBe(document.activeElement);
    expect(
      screen.getByText(/They changed the tier and the headcount\. Your changes are not saved yet\./),
    ).toBeTruthy();
    expect(screen.getByText(/You both changed the headcount/)).toBeTruthy();
    expect(patches()[0]?.headers.get('if-match')).toBe('"1"');
    expect(patches()[0]?.body).toEqual({ name: 'Dhaka Knitwear Limited', headcount: 1900 });

    await user.click(screen.getByRole('button', { name: 'Load their version and keep my changes' }));
    // Their tier, my name and my headcount (the field we both changed keeps mine, and says so).
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Dhaka Knitwear Limited');
    expect((screen.getByLabelText('Tier') as HTMLSelectElement).value).toBe('2');
    expect((screen.getByLabelText('Headcount (optional)') as HTMLInputElement).value).toBe('1900');
    const notice = screen
      .getByText('The latest supplier is loaded, with your changes on top')
      .closest('.alert');
    // The button pressed is gone with the first notice; the focus is on the one that replaced it, not lost.
    expect(notice?.closest('.edit-conflict')).toBe(document.activeElement);
    expect(within(notice as HTMLElement).getByText(/Check the headcount/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(patches()).toHaveLength(2));
    // Made from their revision now, and only what differs from it.
    expect(patches()[1]?.headers.get('if-match')).toBe('"2"');
    expect(patches()[1]?.body).toEqual({ name: 'Dhaka Knitwear Limited', headcount: 1900 });
    expect(await screen.findByText('Changes saved.')).toBeTruthy();
  }, 20_000);

  it('can drop the changes instead: the form shows their version and sends nothing', async () => {
    const { patches } = setup(loaded, theirs);
    const { user } = renderApp(`/suppliers/${loaded.id}/edit`);

    const name = await screen.findByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'Mine only');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Someone else changed this supplier while you were editing it');
    expect(screen.getByText(/You changed different things/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Discard my changes' }));
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Dhaka Knitwear Ltd');
    expect((screen.getByLabelText('Tier') as HTMLSelectElement).value).toBe('2');
    expect((screen.getByLabelText('Headcount (optional)') as HTMLInputElement).value).toBe('2000');
    expect(screen.queryByText(/Someone else changed/)).toBeNull();
    expect(patches()).toHaveLength(1);
  }, 20_000);
});
