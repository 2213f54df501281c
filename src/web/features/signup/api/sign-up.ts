import { useMutation } from '@tanstack/react-query';

import type { SignupBody, SignupResult } from '../../../../shared/contracts/signup.js';
import { api } from '../../../lib/api-client';

/** Creates the school on trial with its first admin; the answer links to the school's host. */
export function signUp(body: SignupBody): Promise<SignupResult> {
  return api.post<SignupResult>('/api/signup', body);
}

export function useSignUp() {
  return useMutation({ mutationFn: signUp });
}
