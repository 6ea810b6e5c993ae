// Links stored by a backup, an import or sync are not checked by the forms: the screens must not make them live.
import { screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/db/database';
import { resetDb } from '../helpers/db';
import { conference, talk } from '../helpers/factories';
import { renderAppAt } from '../helpers/render-app';

const conf = conference({ id: 'c1', name: 'Restored Conf', url: 'javascript:alert(1)' });
const t = talk({
  id: 't1',
  conferenceId: 'c1',
  title: 'Restored talk',
  links: [
    { label: 'Slides', url: 'https://example.org/slides' },
    { label: 'Trap', url: 'javascript:alert(1)' },
    { label: '', url: 'data:text/html,<script>alert(1)</script>' },
  ],
});

beforeEach(async () => {
  await resetDb();
  await db.conferences.add(conf);
  await db.talks.add(t);
});

describe('stored links that are not web addresses', () => {
  it('shows a talk’s javascript: and data: links as text, and its web link as a link', async () => {
    renderAppAt('/t/t1');
    await screen.findByRole('heading', { level: 1, name: 'Restored talk' });
    expect(screen.getByRole('link', { name: 'Slides' }).getAttribute('href')).toBe('https://example.org/slides');
    expect(screen.queryByRole('link', { name: /Trap/ })).toBeNull();
    expect(screen.getByText('Trap (javascript:alert(1))').tagName).toBe('SPAN');
    expect(screen.getByText('data:text/html,<script>alert(1)</script>').tagName).toBe('SPAN');
    expect([...document.querySelectorAll('a')].map((a) => a.getAttribute('href')).filter((h) => /^(javascript|data):/i.test(h ?? ''))).toEqual([]);
  });

  it('shows a conference address that is not a web address as text', async () => {
    renderAppAt('/c/c1');
    await screen.findByRole('heading', { level: 1, name: 'Restored Conf' });
    expect(screen.getByText('javascript:alert(1)').tagName).toBe('SPAN');
    expect([...document.querySelectorAll('a')].some((a) => /^javascript:/i.test(a.getAttribute('href') ?? ''))).toBe(false);
  });
});
