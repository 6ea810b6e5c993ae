import { cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';

// preact-iso's Router scrolls to the top after each navigation; jsdom has no layout to scroll.
window.scrollTo = () => undefined;

afterEach(() => cleanup());
