import type { Handlers } from './dispatch';
import { appHandlers } from './handlers/app';
import { dataHandlers } from './handlers/data';
import { planHandlers } from './handlers/plan';

export const handlers: Handlers = {
  ...appHandlers,
  ...dataHandlers,
  ...planHandlers,
};
