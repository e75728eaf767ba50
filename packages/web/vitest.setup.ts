import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy* and waitFor give up after this long (1 s by default): on a loaded 2-core CI machine a
// render after a click has taken longer. They return as soon as what they wait for is there.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => cleanup());
