import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describeVerdict, judgePassword, loadPasswordChecker, personalWords } from './strength.js';

const owner = { email: 'amara.okafor@demo.test', name: 'Amara Okafor' };

describe('password strength', () => {
  it.each([
    ['aaaaaaaaaaaa', /Repeated characters/],
    ['password1234', /commonly used password/],
    ['qwertyuiop12', /too easy to guess/],
    ['amara.okafor@demo.test', /e-mail address or name/],
    ['Okafor-rules-the-world', /e-mail address or name/],
    ['AMARA.OKAFOR', /e-mail address or name/],
    ['short-1', /at least 12 characters/],
  ])('refuses %s and says why', async (password, why) => {
    const verdict = (await loadPasswordChecker()).check(password, owner);
    expect(verdict.ok).toBe(false);
    expect(describeVerdict(verdict)).toMatch(why);
  });

  it.each(['Correct-Horse-Battery-9', 'vineyard tundra pickle escalator', 'Tr0ub4dor&3-xyzzy'])(
    'accepts %s',
    async (password) => {
      const verdict = (await loadPasswordChecker()).check(password, owner);
      expect(verdict).toMatchObject({ ok: true, problem: null, suggestions: [] });
      expect(verdict.score).toBeGreaterThanOrEqual(3);
    },
  );

  // Random, so sampled: 20 of each shape (each check costs tens of milliseconds).
  it('accepts every shape of password the product generates (temporary, create-org, demo, e2e)', async () => {
    const checker = await loadPasswordChecker();
    for (let i = 0; i < 20; i++) {
      expect(checker.check(randomBytes(18).toString('base64url'), owner).ok).toBe(true);
      expect(checker.check(`Demo-${randomBytes(12).toString('base64url')}`, owner).ok).toBe(true);
      expect(checker.check(`E2e-${randomBytes(12).toString('base64url')}`, owner).ok).toBe(true);
    }
  }, 30_000);

  it('ignores name fragments too short to matter, and works without an owner', async () => {
    expect(personalWords({ email: 'al@x.io', name: 'Al Li' })).toEqual(['al@x.io', 'al li']);
    expect((await loadPasswordChecker()).check('Correct-Horse-Battery-9').ok).toBe(true);
  });

  it('passes on the estimator feedback when the score is too low', () => {
    const verdict = judgePassword(
      'x'.repeat(12),
      {},
      {
        score: 1,
        feedback: { warning: 'This is a frequently used password.', suggestions: ['Use words.'] },
      },
    );
    expect(describeVerdict(verdict)).toBe(
      'It is too easy to guess. This is a frequently used password. Use words.',
    );
  });
});
