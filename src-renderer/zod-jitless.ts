import { z } from 'zod';

// The window's content security policy forbids eval, so Zod's compiled parsers (new
// Function) cannot run here and merely probing for them logs a CSP violation. Imported
// first by main.tsx, before any schema is defined.
z.config({ jitless: true });
