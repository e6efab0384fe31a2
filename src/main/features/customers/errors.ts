// Field-level refusals the customer handlers share; messages are i18n keys (src/shared/errors.ts).
import { KehuError } from '../../../shared/errors';

export const invalidField = (path: string, message: string, params?: Record<string, string | number>) =>
  new KehuError({ code: 'invalid_input', fields: [{ path, message, ...(params ? { params } : {}) }] });
