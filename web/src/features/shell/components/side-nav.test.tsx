import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '#shared/roles.js';
import { json, mockFetch } from '../../../../test/fetch-mock.js';
import { makeSession } from '../../../../test/fixtures.js';
import { renderApp } from '../../../../test/render.js';

const navLinks = async () => {
  const nav = await screen.findByRole('navigation', { name: 'Main' });
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.textContent);
};

const signInAs = (role: Role) => mockFetch({ 'GET /api/me': () => json(200, makeSession(role)) });

describe('navigation by role', () => {
  it('offers an administrator every settings area', async () => {
    signInAs('admin');
    renderApp('/');
    expect(await navLinks()).toEqual([
      'Overview',
      'Suppliers',
      'Questionnaires',
      'Remediation',
      'Reports',
      'Reference data',
      'Scoring policy',
      'Account',
      'Users',
      'API keys',
      'Audit log',
    ]);
  });

  it('hides Users and API keys from an officer but keeps the audit log', async () => {
    signInAs('officer');
    renderApp('/');
    const links = await navLinks();
    expect(links).not.toContain('Users');
    expect(links).not.toContain('API keys');
    expect(links).toContain('Audit log');
  });

  it('gives an executive no administration or audit pages', async () => {
    signInAs('executive');
    renderApp('/');
    const links = await navLinks();
    expect(links).not.toContain('Users');
    expect(links).not.toContain('Audit log');
  });

  it('explains instead of loading when an officer opens the users page directly', async () => {
    const { find } = signInAs('officer');
    renderApp('/settings/users');
    expect(await screen.findByText('You do not have access to this page')).toBeTruthy();
    expect(find('GET', '/api/users')).toHaveLength(0);
  });
});

describe('the Menu button (the folded navigation on a phone)', () => {
  it('opens by keyboard with focus on the first link, and Escape closes it back onto the button', async () => {
    signInAs('officer');
    const { user } = renderApp('/');
    const toggle = await screen.findByRole('button', { name: 'Menu' });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.getAttribute('aria-controls')).toBe(nav.id);

    toggle.focus();
    await user.keyboard('{Enter}');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(nav.className).toContain('side-nav-open');
    expect(document.activeElement).toBe(within(nav).getByRole('link', { name: 'Overview' }));

    await user.keyboard('{Escape}');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(nav.className).not.toContain('side-nav-open');
    expect(document.activeElement).toBe(toggle);
  });

  it('closes when a link in it is followed', async () => {
    signInAs('officer');
    const { user, router } = renderApp('/');
    const toggle = await screen.findByRole('button', { name: 'Menu' });
    await user.click(toggle);
    await user.click(
      within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Reports' }),
    );
    await waitFor(() => expect(router.state.location.pathname).toBe('/reports'));
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });
});
