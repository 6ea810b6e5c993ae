import { cleanup, configure } from '@testing-library/preact';
import { afterAll, afterEach } from 'vitest';

// preact-iso's Router scrolls to the top after each navigation; jsdom has no layout to scroll.
window.scrollTo = () => undefined;

// Two cores shared with the browser tests: give findBy/waitFor room before calling a slow render a failure.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => cleanup());

// Preact runs effects after paint through a timer of up to 100 ms; one still queued when the file ends would run
// after jsdom is torn down ("document is not defined"). Letting the timers fire first keeps the run clean.
afterAll(() => new Promise<void>((resolve) => setTimeout(resolve, 150)));
