import type { Handlers } from './dispatch';
import { appHandlers } from './handlers/app';
import { dataHandlers } from './handlers/data';

export const handlers: Handlers = {
  ...appHandlers,
  ...dataHandlers,
};
