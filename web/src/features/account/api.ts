import { useMutation } from '@tanstack/react-query';
import { type PasswordChange, PasswordChangedSchema } from '#shared/schemas/auth.js';
import { apiRequest } from '../../lib/api-client.js';

/** Changes the signed-in person's password; the server ends their other sessions (this one stays). */
export const useChangePassword = () =>
  useMutation({
    mutationFn: (body: PasswordChange) =>
      apiRequest('/api/me/password', { method: 'POST', body, schema: PasswordChangedSchema }),
  });
