/** The main sections, at the bottom of the screen where a thumb reaches them. */
import type { JSX } from 'preact';
import { useLocation } from 'preact-iso';
import { routes } from './routes';

const items = [
  { href: routes.home, label: 'Conferences', match: (p: string) => p === '/' || p.startsWith('/c/') || p.startsWith('/t/') || p.startsWith('/conferences') },
  { href: '/search', label: 'Search', match: (p: string) => p === '/search' },
  { href: routes.trash, label: 'Trash', match: (p: string) => p === routes.trash },
  { href: routes.settings, label: 'Settings', match: (p: string) => p === routes.settings },
];

export function BottomNav(): JSX.Element {
  const { path } = useLocation();
  return (
    <nav class="bottom-nav" aria-label="Main">
      {items.map((i) => (
        <a key={i.href} href={i.href} class="bottom-nav__item" aria-current={i.match(path) ? 'page' : undefined}>
          {i.label}
        </a>
      ))}
    </nav>
  );
}
