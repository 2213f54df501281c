import { queryOptions, useQuery } from '@tanstack/react-query';

import type { SignupChallenge } from '../../../../shared/contracts/signup.js';
import { api } from '../../../lib/api-client';

export interface ReceivedChallenge extends SignupChallenge {
  /** When this browser got it, to tell its age without trusting the two clocks agree. */
  receivedAt: number;
}

export const signupChallengeQueryKey = ['signup-challenge'] as const;

export async function getSignupChallenge(signal?: AbortSignal): Promise<ReceivedChallenge> {
  const challenge = await api.get<SignupChallenge>('/api/signup/challenge', undefined, signal);
  return { ...challenge, receivedAt: Date.now() };
}

// A challenge works once: it is never reused from a cache, only replaced by a fresh one.
export function signupChallengeQueryOptions() {
  return queryOptions({
    queryKey: signupChallengeQueryKey,
    queryFn: ({ signal }) => getSignupChallenge(signal),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export function useSignupChallenge() {
  return useQuery(signupChallengeQueryOptions());
}
